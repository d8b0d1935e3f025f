using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetconfCloud.Site;

/// <summary>
/// A conference page rendered once for an agenda version, in two parts around the place of the time-dependent
/// "Now and next" section, so that a request costs only that section.
/// </summary>
public sealed class ConferencePageTemplate(byte[] before, byte[] after, long agendaVersion)
{
    public byte[] Before { get; } = before;

    public byte[] After { get; } = after;

    public long AgendaVersion { get; } = agendaVersion;

    /// <summary>The hash of both parts, from which a whole page's ETag is made with its section.</summary>
    public byte[] Hash { get; } = System.Security.Cryptography.SHA256.HashData([.. before, .. after]);

    public int Length => Before.Length + After.Length;

    /// <summary>The whole page with <paramref name="section"/> (the now-and-next section's content) in its place.</summary>
    public byte[] With(string section)
    {
        var middle = Encoding.UTF8.GetBytes(section);
        var page = new byte[Before.Length + middle.Length + After.Length];
        Before.CopyTo(page, 0);
        middle.CopyTo(page, Before.Length);
        After.CopyTo(page, Before.Length + middle.Length);
        return page;
    }

    /// <summary>A strong ETag for the page with <paramref name="section"/>: from the parts' hash and the section.</summary>
    public string ETagWith(string section) => FeedDocument.TagOf([.. Hash, .. Encoding.UTF8.GetBytes(section)]);
}

/// <summary>
/// The attendee page of one conference, one day at a time: the day's talks with rooms as columns where there are
/// several (time, title, speakers, room, track; each links to the talk's own page), the other days as links, a search
/// and filters (as query parameters, so a result can be shared), picks for a personal agenda with their count always in
/// view, subscribe links for the whole event, the rooms, tracks, sponsors and the committee. Readable without script;
/// the script remembers picks and filters the loaded day as one types. No inline script or style (the
/// Content-Security-Policy forbids both).
/// </summary>
public static partial class ConferencePage
{
    /// <summary>Where the "Now and next" section's content goes; never in agenda text, which is encoded.</summary>
    private const string Slot = "<!--now-and-next-->";

    /// <summary>The most sessions a search shows (a day's page of FOSDEM holds some 480): the page stays light.</summary>
    public const int MaxResults = 300;

    /// <summary>The whole page of <paramref name="view"/> (the default day when none) as served at <paramref name="now"/>.</summary>
    public static string Render(AgendaSnapshot agenda, FeedOptions options, DateTimeOffset now, ConferenceView? view = null, SiteLanguage? language = null)
    {
        var shown = view ?? ConferenceView.All;
        language ??= SiteLanguage.English;
        var template = Template(agenda, options, shown.IsFiltered || shown.Day is not null ? shown : shown with { Day = DefaultDay(agenda, now) }, language);
        return Encoding.UTF8.GetString(template.With(shown.IsFiltered ? "" : NowLink(agenda, options, language)));
    }

    /// <summary>
    /// The "Now and next" section's content on the conference page: a link to the now-and-next page. The page is then
    /// the same bytes for a whole agenda version and language (kept, compressed once); its script loads the section's
    /// content from that page and refreshes it, and without script the link opens it.
    /// </summary>
    public static string NowLink(AgendaSnapshot agenda, FeedOptions options, SiteLanguage language) =>
        new HtmlWriter(256).Open("p", ("class", "now-link"))
            .Link(PageRoutes.NowPagePath(options, agenda.Conference.Id), language.Texts.NowLink, ("data-now", "")).Close("p").ToString();

    /// <summary>
    /// The now-and-next page: a small page of what is on in each room at <paramref name="at"/> (its content in
    /// <c>#now-content</c>, which the conference page's script takes), with a link back to the agenda.
    /// </summary>
    public static string NowPage(AgendaSnapshot agenda, DateTimeOffset at, FeedOptions options, SiteLanguage language)
    {
        var conference = agenda.Conference;
        var t = language.Texts;
        var html = new HtmlWriter(4096);
        PageLayout.Head(html, options, language, $"{t.NowAndNext} — {conference.FullName}", "", ("data-conference", conference.Id));
        html.Open("p", ("class", "crumbs")).Link(PageRoutes.LocalPath(options, conference.Id), conference.FullName).Close("p")
            .Element("h1", t.NowAndNext).Close("header")
            .Open("main", ("id", "main"))
            .Open("section", ("id", "now"), ("aria-label", t.NowAndNext)).Open("div", ("id", "now-content"))
            .Raw(NowSection(agenda, at, options, language))
            .Close("div").Close("section")
            .Element("p", PageLayout.ZoneNote(conference, language), ("class", "zone"))
            .Close("main");
        PageLayout.End(html);
        return html.ToString();
    }

