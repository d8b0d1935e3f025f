namespace NetconfCloud.Site;

/// <summary>
/// A refusal as a page (400, 404, 410): what went wrong in a sentence and the way back, in the site's look and the
/// visitor's language, instead of bare text. The message names the parameter at fault.
/// </summary>
public static class ErrorPage
{
    /// <param name="here">Where the language switch leads (the page's path and query, "" for the address asked).</param>
    public static string Render(FeedOptions options, SiteLanguage language, string title, string message, Conference? conference, Action<HtmlWriter>? more = null, string here = "")
    {
        var t = language.Texts;
        var html = new HtmlWriter(4096);
        PageLayout.Head(html, options, language, title, here, conference is null ? default : ("data-conference", conference.Id));
        html.Element("h1", title).Close("header")
            .Open("main", ("id", "main"))
            .Open("div", ("class", "problem"), ("role", "alert"));
        foreach (var line in message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            html.Element("p", line);
        }

        html.Close("div");
        more?.Invoke(html);
        html.Open("p");
        if (conference is not null)
        {
            html.Link(PageRoutes.LocalPath(options, conference.Id), t.BackToAgenda(conference.Name)).Text(" · ");
        }

        html.Link(PageRoutes.LocalPath(options, ""), t.AllConferences).Close("p").Close("main");
        PageLayout.End(html);
        return html.ToString();
    }

    /// <summary>The refusal as an answer: the page, with <paramref name="status"/>, never kept by caches.</summary>
    public static FeedResult Result(
        FeedStatus status, FeedOptions options, SiteLanguage language, string title, string message, Conference? conference, Action<HtmlWriter>? more = null, string here = "")
    {
        var body = System.Text.Encoding.UTF8.GetBytes(Render(options, language, title, message, conference, more, here));
        var document = new FeedDocument(body, "text/html; charset=utf-8", "", DateTimeOffset.UnixEpoch, 0)
        {
            MaxAge = TimeSpan.Zero,
            Headers = PageHeaders.Page(language),
        };
        return new FeedResult(status, document, message);
    }
}
