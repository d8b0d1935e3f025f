namespace NetconfCloud.Site;

/// <summary>
/// The page of one personal agenda: the talks picked (at their current times; cancelled ones marked), how to put its
/// calendar into a calendar app, its QR code, and forms to change the picks or revoke the agenda. The address of this
/// page is the only key to the agenda. A revoked agenda has no page (its address answers 410).
/// </summary>
public static class PersonalAgendaPage
{
    /// <summary>The calendar name of a personal agenda's feed.</summary>
    public static string CalendarName(Conference conference) => $"{conference.Name} — my agenda";

    /// <param name="qrSvg">The QR code of the feed's address as SVG markup, made by our own encoder: inserted as it is.</param>
    /// <param name="changed">What changed in the picked talks since the attendee last looked; null leaves the section out.</param>
    public static string Render(AgendaSnapshot agenda, PersonalAgenda picks, FeedOptions options, string qrSvg, SiteLanguage? language = null, PicksChanges? changed = null)
    {
        language ??= SiteLanguage.English;
        var t = language.Texts;
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var page = PersonalAgendaRoutes.PageUrl(options, conference.Id, picks.Id);
        var picked = picks.SessionsOf(agenda);
        var html = new HtmlWriter(16 * 1024 + (agenda.Sessions.Count * 200));
        PageLayout.Head(html, options, language, t.MyAgendaOf(conference.Name), "", ("data-conference", conference.Id), ("data-my-agenda", page.AbsoluteUri),
            ("data-agenda-version", conference.AgendaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        html.Element("h1", t.MyAgendaOf(conference.Name))
            .Open("p").Link(PageRoutes.LocalPath(options, conference.Id), t.BackToAgenda(conference.Name)).Close("p")
            .Element("p", PageLayout.ZoneNote(conference, language), ("class", "zone")).Close("header")
            .Open("main", ("id", "main"), ("data-conference", conference.Id));

        html.Open("section", ("id", "picked"), ("aria-labelledby", "picked-title")).Element("h2", t.MyTalks, ("id", "picked-title"));
        if (picked.Count == 0)
        {
            html.Element("p", t.NoneStillOnAgenda);
        }

        foreach (var day in picked.GroupBy(s => zone.DayOf(s.Start)))
        {
            html.Element("h3", language.DayTitle(day.Key)).Open("ul", ("class", "talks"));
            foreach (var session in day)
            {
                html.Open("li", ("id", $"picked-{session.Id}"), ("class", session.Status == SessionStatus.Cancelled ? "cancelled" : null))
                    .Time(zone.ToLocal(session.Start), language).Text("–").Time(zone.ToLocal(session.End), language).Text(" ")
                    .Link(PageRoutes.SessionPath(options, conference.Id, session.Id), FeedText.Title(session), ("lang", session.Language.Length > 0 ? session.Language : null));
                if (session.Status == SessionStatus.Cancelled)
                {
                    html.Text(" ").Element("strong", t.Cancelled, ("class", "cancelled-note"));
                }

                html.Close("li");
            }

            html.Close("ul");
        }

        html.Close("section");
        if (changed is not null)
        {
            WhatChanged(html, agenda, changed, options, page.AbsolutePath, language);
        }

        html.Open("section", ("id", "subscribe"), ("aria-labelledby", "subscribe-title")).Element("h2", t.PutItInYourCalendar, ("id", "subscribe-title"))
            .Element("p", t.SubscribeRatherMine);
        SubscribeLinks.ForPersonalAgenda(options, conference.Id, picks.Id, CalendarName(conference)).WriteTo(html, language, "my", null);
        html.Open("div", ("id", "android"), ("class", "advice")).Element("p", t.AndroidAdvice).Element("p", t.OutlookAdvice).Close("div")
            .Open("figure", ("class", "qr")).Raw(qrSvg)
            .Element("figcaption", t.ScanToSubscribe).Close("figure")
            .Close("section");

        html.Open("section", ("id", "key"), ("aria-labelledby", "key-title")).Element("h2", t.KeepPrivate, ("id", "key-title"))
            .Element("p", t.KeepPrivateText)
            .Close("section");

        var action = PersonalAgendaRoutes.PageUrl(options, conference.Id, picks.Id).AbsolutePath;
        var chosen = picks.SessionIds.ToHashSet(StringComparer.Ordinal);
        html.Open("section", ("id", "edit"), ("aria-labelledby", "edit-title")).Element("h2", t.ChangeMyTalks, ("id", "edit-title"))
            .Open("form", ("method", "post"), ("action", action), ("id", "edit-agenda"));
        foreach (var day in agenda.Sessions.Where(s => s.IsTalk).OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).GroupBy(s => zone.DayOf(s.Start)))
        {
            html.Open("fieldset").Element("legend", language.DayTitle(day.Key));
            foreach (var session in day)
            {
                var id = $"edit-{session.Id}";
                html.Open("p", ("class", "pick"))
                    .Open("input", ("type", "checkbox"), ("name", "session"), ("value", session.Id), ("id", id), ("checked", chosen.Contains(session.Id) ? "" : null))
                    .Raw(" ").Open("label", ("for", id)).Time(zone.ToLocal(session.Start), language).Text(" ").Element("span", FeedText.Summary(session), ("lang", session.Language.Length > 0 ? session.Language : null)).Close("label").Close("p");
            }

            html.Close("fieldset");
        }

        html.Open("p").Element("button", t.SaveChanges, ("type", "submit"), ("name", "action"), ("value", "save")).Close("p")
            .Close("form").Close("section");

        html.Open("section", ("id", "revoke"), ("aria-labelledby", "revoke-title")).Element("h2", t.Revoke, ("id", "revoke-title"))
            .Element("p", t.RevokeText)
            .Open("form", ("method", "post"), ("action", action), ("id", "revoke-agenda"))
            .Element("button", t.Revoke, ("type", "submit"), ("name", "action"), ("value", "revoke"))
            .Close("form").Close("section");

        html.Close("main");
        PageLayout.End(html);
        return html.ToString();
    }

    /// <summary>
    /// "What changed in your talks": the changes to the picks after the version the attendee last saw (newest first),
    /// and a link that asks for the changes after this version, to bookmark or to follow next time (picks.js follows it
    /// by itself, keeping the version last seen on the device).
    /// </summary>
    private static void WhatChanged(HtmlWriter html, AgendaSnapshot agenda, PicksChanges changed, FeedOptions options, string pagePath, SiteLanguage language)
    {
        var conference = agenda.Conference;
        var texts = language.Texts.Changes;
        var version = conference.AgendaVersion;
        html.Open("section", ("id", "changed"), ("aria-labelledby", "changed-title")).Element("h2", texts.InPicksTitle, ("id", "changed-title"));
        if (changed.Since > 0)
        {
            html.Element("p", texts.InPicksSince(changed.Since.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (changed.Page is { } page)
        {
            if (page.Versions.Count == 0)
            {
                html.Element("p", changed.Since > 0 ? texts.InPicksNothing : texts.InPicksNothingYet, ("class", "no-changes"));
            }

            var view = new ChangeView(conference, language);
            foreach (var set in page.Versions)
            {
                ChangesPage.WriteVersion(html, set, view, conference, options, 3);
            }
        }

        html.Open("p").Text(texts.BookmarkSince).Text(" ")
            .Link($"{pagePath}?since={version.ToString(System.Globalization.CultureInfo.InvariantCulture)}", texts.SinceLinkText(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("id", "since-link")).Close("p")
            .Open("p").Link(PageRoutes.ChangesPath(options, conference.Id), texts.MoreOnTheChangesPage).Close("p")
            .Close("section");
    }
}

/// <summary>What changed in a personal agenda's talks after version <paramref name="Since"/> (0: ever); a null page when it could not be read.</summary>
public sealed record PicksChanges(long Since, PublicChangePage? Page);