    /// <summary>The content of the "Now and next" section at <paramref name="at"/>.</summary>
    public static string NowSection(AgendaSnapshot agenda, DateTimeOffset at, FeedOptions options, SiteLanguage? language = null)
    {
        var html = new HtmlWriter(2048);
        NowAndNext.Of(agenda, at).WriteTo(html, language ?? SiteLanguage.English, PageRoutes.SessionPath(options, agenda.Conference.Id, ""));
        return html.ToString();
    }

    /// <summary>The page of the conference's first day without its "Now and next" content, in two parts.</summary>
    public static ConferencePageTemplate Template(AgendaSnapshot agenda, FeedOptions options, SiteLanguage? language = null) =>
        Template(agenda, options, ConferenceView.All with { Day = DefaultDay(agenda, DateTimeOffset.MinValue) }, language);

    /// <summary>The page of <paramref name="view"/> without its "Now and next" content, in two parts.</summary>
    public static ConferencePageTemplate Template(AgendaSnapshot agenda, FeedOptions options, ConferenceView view, SiteLanguage? language = null)
    {
        var page = new Writer(agenda, options, view, language ?? SiteLanguage.English).Page();
        var slot = page.IndexOf(Slot, StringComparison.Ordinal);
        return slot < 0
            ? new ConferencePageTemplate(Encoding.UTF8.GetBytes(page), [], agenda.Conference.AgendaVersion)
            : new ConferencePageTemplate(Encoding.UTF8.GetBytes(page[..slot]), Encoding.UTF8.GetBytes(page[(slot + Slot.Length)..]), agenda.Conference.AgendaVersion);
    }

    /// <summary>The conference's days and any other day a session is held on, in order.</summary>
    public static DateOnly[] DaysOf(AgendaSnapshot agenda)
    {
        var zone = agenda.Conference.TimeZone;
        return [.. agenda.Conference.Days.Concat(agenda.Sessions.Select(s => zone.DayOf(s.Start))).Distinct().Order()];
    }

    /// <summary>The day shown when none is asked: today while the conference is on, else its first day with sessions.</summary>
    public static DateOnly? DefaultDay(AgendaSnapshot agenda, DateTimeOffset now)
    {
        var days = DaysOf(agenda);
        var today = agenda.Conference.TimeZone.DayOf(now);
        var zone = agenda.Conference.TimeZone;
        return days.Contains(today) ? today
            : days.Cast<DateOnly?>().FirstOrDefault(d => agenda.Sessions.Any(s => zone.DayOf(s.Start) == d)) ?? days.Cast<DateOnly?>().FirstOrDefault();
    }

    /// <summary>The HTML id of a day's section.</summary>
    public static string DayId(DateOnly day) => $"day-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();

    private sealed class Writer(AgendaSnapshot agenda, FeedOptions options, ConferenceView view, SiteLanguage language)
    {
        private readonly SiteTexts t = language.Texts;
        private readonly HtmlWriter html = new(64 * 1024 + (agenda.Sessions.Count * 400));
        private readonly Conference conference = agenda.Conference;
        private readonly ConferenceTimeZone zone = agenda.Conference.TimeZone;
        private readonly Dictionary<string, Room> rooms = agenda.Conference.Rooms.ToDictionary(r => r.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, Track> tracks = agenda.Conference.Tracks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        private readonly Session[] sessions = [.. agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal)];
        private readonly DateOnly[] days = DaysOf(agenda);

        private string Id => conference.Id;

        private string Here => PageRoutes.LocalPath(options, Id);

