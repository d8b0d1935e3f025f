using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetconfCloud.Feeds;

/// <summary>The JSON endpoints: the sponsor listing and the index of every feed.</summary>
internal static class JsonDocuments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Sponsors(AgendaSnapshot agenda) => JsonSerializer.Serialize(
        new SponsorListing(
            agenda.Conference.Id,
            agenda.Conference.Name,
            [.. agenda.Sponsors.OrderBy(s => s.Order).Select(s => new SponsorEntry(s.Id, s.Name, s.Tagline.Length > 0 ? s.Tagline : null, s.Tagline.Length > 0 ? $"{s.Name}, {s.Tagline}" : s.Name))]),
        Json);

    public static string Index(AgendaSnapshot agenda, FeedOptions options)
    {
        var id = agenda.Conference.Id;
        var feeds = new List<FeedEntry> { Calendar(FeedKey.Parse(FeedKind.Event, id), agenda, options) };
        feeds.AddRange(agenda.Conference.Days.Select(d => Calendar(FeedKey.Parse(FeedKind.Day, id, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), agenda, options)));
        feeds.AddRange(agenda.Speakers.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Calendar(FeedKey.Parse(FeedKind.Speaker, id, s.Id), agenda, options)));
        feeds.AddRange(agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => Calendar(FeedKey.Parse(FeedKind.Session, id, s.Id), agenda, options)));
        var sponsors = FeedKey.Parse(FeedKind.Sponsors, id);
        feeds.Add(new FeedEntry("sponsors", $"{agenda.Conference.Name} — sponsors", FeedUrls.Https(options, sponsors), null, "application/json"));
        return JsonSerializer.Serialize(new FeedIndex(id, agenda.Conference.Name, feeds), Json);
    }

    private static FeedEntry Calendar(FeedKey key, AgendaSnapshot agenda, FeedOptions options) => new(
        key.Kind.ToString().ToLowerInvariant(),
        FeedSelection.For(key, agenda)!.Title,
        FeedUrls.Https(options, key),
        FeedUrls.Webcal(options, key),
        "text/calendar");

    private sealed record SponsorListing(string ConferenceId, string Conference, IReadOnlyList<SponsorEntry> Sponsors);

    private sealed record SponsorEntry(string Id, string Name, string? Tagline, string DisplayName);

    private sealed record FeedIndex(string ConferenceId, string Conference, IReadOnlyList<FeedEntry> Feeds);

    private sealed record FeedEntry(string Kind, string Title, Uri Url, Uri? WebcalUrl, string ContentType);
}
