using System.ComponentModel.DataAnnotations;

namespace NetconfCloud.Feeds;

public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    private const long Megabyte = 1024 * 1024;

    /// <summary>Where subscribers reach the feeds, up to and including the route prefix, e.g. https://feeds.example.org/api.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071/api");

    /// <summary>How often calendar apps should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL, Cache-Control max-age).</summary>
    [Range(5, 1440)]
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>
    /// The most text of rendered events kept for composing calendars (MiB of UTF-8), least recently used dropped first.
    /// Default 32: an event is about 0.9 KiB (9 MB for the 10,000 sessions of the benchmarks' agenda), so this keeps
    /// every event of such an agenda three times over (older versions age out), in a small part of a Functions
    /// instance's memory (1.5 GB on Consumption, 2 GB by default on Flex Consumption). Bookkeeping adds about 150
    /// bytes an event.
    /// </summary>
    [Range(1, 4096)]
    public int EventCacheMegabytes { get; set; } = 32;

    /// <summary>
    /// The most rendered feeds kept (MiB of bodies), reused while the agenda version stands and served as the last
    /// good copy when the agenda cannot be read; least recently used dropped first, so a feed dropped was not asked
    /// for lately, and a feed larger than this is never kept. Default 128: every feed of a 10,000-session
    /// conference (the whole event and the days about 9 MB each, the speakers and sessions with a header each: about
    /// 50 MB together) fits twice, and all of a Netconf-sized conference's feeds take well under 1 MiB.
    /// </summary>
    [Range(1, 4096)]
    public int FeedCacheMegabytes { get; set; } = 128;

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(RefreshMinutes);

    internal long EventCacheBytes => EventCacheMegabytes * Megabyte;

    internal long FeedCacheBytes => FeedCacheMegabytes * Megabyte;
}
