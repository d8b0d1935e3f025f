using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// What every page shares: the document head with our stylesheet and script, the start of the header with the language
/// switch, and how the agenda's version and zone read, all in the page's language.
/// </summary>
internal static class PageLayout
{
    /// <summary>
    /// The document up to the open <c>header</c>: <c>&lt;html lang&gt;</c> of <paramref name="language"/>, the texts the
    /// script shows (as data- attributes: the Content-Security-Policy allows no inline script), the skip link and the
    /// language switch. Its links are <paramref name="here"/> (the page's path and query; "" for the page itself) with
    /// <c>hl</c> set.
    /// </summary>
    public static void Head(HtmlWriter html, FeedOptions options, SiteLanguage language, string title, string here, params ReadOnlySpan<(string Name, string? Value)> bodyAttributes) =>
        Head(html, options, language, title, here, null, bodyAttributes);

    /// <param name="changesFeed">The conference whose Atom feed of changes the head names as an alternate, or null.</param>
    public static void Head(HtmlWriter html, FeedOptions options, SiteLanguage language, string title, string here, Conference? changesFeed, params ReadOnlySpan<(string Name, string? Value)> bodyAttributes)
    {
        var t = language.Texts;
        (string Name, string? Value)[] attributes =
        [
            .. bodyAttributes,
            ("data-picked-one", t.PickedOne),
            ("data-picked-many", t.PickedMany),
            ("data-existing-agenda", t.ExistingAgenda),
            ("data-open-my-agenda", t.OpenMyAgenda),
            ("data-copied", t.Copied),
            ("data-offline-title", t.OfflineTitle),
            ("data-offline-text", t.OfflineText),
        ];
        html.Raw("<!doctype html>\n").Open("html", ("lang", language.Tag)).Open("head")
            .Open("meta", ("charset", "utf-8"))
            .Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Open("meta", ("name", "referrer"), ("content", "no-referrer"))
            .Element("title", title)
            // No icon to fetch (a browser would ask the host's root for one): an empty one, which img-src data: allows.
            .Open("link", ("rel", "icon"), ("href", "data:,"))
            .Open("link", ("rel", "stylesheet"), ("href", PageAssets.Path(options, PageAssets.Stylesheet)))
            .Open("link", ("rel", "manifest"), ("href", PageAssets.Path(options, PageAssets.ManifestOf(language))))
            .Open("meta", ("name", "theme-color"), ("content", "#0b57d0"))
            .Open("script", ("src", PageAssets.Path(options, PageAssets.Script)), ("defer", "")).Close("script");
        if (changesFeed is not null)
        {
            html.Open("link", ("rel", "alternate"), ("type", ChangesFeed.ContentType), ("title", language.Texts.Changes.FeedTitle(changesFeed.Name)), ("href", PageRoutes.ChangesFeedPath(options, changesFeed.Id)));
        }

        html.Close("head").Open("body", attributes)
            .Open("a", ("class", "skip"), ("href", "#main")).Text(t.SkipToContent).Close("a")
            .Open("header");
        LanguageSwitch(html, language, here);
    }

    /// <summary>A link to this page in each language of the site, each named in its own language; the current one marked.</summary>
    private static void LanguageSwitch(HtmlWriter html, SiteLanguage current, string here)
    {
        var separator = here.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        html.Open("nav", ("class", "languages"), ("aria-label", current.Texts.LanguageSwitch)).Open("ul");
        foreach (var language in SiteLanguage.All)
        {
            html.Open("li").Link($"{here}{separator}{LanguageChoice.Parameter}={language.Tag}", language.Texts.LanguageName,
                ("lang", language.Tag), ("hreflang", language.Tag), ("aria-current", language == current ? "true" : null)).Close("li");
        }

        html.Close("ul").Close("nav");
    }

    public static void End(HtmlWriter html) => html.Close("body").Close("html").Raw("\n");

    /// <summary>
    /// "Agenda version 12, last changed Thursday 3 December 2026 at 14:05 (Ottawa time)": the agenda's own version and
    /// change time, not the source's status text.
    /// </summary>
    public static void AgendaVersion(HtmlWriter html, Conference conference, SiteLanguage language)
    {
        if (conference.AgendaVersion <= 0)
        {
            return;
        }

        var changed = conference.TimeZone.ToLocal(conference.AgendaUpdateTime);
        html.Open("p", ("class", "status"))
            .Sentence(language.Texts.AgendaVersion(conference.AgendaVersion, Place(conference, language)), h => h.TimeAs(changed, language.DateAndTime(changed)))
            .Close("p");
    }

    /// <summary>"Times are Ottawa time (America/Toronto, UTC−05:00)." from the zone and the offsets it has on the days.</summary>
    public static string ZoneNote(Conference conference, SiteLanguage language)
    {
        var zone = conference.TimeZone;
        var offsets = conference.Days.DefaultIfEmpty(DateOnly.FromDateTime(DateTime.UtcNow))
            .Select(d => zone.Zone.GetUtcOffset(d.ToDateTime(new TimeOnly(12, 0))))
            .Distinct().Select(Offset);
        return language.Texts.ZoneNote(Place(conference, language), zone.Id, string.Join(language.Texts.Then, offsets));
    }

    /// <summary>"Ottawa time", or "local time" when the conference names no city.</summary>
    internal static string Place(Conference conference, SiteLanguage language) =>
        conference.City.Length > 0 ? language.Texts.CityTime(conference.City) : language.Texts.LocalTime;

    private static string Offset(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? "\u2212" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
}
