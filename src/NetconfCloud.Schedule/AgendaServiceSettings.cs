namespace NetconfCloud.Schedule;

/// <summary>Tuning of <see cref="AgendaService"/>.</summary>
public sealed record AgendaServiceSettings
{
    /// <summary>How often a watcher looks for new changes in storage.</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a conference's poller waits while nothing changes (writes through this instance wake it at once).</summary>
    public TimeSpan WatchIdlePollInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Watchers one instance holds open at most.</summary>
    public int MaxWatchers { get; init; } = 1000;

    /// <summary>Watchers one caller may hold open on one instance.</summary>
    public int MaxWatchersPerCaller { get; init; } = 10;
}
