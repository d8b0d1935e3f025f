namespace NetconfCloud.Site;

/// <summary>
/// A refusal as a page (400, 404, 410): what went wrong in a sentence and the way back, in the site's look, instead
/// of bare text. The message is the same sentence a program gets; it names the parameter at fault.
/// </summary>
public static class ErrorPage
{
    public static string Render(FeedOptions options, string title, string message, Conference? conference, Action<HtmlWriter>? more = null)
    {
        var html = new HtmlWriter(4096);
        PageLayout.Head(html, options, title, conference is null ? default : ("data-conference", conference.Id));
        html.Open("header").Element("h1", title).Close("header")
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
            html.Link(PageRoutes.LocalPath(options, conference.Id), $"Back to the {conference.Name} agenda").Text(" · ");
        }

        html.Link(PageRoutes.LocalPath(options, ""), "All conferences").Close("p").Close("main");
        PageLayout.End(html);
        return html.ToString();
    }

    /// <summary>The refusal as an answer: the page, with <paramref name="status"/>, never kept by caches.</summary>
    public static FeedResult Result(FeedStatus status, FeedOptions options, string title, string message, Conference? conference, Action<HtmlWriter>? more = null)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(Render(options, title, message, conference, more));
        var document = new FeedDocument(body, "text/html; charset=utf-8", "", DateTimeOffset.UnixEpoch, 0)
        {
            MaxAge = TimeSpan.Zero,
            Headers = PageHeaders.Security,
        };
        return new FeedResult(status, document, message);
    }
}
