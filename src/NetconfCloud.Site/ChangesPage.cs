namespace NetconfCloud.Site;

/// <summary>
/// The public page of what changed at a conference: a section per agenda version, newest first, each change with the
/// talk's link and what changed in words; a big version (an import) lists its weightiest sessions and counts the rest.
/// An "Older changes" link pages back. The head names the Atom feed of the same changes.
/// </summary>
public static class ChangesPage
{
    public static string Render(AgendaSnapshot agenda, PublicChangePage changes, bool isNewest, FeedOptions options, SiteLanguage? language = null)
    {
        var conference = agenda.Conference;
        language ??= SiteLanguage.English;
        var view = new ChangeView(conference, language);
        var texts = language.Texts.Changes;
        var html = new HtmlWriter(8 * 1024 + (changes.Versions.Sum(v => v.Sessions.Count) * 300));
        PageLayout.Head(html, options, language, texts.PageTitle(conference.Name), "", conference, ("data-conference", conference.Id));
        html.Element("h1", texts.PageTitle(conference.Name))
            .Open("p").Link(PageRoutes.LocalPath(options, conference.Id), texts.BackToAgenda).Close("p")
            .Open("p").Link(PageRoutes.ChangesFeedPath(options, conference.Id), texts.FeedLink, ("type", ChangesFeed.ContentType)).Close("p");
        PageLayout.AgendaVersion(html, conference, language);
        html.Element("p", PageLayout.ZoneNote(conference, language), ("class", "zone")).Close("header")
            .Open("main", ("id", "main"), ("data-conference", conference.Id));
        if (changes.Versions.Count == 0)
        {
            html.Element("p", isNewest ? texts.Nothing : texts.NothingHere);
        }

        foreach (var set in changes.Versions)
        {
            WriteVersion(html, set, view, conference, options, 2);
        }

        html.Open("nav", ("class", "pages"), ("aria-label", texts.Older)).Open("ul");
        if (!isNewest)
        {
            html.Open("li").Link(PageRoutes.ChangesPath(options, conference.Id), texts.Newest).Close("li");
        }

        if (changes.HasOlder)
        {
            html.Open("li").Link($"{PageRoutes.ChangesPath(options, conference.Id)}?older={changes.OlderThan.ToString(System.Globalization.CultureInfo.InvariantCulture)}", texts.Older, ("rel", "next")).Close("li");
        }

        html.Close("ul").Close("nav").Close("main");
        PageLayout.End(html);
        return html.ToString();
    }

    /// <summary>One version: a heading (when, which version), its counts when it is big, and its changes as a list.</summary>
    internal static void WriteVersion(HtmlWriter html, PublicChangeSet set, ChangeView view, Conference conference, FeedOptions options, int level)
    {
        var id = $"v{set.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        html.Open("section", ("id", id), ("class", "change-version"), ("aria-labelledby", $"{id}-title"))
            .Element($"h{level}", view.Texts.Version(set.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), view.When(set.Time)), ("id", $"{id}-title"));
        if (set.IsSummarised)
        {
            html.Element("p", view.Texts.Counts(set) + ".", ("class", "counts"));
        }

        html.Open("ul", ("class", "changes"));
        foreach (var update in set.Sessions)
        {
            html.Open("li", ("class", string.Join(' ', update.Kinds.Select(k => $"change-{k.ToString().ToLowerInvariant()}"))))
                .Element("strong", string.Join(", ", update.Kinds.Select(view.Texts.Kind)), ("class", "change-kind")).Text(": ")
                .Link(PageRoutes.SessionPath(options, conference.Id, update.SessionId), view.Title(update))
                .Text(" — ").Text(view.Describe(update)).Close("li");
        }

        html.Close("ul");
        if (set.IsSummarised)
        {
            html.Open("p", ("class", "more")).Text(view.Texts.AndMore(set.SessionCount - set.Sessions.Count)).Text(" ")
                .Link(PageRoutes.LocalPath(options, conference.Id), view.Texts.BackToAgenda).Close("p");
        }

        html.Close("section");
    }
}