        public string Page()
        {
            var title = view.IsFiltered ? t.FindATalkTitle(conference.FullName)
                : view.Day is { } shown ? $"{conference.FullName}: {language.DayTitle(shown)}" : conference.FullName;
            PageLayout.Head(html, options, language, title, Here + view.QueryString(), conference, ("data-conference", Id));
            Header();
            html.Open("main", ("id", "main"), ("data-conference", Id));
            SearchForm();
            if (view.IsFiltered)
            {
                Results();
            }
            else
            {
                html.Open("section", ("id", "now"), ("aria-labelledby", "now-title")).Element("h2", t.NowAndNext, ("id", "now-title"))
                    .Raw(Slot).Close("section");
                if (view.Day is { } day)
                {
                    DaySection(day);
                }
                else
                {
                    html.Element("p", t.NothingScheduled);
                }
            }

            PicksBar();
            MyAgendaSection();
            SubscribeSection();
            RoomsSection();
            TracksSection();
            SponsorsSection();
            CommitteeSection();
            html.Close("main");
            Footer();
            PageLayout.End(html);
            return html.ToString();
        }

        private void Header()
        {
            html.Element("h1", conference.FullName);
            if (conference.Subtitle.Length > 0)
            {
                html.Element("p", conference.Subtitle, ("class", "subtitle"));
            }

            html.Open("p", ("class", "when-where")).Text(language.DateRange(conference.Days));
            if (conference.Location.Length > 0)
            {
                html.Text(" · ").Text(conference.Location);
            }

            html.Close("p");
            if (Web(conference.Url) is { } url)
            {
                html.Open("p").Link(url, t.ConferenceWebSite, ("rel", "noopener")).Close("p");
            }

            PageLayout.AgendaVersion(html, conference, language);
            SourceLine();
            html.Open("p", ("class", "changes")).Link(PageRoutes.ChangesPath(options, Id), t.Changes.WhatChangedLink).Close("p");
            if (conference.CoLocatedEvent is { } colocated)
            {
                html.Element("p", t.HeldWith(colocated.Name, language.DateRange([colocated.StartDate, colocated.EndDate]), colocated.City));
            }

            html.Element("p", PageLayout.ZoneNote(conference, language), ("class", "zone"));
            html.Open("nav", ("aria-label", t.Days), ("class", "days")).Open("ul");
            foreach (var day in days)
            {
                html.Open("li").Link(Here + view.QueryString(day), language.DayTitle(day), ("aria-current", view.Day == day ? "page" : null)).Close("li");
            }

            html.Close("ul").Close("nav").Close("header");
        }

        /// <summary>
        /// Where the agenda comes from when it follows the organisers' published schedule, and when that was last
        /// found current: "From pretalx.example.org, checked Saturday 31 January 2026 at 10:05 (Brussels time)." The
        /// page is made once per agenda version, so the time is written out rather than "3 minutes ago".
        /// </summary>
        private void SourceLine()
        {
            if (conference.Follow is not { } follow)
            {
                return;
            }

            html.Open("p", ("class", "status source"));
            if (follow.LastSuccessTime is { } checkedAt)
            {
                var local = zone.ToLocal(checkedAt);
                html.Sentence(t.SourceChecked(follow.Url.Host, PageLayout.Place(conference, language)), h => h.TimeAs(local, language.DateAndTime(local)));
            }
            else
            {
                html.Text(t.SourceNotYetChecked(follow.Url.Host));
            }

            html.Close("p");
        }

        /// <summary>A plain GET form: works without script, and its address can be shared.</summary>
        private void SearchForm()
        {
            html.Open("form", ("id", "find"), ("class", "find"), ("method", "get"), ("action", Here), ("role", "search"), ("aria-label", t.FindATalk))
                .Open("p", ("class", "find-q")).Element("label", t.FindATalk, ("for", "find-q")).Raw(" ")
                .Open("input", ("id", "find-q"), ("name", "q"), ("type", "search"), ("value", view.Query), ("maxlength", ConferenceView.MaxQueryLength.ToString(CultureInfo.InvariantCulture)),
                    ("placeholder", t.SearchPlaceholder))
                .Close("p").Open("p", ("class", "find-filters"));
            Select("find-day", "day", t.Day, days.Select(d => (d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), language.DayTitle(d))),
                view.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            Select("find-room", "room", t.Room, conference.Rooms.Select(r => (r.Id, r.Name)), view.RoomId);
            Select("find-track", "track", t.Track, conference.Tracks.Select(track => (track.Id, track.Name)), view.TrackId);
            var languages = sessions.Select(s => s.Language).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
            if (languages.Length > 1)
            {
                Select("find-lang", "lang", t.Language, languages.Select(l => (l, language.NameOfLanguage(l))), view.Language);
            }

            html.Element("button", t.Find, ("type", "submit"));
            html.Close("p").Open("p", ("class", "find-mine"), ("hidden", ""))
                .Open("input", ("type", "checkbox"), ("id", "find-mine")).Raw(" ").Element("label", t.OnlyMyPicks, ("for", "find-mine"))
                .Close("p").Close("form");
        }

