namespace NetconfCloud.Feeds;

public enum FeedStatus
{
    Ok,
    BadRequest,
    NotFound,
    Gone,
    Conflict,
    Unavailable,
    TooManyRequests,
}

/// <summary>The answer to a feed request, before HTTP: a document, or why there is none.</summary>
public sealed record FeedResult(FeedStatus Status, FeedDocument? Document, string Message, bool Stale = false)
{
    /// <summary>Seconds a client should wait before trying again when the agenda cannot be read.</summary>
    public const int RetryAfterSeconds = 30;

    public static FeedResult Ok(FeedDocument document, bool stale = false) => new(FeedStatus.Ok, document, "", stale);

    public static FeedResult NotFound(string message) => new(FeedStatus.NotFound, null, message);

    public static FeedResult BadRequest(string message) => new(FeedStatus.BadRequest, null, message);

    /// <summary>The address was valid once and is no more (a revoked personal agenda): HTTP 410.</summary>
    public static FeedResult Gone(string message) => new(FeedStatus.Gone, null, message);

    public static FeedResult Unavailable(string message) => new(FeedStatus.Unavailable, null, message);

    /// <summary>With <see cref="FeedStatus.TooManyRequests"/>: when to come back (HTTP Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
