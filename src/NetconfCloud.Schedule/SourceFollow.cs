namespace NetconfCloud.Schedule;

/// <summary>
/// A conference that follows its organisers' published schedule: where it is, how often it is fetched, what came of
/// the last fetches, the source's validators (ETag, Last-Modified) for the next conditional GET, and the lease that
/// lets one replica at a time fetch it.
/// </summary>
public sealed record SourceFollow(string ConferenceId, Uri Url, TimeSpan Interval)
{
    /// <summary>When it was last fetched, whatever came of it.</summary>
    public DateTimeOffset? LastCheckTime { get; init; }

    /// <summary>When a fetch last succeeded (imported, unchanged or not modified).</summary>
    public DateTimeOffset? LastSuccessTime { get; init; }

    /// <summary>The agenda version the last success left.</summary>
    public long LastSuccessVersion { get; init; }

    /// <summary>Why the last fetch failed, short and safe to show; empty when it succeeded.</summary>
    public string LastError { get; init; } = "";

    public DateTimeOffset? LastErrorTime { get; init; }

    public DateTimeOffset NextFetchTime { get; init; }

    /// <summary>The source's ETag of what was last applied, for If-None-Match; empty when it sent none. Not published.</summary>
    public string SourceETag { get; init; } = "";

    /// <summary>The source's Last-Modified of what was last applied, for If-Modified-Since; empty when none. Not published.</summary>
    public string SourceLastModified { get; init; } = "";

    /// <summary>The replica that holds the lease (fetches now); empty when none does.</summary>
    public string LeaseOwner { get; init; } = "";

    /// <summary>When the lease ends: after it another replica may take it.</summary>
    public DateTimeOffset LeaseExpiry { get; init; }

    /// <summary>The storage version of the record; a change is written only over the version it was read at.</summary>
    public string ETag { get; init; } = "";

    /// <summary>Whether the fetch is due at <paramref name="now"/> and no other replica holds the lease.</summary>
    public bool IsDue(DateTimeOffset now, string replica) =>
        NextFetchTime <= now && (LeaseOwner.Length == 0 || LeaseOwner == replica || LeaseExpiry <= now);
}

/// <summary>Where followed sources are kept: a record per conference, changed only over the version it was read at.</summary>
public interface ISourceFollowStore
{
    Task<SourceFollow?> GetAsync(string conferenceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceFollow>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Writes a new follow over whatever the conference had (another source, another interval).</summary>
    Task<SourceFollow> PutAsync(SourceFollow follow, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="follow"/> if the record is still at its <see cref="SourceFollow.ETag"/>; null when it moved or is gone.</summary>
    Task<SourceFollow?> TryReplaceAsync(SourceFollow follow, CancellationToken cancellationToken);

    /// <summary>Removes the follow; false when there was none.</summary>
    Task<bool> DeleteAsync(string conferenceId, CancellationToken cancellationToken);
}

/// <summary>How long ago or ahead, in words for people: "40 seconds", "1 minute", "3 minutes", "2 hours", "3 days".</summary>
public static class Elapsed
{
    public static string InWords(TimeSpan span)
    {
        span = span.Duration();
        var (count, unit) = span.TotalMinutes < 1 ? ((int)span.TotalSeconds, "second")
            : span.TotalHours < 1 ? ((int)span.TotalMinutes, "minute")
            : span.TotalDays < 1 ? ((int)span.TotalHours, "hour")
            : ((int)span.TotalDays, "day");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
    }
}
