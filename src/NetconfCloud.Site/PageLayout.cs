using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>What every page shares: the document head with our stylesheet and script, and how dates and zones read.</summary>
internal static class PageLayout
{
    public static void Head(HtmlWriter html, FeedOptions options, string title, params ReadOnlySpan<(string Name, string? Value)> bodyAttributes) =>
        Head(html, options, title, null, bodyAttributes);

    /// <param name="changesFeed">The conference whose Atom feed of changes the head names as an alternate, or null.</param>
    public static void Head(HtmlWriter html, FeedOptions options, string title, Conference? changesFeed, params ReadOnlySpan<(string Name, string? Value)> bodyAttributes)
    {
        html.Raw("<!doctype html>\n").Open("html", ("lang", "en")).Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Open("meta", ("name", "referrer"), ("content", "no-referrer"))
            .Element("title", title)
            // No icon to fetch (a browser would ask the host's root for one): an empty one, which img-src data: allows.
            .Open("link", ("rel", "icon"), ("href", "data:,"))
            .Open("link", ("rel", "stylesheet"), ("href", PageAssets.Path(options, PageAssets.Stylesheet)))
            .Open("link", ("rel", "manifest"), ("href", PageAssets.Path(options, PageAssets.Manifest)))
            .Open("meta", ("name", "theme-color"), ("content", "#0b57d0"))
            .Open("script", ("src", PageAssets.Path(options, PageAssets.Script)), ("defer", "")).Close("script");
        if (changesFeed is not null)
        {
            html.Open("link", ("rel", "alternate"), ("type", ChangesFeed.ContentType), ("title", ChangeTexts.FeedTitle(changesFeed)), ("href", PageRoutes.ChangesFeedPath(options, changesFeed.Id)));
        }

        html.Close("head").Open("body", bodyAttributes)
            .Open("a", ("class", "skip"), ("href", "#main")).Text("Skip to the content").Close("a");
    }

    public static void End(HtmlWriter html) => html.Close("body").Close("html").Raw("\n");

    /// <summary>
    /// "Agenda version 12, last changed Thursday 3 December 2026 at 14:05 (Ottawa time)": the agenda's own version and
    /// change time, not the source's status text.
    /// </summary>
    public static void AgendaVersion(HtmlWriter html, Conference conference)
    {
        if (conference.AgendaVersion <= 0)
        {
            return;
        }

        var changed = conference.TimeZone.ToLocal(conference.AgendaUpdateTime);
        html.Open("p", ("class", "status")).Text($"Agenda version {conference.AgendaVersion.ToString(CultureInfo.InvariantCulture)}, last changed ")
            .Time(changed, "dddd d MMMM yyyy 'at' HH:mm").Text($" ({(conference.City.Length > 0 ? $"{conference.City} time" : "local time")}).").Close("p");
    }

    /// <summary>"12–13 February 2015", "30 January – 2 February 2026", or one day.</summary>
    public static string DateRange(IReadOnlyList<DateOnly> days)
    {
        if (days.Count == 0)
        {
            return "Dates to be announced";
        }

        var (first, last) = (days.Min(), days.Max());
        string Format(DateOnly d, string f) => d.ToString(f, CultureInfo.InvariantCulture);
        return first == last ? Format(first, "d MMMM yyyy")
            : first.Year == last.Year && first.Month == last.Month ? $"{Format(first, "%d")}–{Format(last, "d MMMM yyyy")}"
            : first.Year == last.Year ? $"{Format(first, "d MMMM")} – {Format(last, "d MMMM yyyy")}"
            : $"{Format(first, "d MMMM yyyy")} – {Format(last, "d MMMM yyyy")}";
    }

    /// <summary>"Times are Ottawa time (America/Toronto, UTC−05:00)." from the zone and the offsets it has on the days.</summary>
    public static string ZoneNote(Conference conference)
    {
        var zone = conference.TimeZone;
        var offsets = conference.Days.DefaultIfEmpty(DateOnly.FromDateTime(DateTime.UtcNow))
            .Select(d => zone.Zone.GetUtcOffset(d.ToDateTime(new TimeOnly(12, 0))))
            .Distinct().Select(Offset);
        var place = conference.City.Length > 0 ? $"{conference.City} time" : "local time";
        return $"Times are {place} ({zone.Id}, {string.Join(" then ", offsets)}), 24-hour clock.";
    }

    private static string Offset(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? "\u2212" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
}