        private void Select(string id, string name, string label, IEnumerable<(string Value, string Text)> options, string chosen)
        {
            html.Open("span", ("class", "field")).Element("label", label, ("for", id)).Raw(" ").Open("select", ("id", id), ("name", name))
                .Element("option", name == "day" ? t.AnyDay : t.Any, ("value", ""));
            foreach (var (value, text) in options)
            {
                html.Element("option", text, ("value", value), ("selected", value == chosen ? "" : null));
            }

            html.Close("select").Close("span");
        }

        private void Results()
        {
            var found = sessions.Where(s => view.Matches(s, agenda, zone)).ToArray();
            html.Open("section", ("id", "results"), ("aria-labelledby", "results-title"))
                .Element("h2", t.SessionsFound(found.Length), ("id", "results-title"))
                .Open("p").Link(Here + (view.Day is { } d ? $"?day={d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : ""), t.ClearSearch).Close("p");
            if (found.Length > MaxResults)
            {
                html.Element("p", t.FirstShown(MaxResults), ("class", "hint"));
            }

            foreach (var day in found.Take(MaxResults).GroupBy(s => zone.DayOf(s.Start)))
            {
                html.Element("h3", language.DayTitle(day.Key), ("class", "day-title")).Open("ol", ("class", "agenda"));
                foreach (var session in day)
                {
                    html.Open("li");
                    Card(session, inGrid: false);
                    html.Close("li");
                }

                html.Close("ol");
            }

            if (found.Length == 0)
            {
                html.Element("p", t.NothingMatches);
            }

            html.Close("section");
        }

        private void DaySection(DateOnly day)
        {
            var id = DayId(day);
            var held = sessions.Where(s => zone.DayOf(s.Start) == day).ToArray();
            html.Open("section", ("id", id), ("class", "day"), ("aria-labelledby", $"{id}-title"))
                .Element("h2", language.DayTitle(day), ("id", $"{id}-title"));
            if (conference.Days.Contains(day))
            {
                var key = new FeedKey(FeedKind.Day, Id, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                html.Open("p", ("class", "add")).Link(PageRoutes.SubscribePath(options, key), t.AddThisDay).Close("p");
            }

            var grid = DayGrid.Of(held, conference.Rooms);
            if (grid.Columns.Count > 1)
            {
                Grid(grid, language.DayTitle(day));
            }
            else if (held.Length == 0)
            {
                html.Element("p", t.NothingOnThisDay);
            }
            else
            {
                html.Open("ol", ("class", "agenda"));
                foreach (var session in held)
                {
                    html.Open("li");
                    Card(session, inGrid: false);
                    html.Close("li");
                }

                html.Close("ol");
            }

            html.Close("section");
        }

        /// <summary>
        /// Rooms as columns and start times as rows, each a header cell (so that a screen reader names both for a
        /// session); a session's cell spans the rows of its length. The box scrolls both ways with the headings held.
        /// </summary>
        private void Grid(DayGrid grid, string day)
        {
            var columns = grid.Columns.Count.ToString(CultureInfo.InvariantCulture);
            html.Open("div", ("class", "grid-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", t.GridLabel(day)))
                .Open("table", ("class", "grid"))
                .Open("thead").Open("tr").Element("th", t.Time, ("scope", "col"));
            foreach (var room in grid.Columns)
            {
                html.Element("th", room.Name, ("scope", "col"), ("data-room", room.Id));
            }

            html.Close("tr").Close("thead").Open("tbody");
            foreach (var row in grid.Rows)
            {
                html.Open("tr", ("class", row.IsEverywhere ? "everywhere" : row.HasStarts ? null : "idle"))
                    .Open("th", ("scope", "row")).Time(zone.ToLocal(row.Start), language).Close("th");
                if (row.IsEverywhere)
                {
                    html.Open("td", ("colspan", columns));
                    foreach (var session in row.Everywhere)
                    {
                        Card(session, inGrid: true);
                    }

                    html.Close("td");
                }

                foreach (var cell in row.Cells)
                {
                    if (cell is null)
                    {
                        continue;
                    }

                    html.Open("td", ("rowspan", cell.RowSpan > 1 ? cell.RowSpan.ToString(CultureInfo.InvariantCulture) : null), ("class", cell.Continues ? "continues" : null));
                    foreach (var session in cell.Sessions)
                    {
                        Card(session, inGrid: true);
                    }

                    html.Close("td");
                }

                html.Close("tr");
            }

            html.Close("tbody").Close("table").Close("div");
        }

        /// <summary>
        /// What a visitor scans of a session: title (linking to its page), speakers, room, track, and the pick. In the
        /// grid the row says the time and the column the room (the room is written too, shown where the grid is a list).
        /// </summary>
        private void Card(Session session, bool inGrid)
        {
            var kind = session.Kind.ToString().ToLowerInvariant();
            var cancelled = session.Status == SessionStatus.Cancelled;
            html.Open("article", ("id", $"session-{session.Id}"), ("class", cancelled ? $"session {kind} cancelled" : $"session {kind}"),
                ("data-room", session.RoomId.Length > 0 ? session.RoomId : null), ("data-track", session.TrackId.Length > 0 ? session.TrackId : null),
                ("lang", session.Language.Length > 0 ? session.Language : null));
            if (session.IsTalk)
            {
                html.Open("h3").Link(PageRoutes.SessionPath(options, Id, session.Id), FeedText.Title(session)).Close("h3");
            }
            else
            {
                html.Element("h3", FeedText.Title(session));
            }

            html.Open("p", ("class", "m"));
            if (!inGrid)
            {
                var start = zone.ToLocal(session.Start);
                html.Time(start, language).Text("–").Time(zone.ToLocal(session.End), language).Text(" ");
            }

            if (rooms.TryGetValue(session.RoomId, out var room))
            {
                html.Element("span", room.Name, ("class", inGrid ? "room" : "room shown"));
            }

            var details = new List<string>(2);
            if (session.IsTalk && session.Speakers.Count > 0)
            {
                details.Add(language.Names(session.Speakers.Select(s => s.Name).ToArray()));
            }

            if (tracks.TryGetValue(session.TrackId, out var track))
            {
                details.Add(track.Name);
            }

            if (details.Count > 0)
            {
                html.Text(string.Join(" · ", details));
            }

            if (cancelled)
            {
                html.Element("strong", $" {t.Cancelled}", ("class", "cancelled-note"));
            }

            html.Close("p");
            if (session.IsTalk && !cancelled)
            {
                html.Open("label", ("class", "pick")).Open("input", ("type", "checkbox"), ("name", "session"), ("value", session.Id), ("form", "my-agenda"), ("id", $"pick-{session.Id}"))
                    .Text($" {t.Pick}").Close("label");
            }

            html.Close("article");
        }

        /// <summary>"Make my calendar" with the count of picks, held at the bottom of the screen while ticking.</summary>
        private void PicksBar()
        {
            html.Open("div", ("class", "picks-bar"))
                .Open("form", ("id", "my-agenda"), ("method", "post"), ("action", PersonalAgendaRoutes.CreateUrl(options, Id).AbsolutePath))
                .Element("button", t.MakeMyCalendar, ("type", "submit"))
                .Raw(" ").Link("#my", t.HowPickingWorks)
                .Close("form").Close("div");
        }

        private void MyAgendaSection()
        {
            html.Open("section", ("id", "my"), ("aria-labelledby", "my-title"))
                .Element("h2", t.MyAgenda, ("id", "my-title"))
                .Element("p", t.MyAgendaHelp)
                .Element("p", "", ("id", "my-agenda-existing"), ("hidden", ""))
                .Close("section");
        }

        private void SubscribeSection()
        {
            html.Open("section", ("id", "subscribe"), ("aria-labelledby", "subscribe-title"))
                .Element("h2", t.Subscribe, ("id", "subscribe-title"))
                .Element("p", t.SubscribeWholeAgenda);
            SubscribeLinks.For(options, new FeedKey(FeedKind.Event, Id), FeedKinds.Title(new FeedKey(FeedKind.Event, Id), agenda)).WriteTo(html, language, "event", null);
            html.Open("div", ("id", "android"), ("class", "advice"))
                .Element("p", t.AndroidAdvice).Element("p", t.OutlookAdvice)
                .Close("div")
                .Close("section");
        }

        private void RoomsSection()
        {
            if (conference.Rooms.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "rooms"), ("aria-labelledby", "rooms-title")).Element("h2", t.Rooms, ("id", "rooms-title"))
                .Open("ul", ("class", "index"));
            foreach (var room in conference.Rooms)
            {
                html.Open("li", ("id", $"room-{room.Id}")).Link($"{Here}?room={Uri.EscapeDataString(room.Id)}", room.Name).Text(" (")
                    .Link(PageRoutes.SubscribePath(options, new FeedKey(FeedKind.Room, Id, room.Id)), t.CalendarLink).Text(")").Close("li");
            }

            html.Close("ul").Close("section");
        }

        private void TracksSection()
        {
            if (conference.Tracks.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "tracks"), ("aria-labelledby", "tracks-title")).Element("h2", t.Tracks, ("id", "tracks-title"))
                .Open("ul", ("class", "index"));
            foreach (var track in conference.Tracks)
            {
                html.Open("li", ("id", $"track-{track.Id}"));
                Swatch(track);
                html.Link($"{Here}?track={Uri.EscapeDataString(track.Id)}", track.Name).Text(" (")
                    .Link(PageRoutes.SubscribePath(options, new FeedKey(FeedKind.Track, Id, track.Id)), t.CalendarLink).Text(")").Close("li");
            }

            html.Close("ul").Close("section");
        }

        private void SponsorsSection()
        {
            if (agenda.Sponsors.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "sponsors"), ("aria-labelledby", "sponsors-title")).Element("h2", t.Sponsors, ("id", "sponsors-title"));
            foreach (var tier in JsonDocuments.ByTier(agenda))
            {
                if (tier.Key.Length > 0)
                {
                    html.Element("h3", tier.Key);
                }

                html.Open("ul", ("class", "sponsors"));
                foreach (var sponsor in tier)
                {
                    html.Open("li", ("id", $"sponsor-{sponsor.Id}"));
                    if (Web(sponsor.Url) is { } url)
                    {
                        html.Link(url, sponsor.Name, ("rel", "noopener"));
                    }
                    else
                    {
                        html.Text(sponsor.Name);
                    }

                    if (sponsor.Tagline.Length > 0)
                    {
                        html.Text($", {sponsor.Tagline}");
                    }

                    html.Close("li");
                }

                html.Close("ul");
            }

            html.Close("section");
        }

