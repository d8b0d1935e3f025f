namespace NetconfCloud.FunctionsHost;

/// <summary>
/// The event stream of the current worker. Each worker process gets a channel (and a worker id) of its own, so a
/// restarted worker starts from a clean handshake and nothing waits on the stream of one that died.
/// </summary>
internal sealed class WorkerChannels(ILoggerFactory loggers)
{
    private volatile WorkerChannel current = new(loggers);

    public WorkerChannel Current => current;

    /// <summary>A fresh channel for the next worker; the previous one should have been failed already.</summary>
    public WorkerChannel Next() => current = new WorkerChannel(loggers);
}
