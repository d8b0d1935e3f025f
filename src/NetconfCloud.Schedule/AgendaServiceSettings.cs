namespace NetconfCloud.Schedule;

/// <summary>Tuning of <see cref="AgendaService"/>.</summary>
public sealed record AgendaServiceSettings
{
    /// <summary>How often a watcher looks for new changes in storage.</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