        private void CommitteeSection()
        {
            if (conference.Committee.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "committee"), ("aria-labelledby", "committee-title")).Element("h2", t.Committee, ("id", "committee-title")).Open("ul");
            foreach (var member in conference.Committee)
            {
                html.Element("li", member.Role.Length > 0 ? $"{member.Name}, {member.Role}" : member.Name);
            }

            html.Close("ul").Close("section");
        }

        private void Footer()
        {
            string Path(FeedKind kind) => PageRoutes.LocalPath(options, new FeedKey(kind, Id).Path);
            html.Open("footer").Open("ul")
                .Open("li").Link(Path(FeedKind.C3voc), t.C3vocExport).Close("li")
                .Open("li").Link(Path(FeedKind.Frab), t.FrabExport).Close("li")
                .Open("li").Link(Path(FeedKind.Index), t.EveryFeed).Close("li")
                .Open("li").Link(Path(FeedKind.Sponsors), t.SponsorsJson).Close("li")
                .Open("li").Link(PageRoutes.LocalPath(options, $"{Id}/now.json"), t.NowAndNextJson).Close("li")
                .Open("li").Link(PageRoutes.LocalPath(options, ""), t.AllConferences).Close("li")
                .Close("ul").Close("footer");
        }

        private void Swatch(Track track)
        {
            if (Colour().IsMatch(track.Color))
            {
                // A presentation attribute, not a style: allowed by style-src 'self'. The track's name is always written beside it.
                html.Raw("<svg class=\"swatch\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\">")
                    .Open("rect", ("width", "12"), ("height", "12"), ("fill", track.Color)).Close("rect").Raw("</svg>");
            }
        }
    }

    /// <summary>An absolute http(s) address, or null: nothing else becomes a link.</summary>
    internal static string? Web(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
}
