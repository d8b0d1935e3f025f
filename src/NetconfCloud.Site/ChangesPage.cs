namespace NetconfCloud.Site;

/// <summary>
/// The public page of what changed at a conference: a section per agenda version, newest first, each change with the
/// talk's link and what changed in words; a big version (an import) lists its weightiest sessions and counts the rest.
/// An "Older changes" link pages back. The head names the Atom feed of the same changes.
/// </summary>
public static class ChangesPage
{
    public static string Render(AgendaSnapshot agenda, PublicChangePage changes, bool isNewest, FeedOptions options)
    {
        var conference = agenda.Conference;
        var view = new ChangeView(conference);
        var html = new HtmlWriter(8 * 1024 + (changes.Versions.Sum(v => v.Sessions.Count) * 300));
        // The change pages' texts are English only so far (ChangeTexts): the page says so in its lang.
        var language = SiteLanguage.English;
        PageLayout.Head(html, options, language, ChangeTexts.PageTitle(conference), "", conference, ("data-conference", conference.Id));
        html.Element("h1", ChangeTexts.PageTitle(conference))
            .Open("p").Link(PageRoutes.LocalPath(options, conference.Id), ChangeTexts.BackToAgenda).Close("p")
            .Open("p").Link(PageRoutes.ChangesFeedPath(options, conference.Id), ChangeTexts.FeedLink, ("type", ChangesFeed.ContentType)).Close("p");
        PageLayout.AgendaVersion(html, conference, language);
        html.Element("p", PageLayout.ZoneNote(conference, language), ("class", "zone")).Close("header")
            .Open("main", ("id", "main"), ("data-conference", conference.Id));
        if (changes.Versions.Count == 0)
        {
            html.Element("p", isNewest ? ChangeTexts.Nothing : ChangeTexts.NothingHere);
        }

        foreach (var set in changes.Versions)
        {
            WriteVersion(html, set, view, conference, options, 2);
        }

        html.Open("nav", ("class", "pages"), ("aria-label", ChangeTexts.Older)).Open("ul");
        if (!isNewest)
        {
            html.Open("li").Link(PageRoutes.ChangesPath(options, conference.Id), ChangeTexts.Newest).Close("li");
        }

        if (changes.HasOlder)
        {
            html.Open("li").Link($"{PageRoutes.ChangesPath(options, conference.Id)}?older={changes.OlderThan.ToString(System.Globalization.CultureInfo.InvariantCulture)}", ChangeTexts.Older, ("rel", "next")).Close("li");
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
            .Element($"h{level}", ChangeTexts.Version(set.Version, view.When(set.Time)), ("id", $"{id}-title"));
        if (set.IsSummarised)
        {
            html.Element("p", ChangeTexts.Counts(set) + ".", ("class", "counts"));
        }

        html.Open("ul", ("class", "changes"));
        foreach (var update in set.Sessions)
        {
            html.Open("li", ("class", string.Join(' ', update.Kinds.Select(k => $"change-{k.ToString().ToLowerInvariant()}"))))
                .Element("strong", string.Join(", ", update.Kinds.Select(ChangeTexts.Kind)), ("class", "change-kind")).Text(": ")
                .Link(PageRoutes.SessionPath(options, conference.Id, update.SessionId), ChangeView.Title(update))
                .Text(" — ").Text(view.Describe(update)).Close("li");
        }

        html.Close("ul");
        if (set.IsSummarised)
        {
            html.Open("p", ("class", "more")).Text(ChangeTexts.AndMore(set.SessionCount - set.Sessions.Count)).Text(" ")
                .Link(PageRoutes.LocalPath(options, conference.Id), ChangeTexts.BackToAgenda).Close("p");
        }

        html.Close("section");
    }
}
