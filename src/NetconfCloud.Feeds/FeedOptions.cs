using System.ComponentModel.DataAnnotations;

namespace NetconfCloud.Feeds;

public sealed class FeedOptions
{
    public const string SectionName = "Feeds";

    /// <summary>Where subscribers reach the feeds, up to and including the route prefix, e.g. https://feeds.example.org/api.</summary>
    [Required]
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071/api");

    /// <summary>How often calendar apps should refresh (REFRESH-INTERVAL, X-PUBLISHED-TTL, Cache-Control max-age).</summary>
    [Range(5, 1440)]
    public int RefreshMinutes { get; set; } = 60;

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(RefreshMinutes);
}
