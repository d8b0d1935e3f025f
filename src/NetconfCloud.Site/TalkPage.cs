using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// The page of one session: when and where, its speakers with their biographies, track, language, the abstract, its
/// links, how to put it in a calendar, and "add to my agenda". The talk's own text carries the talk's language.
/// </summary>
public static class TalkPage
{
    public static string Render(AgendaSnapshot agenda, Session session, FeedOptions options, SiteLanguage? language = null)
    {
        language ??= SiteLanguage.English;
        var t = language.Texts;
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var title = FeedText.Title(session);
        var lang = session.Language.Length > 0 ? session.Language : null;
        var cancelled = session.Status == SessionStatus.Cancelled;
        var start = zone.ToLocal(session.Start);
        var day = zone.DayOf(session.Start);
        var back = $"{PageRoutes.LocalPath(options, conference.Id)}?day={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}#session-{session.Id}";
        var html = new HtmlWriter(8 * 1024 + session.Abstract.Length * 2);
        PageLayout.Head(html, options, language, $"{title} — {conference.Name}", "", ("data-conference", conference.Id));
        html.Open("p", ("class", "crumbs")).Link(back, $"{conference.Name}, {language.DayTitle(day)}").Close("p")
            .Element("h1", title, ("lang", lang), ("class", cancelled ? "cancelled" : null));
        if (session.Subtitle.Length > 0)
        {
            html.Element("p", session.Subtitle, ("class", "subtitle"), ("lang", lang));
        }

        html.Close("header").Open("main", ("id", "main"), ("data-conference", conference.Id));
        if (cancelled)
        {
            html.Element("p", t.TalkCancelled, ("class", "cancelled-note"));
        }

        html.Open("dl", ("class", "facts"))
            .Element("dt", t.WhenLabel).Open("dd").Text($"{language.DayTitle(day)}, ").Time(start, language).Text("–").Time(zone.ToLocal(session.End), language)
            .Text($" ({conference.TimeZone.Id})").Close("dd");
        if (conference.Rooms.FirstOrDefault(r => r.Id == session.RoomId) is { } room)
        {
            html.Element("dt", t.Room).Open("dd").Link($"{PageRoutes.LocalPath(options, conference.Id)}?room={Uri.EscapeDataString(room.Id)}", room.Name).Close("dd");
        }

        if (conference.Tracks.FirstOrDefault(known => known.Id == session.TrackId) is { } track)
        {
            html.Element("dt", t.Track).Open("dd").Link($"{PageRoutes.LocalPath(options, conference.Id)}?track={Uri.EscapeDataString(track.Id)}", track.Name).Close("dd");
        }

        if (session.Language.Length > 0)
        {
            html.Element("dt", t.Language).Element("dd", language.NameOfLanguage(session.Language));
        }

        if (session.IsTalk && session.Speakers.Count > 0)
        {
            html.Element("dt", t.SpeakersLabel(session.Speakers.Count)).Open("dd");
            for (var i = 0; i < session.Speakers.Count; i++)
            {
                html.Text(i == 0 ? "" : i == session.Speakers.Count - 1 ? t.And : ", ");
                var speaker = session.Speakers[i];
                if (agenda.Speakers.Any(s => s.Id == speaker.Id))
                {
                    html.Link(PageRoutes.SpeakerPath(options, conference.Id, speaker.Id), speaker.Name);
                }
                else
                {
                    html.Text(speaker.Name);
                }
            }

            html.Close("dd");
        }

        html.Close("dl");

        if (session.IsTalk && !cancelled)
        {
            html.Open("form", ("id", "my-agenda"), ("class", "pick-one"), ("method", "post"), ("action", PersonalAgendaRoutes.CreateUrl(options, conference.Id).AbsolutePath))
                .Open("p", ("class", "pick")).Open("input", ("type", "checkbox"), ("name", "session"), ("value", session.Id), ("id", $"pick-{session.Id}"))
                .Raw(" ").Element("label", t.AddToMyAgenda, ("for", $"pick-{session.Id}")).Close("p")
                .Open("p").Element("button", t.MakeMyCalendar, ("type", "submit")).Close("p")
                .Close("form");
        }

        if (session.Abstract.Length > 0)
        {
            html.Open("section", ("id", "abstract"), ("aria-labelledby", "abstract-title")).Element("h2", t.AboutThisTalk, ("id", "abstract-title"))
                .Open("div", ("lang", lang));
            foreach (var paragraph in Paragraphs(session.Abstract))
            {
                html.Element("p", paragraph);
            }

            html.Close("div").Close("section");
        }

        // The talk's page at its source and its feedback form go first, then its own links.
        Link[] links =
        [
            .. new[] { new Link(t.ThisTalkAt(Uri.TryCreate(session.SourceUrl, UriKind.Absolute, out var page) ? page.Host : ""), session.SourceUrl), new Link(t.GiveFeedback, session.FeedbackUrl) }
                .Where(l => ConferencePage.Web(l.Url) is not null),
            .. session.Links.Where(l => ConferencePage.Web(l.Url) is not null),
        ];
        if (links.Length > 0 || session.SlideCount > 0)
        {
            html.Open("section", ("id", "links"), ("aria-labelledby", "links-title")).Element("h2", t.Links, ("id", "links-title"));
            if (links.Length > 0)
            {
                html.Open("ul", ("class", "links"));
                foreach (var link in links)
                {
                    html.Open("li").Link(link.Url, link.Title.Length > 0 ? link.Title : link.Url, ("rel", "noopener")).Close("li");
                }

                html.Close("ul");
            }
            else
            {
                html.Element("p", t.SlidesWithoutLinks(session.SlideCount), ("class", "slides"));
            }

            html.Close("section");
        }

        var speakers = session.IsTalk ? session.Speakers.Select(p => agenda.Speakers.FirstOrDefault(s => s.Id == p.Id)).OfType<Speaker>().Where(s => s.Bio.Length > 0).ToArray() : [];
        if (speakers.Length > 0)
        {
            html.Open("section", ("id", "speakers"), ("aria-labelledby", "speakers-title")).Element("h2", t.AboutTheSpeakers(speakers.Length), ("id", "speakers-title"));
            foreach (var speaker in speakers)
            {
                html.Open("h3").Link(PageRoutes.SpeakerPath(options, conference.Id, speaker.Id), speaker.Name).Close("h3");
                foreach (var paragraph in Paragraphs(speaker.Bio))
                {
                    html.Element("p", paragraph, ("class", "bio"));
                }
            }

            html.Close("section");
        }

        if (session.IsTalk)
        {
            var key = new FeedKey(FeedKind.Session, conference.Id, session.Id);
            html.Open("section", ("id", "subscribe"), ("aria-labelledby", "subscribe-title")).Element("h2", t.PutItInYourCalendar, ("id", "subscribe-title"))
                .Element("p", t.SubscribeRatherTalk);
            SubscribeLinks.For(options, key, FeedKinds.Title(key, agenda)).WriteTo(html, language, "talk", null);
            html.Open("p", ("class", "hint")).Text(t.AndroidQuestion).Link(PageRoutes.SubscribePath(options, key), t.SeeHowToAddIt).Text(".").Close("p")
                .Close("section");
        }

        html.Close("main");
        PageLayout.End(html);
        return html.ToString();
    }

