using System.Collections.Concurrent;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Bench.Watchers;

/// <summary>
/// One WatchSchedule stream. It asks for the log after <c>openVersion - 1</c>, so the change at
/// <c>openVersion</c> comes back first: that is how the bench knows the stream is open (the service sends no
/// headers before its first change).
/// </summary>
internal sealed class Watcher(int index, Caller caller)
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<long, long> received = new();

    public int Index { get; } = index;

    public Caller Caller { get; } = caller;

    /// <summary>Completes when the stream has delivered its first change; faults if the service refused the watch.</summary>
    public Task Opened => opened.Task;

    /// <summary>Agenda versions received, with the <see cref="TimeProvider.GetTimestamp"/> of their arrival.</summary>
    public IReadOnlyDictionary<long, long> Received => received;

    /// <summary>Why the stream ended before the bench ended it, if it did.</summary>
    public string? Failure { get; private set; }

    public async Task RunAsync(string conferenceId, long openVersion, CancellationToken cancellationToken)
    {
        try
        {
            using var call = Caller.Client.WatchSchedule(
                new WatchScheduleRequest { ConferenceId = conferenceId, AfterVersion = openVersion - 1 }, Caller.Headers, cancellationToken: cancellationToken);
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var version = call.ResponseStream.Current.AgendaVersion;
                received.TryAdd(version, TimeProvider.System.GetTimestamp());
                if (version >= openVersion)
                {
                    opened.TrySetResult();
                }
            }

            Fail("the service ended the stream");
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // The bench closed it.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The bench closed it.
        }
        catch (RpcException e)
        {
            // The first line only: a service in Development sends the whole exception.
            Fail($"{e.StatusCode}: {e.Status.Detail.Split('\n')[0].Trim()}");
        }
    }

    private void Fail(string why)
    {
        Failure = why;
        opened.TrySetException(new InvalidOperationException(why));
    }
}
