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

    /// <summary>Sponsors in published order, and the same sponsors grouped by tier (tiers in the order they first appear).</summary>
    public static string Sponsors(AgendaSnapshot agenda)
    {
        static SponsorEntry Entry(Sponsor s) => new(
            s.Id, s.Name, s.Tagline.Length > 0 ? s.Tagline : null, s.Tagline.Length > 0 ? $"{s.Name}, {s.Tagline}" : s.Name,
            s.Tier.Length > 0 ? s.Tier : null, s.Url.Length > 0 ? s.Url : null);
        var entries = agenda.Sponsors.OrderBy(s => s.Order).Select(Entry).ToArray();
        var tiers = ByTier(agenda).Select(g => new SponsorTier(g.Key.Length > 0 ? g.Key : null, [.. g.Select(Entry)])).ToArray();
        return JsonSerializer.Serialize(new SponsorListing(agenda.Conference.Id, agenda.Conference.Name, entries, tiers), Json);
    }

    /// <summary>The sponsors in published order, grouped by tier, tiers in the order they first appear ("" for no tier).</summary>
    public static IEnumerable<IGrouping<string, Sponsor>> ByTier(AgendaSnapshot agenda) =>
        agenda.Sponsors.OrderBy(s => s.Order).GroupBy(s => s.Tier);

    /// <summary>The conference's page and every feed of the agenda, kind by kind in the order of <see cref="FeedKinds.All"/>.</summary>
    public static string Index(AgendaSnapshot agenda, FeedOptions options)
    {
        var id = agenda.Conference.Id;
        var feeds = FeedKinds.All
            .SelectMany(definition => definition.Arguments(agenda).Select(argument => new FeedKey(definition.Kind, id, argument)))
            .Select(key => new FeedEntry(
                key.Kind.ToString().ToLowerInvariant(),
                FeedKinds.Title(key, agenda),
                FeedUrls.Https(options, key),
                key.Definition.IsCalendar ? FeedUrls.Webcal(options, key) : null,
                key.Definition.ContentType.Split(';')[0]))
            .ToList();
        return JsonSerializer.Serialize(new FeedIndex(id, agenda.Conference.Name, PageRoutes.ConferenceUrl(options, id), PageRoutes.NowAndNextUrl(options, id), feeds), Json);
    }

    private sealed record SponsorListing(string ConferenceId, string Conference, IReadOnlyList<SponsorEntry> Sponsors, IReadOnlyList<SponsorTier> Tiers);

    private sealed record SponsorEntry(string Id, string Name, string? Tagline, string DisplayName, string? Tier, string? Url);

    private sealed record SponsorTier(string? Tier, IReadOnlyList<SponsorEntry> Sponsors);

    /// <summary>The feeds, with the conference's attendee page and its now-and-next document.</summary>
    private sealed record FeedIndex(string ConferenceId, string Conference, Uri Page, Uri NowAndNext, IReadOnlyList<FeedEntry> Feeds);

    private sealed record FeedEntry(string Kind, string Title, Uri Url, Uri? WebcalUrl, string ContentType);
}
