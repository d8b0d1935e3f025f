namespace NetconfCloud.Site;

/// <summary>
/// The page of one calendar feed (a talk, a speaker, or any other): every way to add it, as the conference page
/// gives for the whole event, with the advice for Android and the new Outlook. The conference page links each talk
/// and speaker here rather than repeating six links hundreds of times.
/// </summary>
public static class SubscribePage
{
    public static string Render(AgendaSnapshot agenda, FeedKey key, string title, FeedOptions options, SiteLanguage? language = null)
    {
        language ??= SiteLanguage.English;
        var t = language.Texts;
        var conference = agenda.Conference;
        var back = key.Kind switch
        {
            FeedKind.Session => PageRoutes.SessionPath(options, conference.Id, key.Argument),
            FeedKind.Speaker => PageRoutes.SpeakerPath(options, conference.Id, key.Argument),
            FeedKind.Day => $"{PageRoutes.LocalPath(options, conference.Id)}?day={key.Argument}",
            FeedKind.Room => $"{PageRoutes.LocalPath(options, conference.Id)}?room={Uri.EscapeDataString(key.Argument)}",
            FeedKind.Track => $"{PageRoutes.LocalPath(options, conference.Id)}?track={Uri.EscapeDataString(key.Argument)}",
            _ => PageRoutes.LocalPath(options, conference.Id),
        };
        var html = new HtmlWriter(8 * 1024);
        PageLayout.Head(html, options, language, t.AddToYourCalendarTitle(title), "", ("data-conference", conference.Id));
        html.Element("h1", t.AddToYourCalendarTitle(title))
            .Open("p").Link(back, key.Kind is FeedKind.Session or FeedKind.Speaker ? t.BackTo(title) : t.BackToAgenda(conference.Name)).Close("p").Close("header")
            .Open("main", ("id", "main"))
            .Open("section", ("id", "subscribe"), ("aria-labelledby", "subscribe-title")).Element("h2", t.Subscribe, ("id", "subscribe-title"))
            .Element("p", t.SubscribeRatherFeed);
        SubscribeLinks.For(options, key, title).WriteTo(html, language, "feed", androidAnchor: null);
        html.Close("section")
            .Open("section", ("id", "android"), ("aria-labelledby", "android-title")).Element("h2", t.OnAndroidOrOutlook, ("id", "android-title"))
            .Element("p", t.AndroidAdvice).Element("p", t.OutlookAdvice)
            .Close("section")
            .Close("main");
        PageLayout.End(html);
        return html.ToString();
    }
}
