namespace NetconfCloud.Schedule;

/// <summary>Tuning of <see cref="AgendaService"/>.</summary>
public sealed record AgendaServiceSettings
{
    /// <summary>How often a watcher looks for new changes in storage.</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest a conference's poller waits while nothing changes (writes through this instance wake it at once).</summary>
    public TimeSpan WatchIdlePollInterval { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// How long a conference's poller keeps asking a storage that does not answer (on its growing interval, up to
    /// <see cref="WatchIdlePollInterval"/>) before it ends its watchers as unavailable. A minute: outages shorter than
    /// that pass without a watcher noticing, and a longer one does not hold streams open on a replica that cannot
    /// tell them anything.
    /// </summary>
    public TimeSpan WatchGiveUpAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Watchers one instance holds open at most.</summary>
    public int MaxWatchers { get; init; } = 1000;

    /// <summary>Watchers one caller may hold open on one instance.</summary>
    public int MaxWatchersPerCaller { get; init; } = 10;

    /// <summary>
    /// How long a conference's agenda held in memory is served without asking storage whether it moved (one point
    /// read of the conference row). One second: with the feeds' own half second (they revalidate against a replica at
    /// most twice a second), a change made through another instance reaches a calendar within 1.5 s, and storage sees
    /// one small read a second per conference per instance however many requests arrive.
    /// </summary>
    public TimeSpan RevalidateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Conferences held in memory at most; the least recently used leaves first. A 10,000-session agenda is some tens of MB.</summary>
    public int MaxCachedConferences { get; init; } = 32;

    /// <summary>Versions of one agenda held, so that a client paging through it while it changes finishes on the version it started.</summary>
    public int KeptVersions { get; init; } = 8;
}
