using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using RpcException = Grpc.Core.RpcException;

namespace NetconfCloud.FunctionsHost;

/// <summary>The worker went away (exited, crashed, or closed its stream); nothing more can be asked of it.</summary>
internal sealed class WorkerUnavailableException(string message) : Exception(message);

/// <summary>
/// The host's side of the worker's event stream: one worker, one stream. Messages to the worker go through a
/// queue with a single writer (gRPC streams take one write at a time); answers are matched to the request that
/// awaits them (init, metadata, each function load, each invocation). Logs are passed on to our logging.
/// </summary>
internal sealed partial class WorkerChannel(ILoggerFactory loggers)
{
    private readonly Channel<StreamingMessage> outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> awaiting = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger logger = loggers.CreateLogger<WorkerChannel>();
    private readonly ILogger workerLogger = loggers.CreateLogger("Worker");
    private volatile string? failure;

    public string WorkerId { get; } = Guid.NewGuid().ToString("N");

    public Task Connected => connected.Task;

    /// <summary>Serves the worker's EventStream until it ends.</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> fromWorker, IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        if (!await fromWorker.MoveNext(cancellationToken) || fromWorker.Current.StartStream is not { } start)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream."));
        }

        if (start.WorkerId != WorkerId)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Unknown worker id '{start.WorkerId}'."));
        }

        if (!connected.TrySetResult())
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, "A worker is connected already."));
        }

        LogConnected(logger, WorkerId);
        var writer = WriteAllAsync(toWorker, cancellationToken);
        try
        {
            while (await fromWorker.MoveNext(cancellationToken))
            {
                Dispatch(fromWorker.Current);
            }

            Fail("The worker closed its event stream.");
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or RpcException)
        {
            Fail($"The worker's event stream broke: {e.Message}");
        }

        outbound.Writer.TryComplete();
        await writer;
    }

    /// <summary>Sends a message and waits for the answer filed under <paramref name="key"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!awaiting.TryAdd(key, answer))
        {
            throw new InvalidOperationException($"Already waiting for {key}.");
        }

        try
        {
            ThrowIfFailed();
            Send(message);
            return await answer.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The worker did not answer {key} within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            awaiting.TryRemove(key, out _);
        }
    }

    public void Send(StreamingMessage message)
    {
        ThrowIfFailed();
        outbound.Writer.TryWrite(message);
    }

    /// <summary>The worker is gone: everything waiting on it fails now, and so does everything asked later.</summary>
    public void Fail(string reason)
    {
        failure ??= reason;
        connected.TrySetException(new WorkerUnavailableException(reason));
        foreach (var (_, waiter) in awaiting)
        {
            waiter.TrySetException(new WorkerUnavailableException(reason));
        }
    }

    private void ThrowIfFailed()
    {
        if (failure is { } reason)
        {
            throw new WorkerUnavailableException(reason);
        }
    }

    private async Task WriteAllAsync(IServerStreamWriter<StreamingMessage> toWorker, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await toWorker.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            Fail($"Writing to the worker failed: {e.Message}");
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => Keys.Init,
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => Keys.Metadata,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => Keys.Load(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => Keys.Invocation(message.InvocationResponse.InvocationId),
            _ => null,
        };
        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            Log(message.RpcLog);
        }
        else if (key is not null && awaiting.TryGetValue(key, out var waiter))
        {
            waiter.TrySetResult(message);
        }
    }

    private void Log(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (workerLogger.IsEnabled(level))
        {
            var exception = log.Exception is { } e ? $" {e.Type}: {e.Message}" : "";
            LogWorker(workerLogger, level, log.Category, log.Message, exception);
        }
    }

    [LoggerMessage(LogLevel.Information, "Worker {WorkerId} connected.")]
    private static partial void LogConnected(ILogger logger, string workerId);

    [LoggerMessage("[{Category}] {Message}{Exception}")]
    private static partial void LogWorker(ILogger logger, LogLevel level, string category, string message, string exception);

    public static class Keys
    {
        public const string Init = "init";
        public const string Metadata = "metadata";

        public static string Load(string functionId) => $"load:{functionId}";

        public static string Invocation(string invocationId) => $"invocation:{invocationId}";
    }
}
