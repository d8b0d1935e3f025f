using Google.Protobuf.WellKnownTypes;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Options;

namespace NetconfCloud.FunctionsHost;

/// <summary>
/// Starts the worker once this host listens, walks it through the handshake (StartStream, WorkerInitRequest,
/// FunctionsMetadataRequest, a FunctionLoadRequest per function), publishes the HTTP routes, and stops it cleanly
/// (WorkerTerminate, then a kill after the grace period). A worker that dies on its own is started again after a
/// pause that doubles each time (requests get 503 with Retry-After meanwhile); more than
/// <see cref="FunctionsHostOptions.MaxRestarts"/> deaths within <see cref="FunctionsHostOptions.RestartWindowSeconds"/>
/// stop this host with exit code 1 rather than leaving requests to hang.
/// </summary>
internal sealed partial class WorkerHost(
    WorkerChannels channels,
    WorkerState state,
    WorkerProcess process,
    FunctionEndpointDataSource endpoints,
    HttpInvoker invoker,
    WorkerProtocolServer protocol,
    IOptions<FunctionsHostOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerHost> logger) : IHostedLifecycleService
{
    public const string HostVersion = "4.1000.0-netconfcloud-local";

    private readonly Queue<DateTimeOffset> deaths = new();
    private volatile bool stopping;
    private bool subscribed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => StartWorkerAsync(restart: false), CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs before any service stops, while the worker's event stream is still open: the worker is told to
    /// terminate and given its grace period, so that the server is not left waiting on the stream.
    /// </summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        if (process.HasExited)
        {
            return;
        }

        var grace = TimeSpan.FromSeconds(options.Value.ShutdownGraceSeconds);
        var channel = channels.Current;
        if (channel.Connected.IsCompletedSuccessfully)
        {
            try
            {
                channel.Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString("N"), WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(grace) } });
            }
            catch (WorkerUnavailableException)
            {
            }
        }

        var exitedByItself = await process.WaitOrKillAsync(grace);
        LogStopped(exitedByItself ? "exited" : "was killed", process.ExitCode);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartWorkerAsync(bool restart)
    {
        var settings = options.Value;
        var timeout = TimeSpan.FromSeconds(settings.StartTimeoutSeconds);
        var channel = restart ? channels.Next() : channels.Current;
        try
        {
            var app = FunctionApp.Load(settings.AppDirectory);
            if (!subscribed)
            {
                process.Exited += OnWorkerExited;
                subscribed = true;
            }

            if (stopping)
            {
                return;
            }

            process.Start(app, channel.WorkerId, protocol.Uri, settings.Settings);
            await channel.Connected.WaitAsync(timeout);

            var init = (await channel.RequestAsync(
                new StreamingMessage { RequestId = NewId(), WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, FunctionAppDirectory = app.Directory, WorkerDirectory = app.Directory } },
                WorkerChannel.Keys.Init, timeout, CancellationToken.None)).WorkerInitResponse;
            Require(init.Result, "WorkerInitRequest");
            if (!init.Capabilities.TryGetValue("HttpUri", out var httpUri))
            {
                throw new InvalidOperationException("The worker does not advertise HttpUri: this host serves apps built with the ASP.NET Core integration (ConfigureFunctionsWebApplication).");
            }

            state.WorkerHttpUri = new Uri(httpUri);
            var metadata = (await channel.RequestAsync(
                new StreamingMessage { RequestId = NewId(), FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = app.Directory } },
                WorkerChannel.Keys.Metadata, timeout, CancellationToken.None)).FunctionMetadataResponse;
            Require(metadata.Result, "FunctionsMetadataRequest");
            if (metadata.UseDefaultMetadataIndexing)
            {
                throw new InvalidOperationException("The worker asks the host to index functions; this host supports worker indexing only.");
            }

            var functions = metadata.FunctionMetadataResults.Select(FunctionDescriptor.From).ToArray();
            foreach (var function in functions.Where(f => f.IsHttp))
            {
                var load = (await channel.RequestAsync(
                    new StreamingMessage { RequestId = NewId(), FunctionLoadRequest = new FunctionLoadRequest { FunctionId = function.Id, Metadata = function.Metadata } },
                    WorkerChannel.Keys.Load(function.Id), timeout, CancellationToken.None)).FunctionLoadResponse;
                Require(load.Result, $"FunctionLoadRequest for {function.Name}");
            }

            // The worker answers the handshake from a hosted service that runs before its own web server has bound
            // HttpUri; a request (or a terminate) that comes too early fails there. Wait until it accepts connections.
            await WaitUntilListeningAsync(state.WorkerHttpUri, timeout);
            endpoints.Publish(functions.Where(f => f.IsHttp), app.RoutePrefix, function => context => invoker.InvokeAsync(context, function));
            foreach (var function in functions)
            {
                if (function.IsHttp)
                {
                    LogRoute(function.Name, string.Join(",", function.Methods), function.RoutePattern(app.RoutePrefix));
                }
                else
                {
                    LogNotServed(function.Name, function.TriggerType);
                }
            }

            state.SetReady();
            LogReady(functions.Count(f => f.IsHttp));
        }
        catch (Exception e) when (restart && !stopping)
        {
            // A restarted worker that cannot start counts as one more death (and so, soon, as too many).
            channel.Fail(e.Message);
            WorkerLost($"The restarted worker could not be started: {e.Message}");
        }
        catch (Exception e) when (!stopping)
        {
            Fail($"The worker could not be started: {e.Message}");
        }
        catch (Exception e)
        {
            LogStartAbandoned(e.Message);
        }
    }

    private static async Task WaitUntilListeningAsync(Uri uri, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(uri.Host, uri.Port, deadline.Token);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(25, deadline.Token);
            }
        }
    }

    private void OnWorkerExited(int exitCode)
    {
        if (stopping)
        {
            return;
        }

        WorkerLost($"The worker process exited unexpectedly with code {exitCode}.");
    }

    /// <summary>The worker died: requests get 503 now; another is started after a pause, unless it died too often.</summary>
    private void WorkerLost(string reason)
    {
        var settings = options.Value;
        state.SetRestarting();
        channels.Current.Fail(reason);
        int restart;
        lock (deaths)
        {
            var now = DateTimeOffset.UtcNow;
            deaths.Enqueue(now);
            while (deaths.Peek() < now.AddSeconds(-settings.RestartWindowSeconds))
            {
                deaths.Dequeue();
            }

            restart = deaths.Count;
        }

        if (restart > settings.MaxRestarts)
        {
            Fail($"{reason} It died {restart} times within {settings.RestartWindowSeconds} s; not restarted again.");
            return;
        }

        var pause = TimeSpan.FromMilliseconds(Math.Min(8_000, 250 * Math.Pow(2, restart - 1)));
        LogRestarting(reason, pause.TotalSeconds, restart, settings.MaxRestarts);
        _ = Task.Run(async () =>
        {
            await Task.Delay(pause);
            if (!stopping)
            {
                await StartWorkerAsync(restart: true);
            }
        });
    }

    private void Fail(string reason)
    {
        LogFailed(reason);
        channels.Current.Fail(reason);
        state.SetFailed(reason);
        lifetime.StopApplication();
    }

    private static void Require(StatusResult? result, string step)
    {
        if (result is null || result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"{step} failed: {result?.Exception?.Message ?? result?.Result ?? "no result"}");
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(LogLevel.Information, "Function {Name}: [{Methods}] /{Route}")]
    private partial void LogRoute(string name, string methods, string route);

    [LoggerMessage(LogLevel.Warning, "Function {Name} has a {Trigger}; this host serves HTTP triggers only, so it is not served.")]
    private partial void LogNotServed(string name, string trigger);

    [LoggerMessage(LogLevel.Information, "Functions host ready: {Count} HTTP functions.")]
    private partial void LogReady(int count);

    [LoggerMessage(LogLevel.Error, "{Reason} Restarting it in {Seconds} s ({Restart} of at most {MaxRestarts}); requests get 503 meanwhile.")]
    private partial void LogRestarting(string reason, double seconds, int restart, int maxRestarts);

    [LoggerMessage(LogLevel.Information, "Worker start abandoned while stopping: {Reason}")]
    private partial void LogStartAbandoned(string reason);

    [LoggerMessage(LogLevel.Critical, "{Reason}")]
    private partial void LogFailed(string reason);

    [LoggerMessage(LogLevel.Information, "Worker {How} (exit code {ExitCode}).")]
    private partial void LogStopped(string how, int? exitCode);
}