    /// <summary>Text split at blank lines (single line breaks stay within a paragraph).</summary>
    internal static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The page of one speaker: biography, links, their talks (each linking to its page) and their calendar.</summary>
public static class SpeakerPage
{
    public static string Render(AgendaSnapshot agenda, Speaker speaker, FeedOptions options, SiteLanguage? language = null)
    {
        language ??= SiteLanguage.English;
        var t = language.Texts;
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var html = new HtmlWriter(8 * 1024 + speaker.Bio.Length * 2);
        PageLayout.Head(html, options, language, $"{speaker.Name} — {conference.Name}", "", ("data-conference", conference.Id));
        html.Open("p", ("class", "crumbs")).Link(PageRoutes.LocalPath(options, conference.Id), conference.FullName).Close("p")
            .Element("h1", speaker.Name).Close("header")
            .Open("main", ("id", "main"));
        foreach (var paragraph in TalkPage.Paragraphs(speaker.Bio))
        {
            html.Element("p", paragraph, ("class", "bio"));
        }

        var links = speaker.Links.Where(l => ConferencePage.Web(l.Url) is not null).ToArray();
        if (links.Length > 0)
        {
            html.Open("ul", ("class", "links"));
            foreach (var link in links)
            {
                html.Open("li").Link(link.Url, link.Title.Length > 0 ? link.Title : link.Url, ("rel", "noopener")).Close("li");
            }

            html.Close("ul");
        }

        var talks = agenda.Sessions.Where(s => s.IsTalk && s.IsSpokenBy(speaker.Id)).OrderBy(s => s.Start).ToArray();
        html.Open("section", ("id", "talks"), ("aria-labelledby", "talks-title")).Element("h2", t.Talks, ("id", "talks-title"));
        if (talks.Length == 0)
        {
            html.Element("p", t.NoTalkNow);
        }
        else
        {
            html.Open("ul", ("class", "talks"));
            foreach (var talk in talks)
            {
                var start = zone.ToLocal(talk.Start);
                html.Open("li", ("class", talk.Status == SessionStatus.Cancelled ? "cancelled" : null))
                    .Text($"{language.DayTitle(zone.DayOf(talk.Start))}, ").Time(start, language).Text(" ")
                    .Open("a", ("href", PageRoutes.SessionPath(options, conference.Id, talk.Id)), ("lang", talk.Language.Length > 0 ? talk.Language : null))
                    .Text(FeedText.Summary(talk)).Close("a").Close("li");
            }

            html.Close("ul");
        }

        html.Close("section");
        var key = new FeedKey(FeedKind.Speaker, conference.Id, speaker.Id);
        html.Open("section", ("id", "subscribe"), ("aria-labelledby", "subscribe-title")).Element("h2", t.PutTheirTalks, ("id", "subscribe-title"));
        SubscribeLinks.For(options, key, FeedKinds.Title(key, agenda)).WriteTo(html, language, "speaker", null);
        html.Open("p", ("class", "hint")).Text(t.AndroidQuestion).Link(PageRoutes.SubscribePath(options, key), t.SeeHowToAddIt).Text(".").Close("p")
            .Close("section").Close("main");
        PageLayout.End(html);
        return html.ToString();
    }
}
