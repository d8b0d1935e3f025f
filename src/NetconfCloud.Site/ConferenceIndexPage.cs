namespace NetconfCloud.Site;

/// <summary>The page at the API root: every conference, with its dates and city, linking to its page.</summary>
public static class ConferenceIndexPage
{
    public static string Render(IReadOnlyList<Conference> conferences, FeedOptions options, SiteLanguage? language = null)
    {
        language ??= SiteLanguage.English;
        var t = language.Texts;
        var html = new HtmlWriter(4096 + (conferences.Count * 300));
        PageLayout.Head(html, options, language, t.Conferences, "");
        html.Element("h1", t.Conferences).Close("header")
            .Open("main", ("id", "main"));
        if (conferences.Count == 0)
        {
            html.Element("p", t.NoConference);
        }
        else
        {
            html.Open("ul", ("class", "conferences"));
            foreach (var conference in conferences.OrderByDescending(c => c.Days.DefaultIfEmpty().Min()).ThenBy(c => c.Id, StringComparer.Ordinal))
            {
                html.Open("li", ("id", $"conference-{conference.Id}"))
                    .Open("h2").Link(PageRoutes.LocalPath(options, conference.Id), conference.FullName.Length > 0 ? conference.FullName : conference.Name).Close("h2")
                    .Open("p").Text(language.DateRange(conference.Days));
                if (conference.City.Length > 0)
                {
                    html.Text($" · {conference.City}");
                }

                if (conference.Country.Length > 0)
                {
                    html.Text($", {conference.Country}");
                }

                html.Close("p").Close("li");
            }

            html.Close("ul");
        }

        html.Close("main");
        PageLayout.End(html);
        return html.ToString();
    }
}
