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
/// The attendee page of one conference: the agenda by day in the conference's zone (rooms as columns where there are
/// several), subscribe links for every feed, picks for a personal agenda, speakers, rooms, tracks, sponsors and the
/// committee. Readable without script; the script only remembers picks and copies addresses. No inline script or
/// style (the Content-Security-Policy forbids both): track colours are SVG presentation attributes.
/// </summary>
public static partial class ConferencePage
{
    /// <summary>Where the "Now and next" section's content goes; never in agenda text, which is encoded.</summary>
    private const string Slot = "<!--now-and-next-->";

    /// <summary>The whole page at <paramref name="now"/>.</summary>
    public static string Render(AgendaSnapshot agenda, FeedOptions options, DateTimeOffset now)
    {
        var template = Template(agenda, options);
        return Encoding.UTF8.GetString(template.With(NowSection(agenda, now)));
    }

    /// <summary>The content of the "Now and next" section at <paramref name="at"/>.</summary>
    public static string NowSection(AgendaSnapshot agenda, DateTimeOffset at)
    {
        var html = new HtmlWriter(2048);
        NowAndNext.Of(agenda, at).WriteTo(html);
        return html.ToString();
    }

    /// <summary>The page without its "Now and next" content, in two parts.</summary>
    public static ConferencePageTemplate Template(AgendaSnapshot agenda, FeedOptions options)
    {
        var page = new Writer(agenda, options).Page();
        var slot = page.IndexOf(Slot, StringComparison.Ordinal);
        return new ConferencePageTemplate(Encoding.UTF8.GetBytes(page[..slot]), Encoding.UTF8.GetBytes(page[(slot + Slot.Length)..]), agenda.Conference.AgendaVersion);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();

    private sealed class Writer(AgendaSnapshot agenda, FeedOptions options)
    {
        private readonly HtmlWriter html = new(64 * 1024 + (agenda.Sessions.Count * 3000));
        private readonly Conference conference = agenda.Conference;
        private readonly ConferenceTimeZone zone = agenda.Conference.TimeZone;
        private readonly Dictionary<string, Room> rooms = agenda.Conference.Rooms.ToDictionary(r => r.Id, StringComparer.Ordinal);
        private readonly Dictionary<string, Track> tracks = agenda.Conference.Tracks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        private readonly HashSet<string> speakers = agenda.Speakers.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        private readonly Session[] sessions = [.. agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal)];

        private string Id => conference.Id;

        public string Page()
        {
            PageLayout.Head(html, options, conference.FullName, ("data-conference", Id));
            Header();
            html.Open("main", ("id", "main"), ("data-conference", Id));
            SubscribeSection();
            html.Open("section", ("id", "now"), ("aria-labelledby", "now-title")).Element("h2", "Now and next", ("id", "now-title"))
                .Raw(Slot).Close("section");
            foreach (var day in Days())
            {
                DaySection(day);
            }

            MyAgendaSection();
            SpeakersSection();
            RoomsSection();
            TracksSection();
            SponsorsSection();
            CommitteeSection();
            html.Close("main");
            Footer();
            PageLayout.End(html);
            return html.ToString();
        }

        private DateOnly[] Days() =>
            [.. conference.Days.Concat(sessions.Select(s => zone.DayOf(s.Start))).Distinct().Order()];

        private void Header()
        {
            html.Open("header").Element("h1", conference.FullName);
            if (conference.Subtitle.Length > 0)
            {
                html.Element("p", conference.Subtitle, ("class", "subtitle"));
            }

            html.Open("p", ("class", "when-where")).Text(PageLayout.DateRange(conference.Days));
            if (conference.Location.Length > 0)
            {
                html.Text(" · ").Text(conference.Location);
            }

            html.Close("p");
            if (Web(conference.Url) is { } url)
            {
                html.Open("p").Link(url, "The conference's web site", ("rel", "noopener")).Close("p");
            }

            if (conference.AgendaStatus.Length > 0)
            {
                html.Element("p", $"Agenda status: {conference.AgendaStatus}.", ("class", "status"));
            }

            if (conference.CoLocatedEvent is { } colocated)
            {
                html.Element("p", $"Held with {colocated.Name}, {PageLayout.DateRange([colocated.StartDate, colocated.EndDate])}{(colocated.City.Length > 0 ? $", {colocated.City}" : "")}.");
            }

            html.Element("p", PageLayout.ZoneNote(conference), ("class", "zone"));
            html.Open("nav", ("aria-label", "Days")).Open("ul");
            foreach (var day in Days())
            {
                html.Open("li").Link($"#{DayId(day)}", Conference.DayTitle(day)).Close("li");
            }

            html.Close("ul").Close("nav").Close("header");
        }

        private void SubscribeSection()
        {
            html.Open("section", ("id", "subscribe"), ("aria-labelledby", "subscribe-title"))
                .Element("h2", "Subscribe", ("id", "subscribe-title"))
                .Element("p", "Put the whole agenda in your calendar; it follows every change. There are calendars of each day, room, track, speaker and talk below too.");
            Links(new FeedKey(FeedKind.Event, Id), "event", hint: false);
            html.Open("div", ("id", "android"), ("class", "advice"))
                .Element("p", SubscribeLinks.AndroidAdvice).Element("p", SubscribeLinks.OutlookAdvice)
                .Element("p", "Each talk and speaker has “more ways” to add its own calendar: Google, Outlook.com, Apple and its address.")
                .Close("div")
                .Close("section");
        }

        private void DaySection(DateOnly day)
        {
            var id = DayId(day);
            var held = sessions.Where(s => zone.DayOf(s.Start) == day).ToArray();
            html.Open("section", ("id", id), ("class", "day"), ("aria-labelledby", $"{id}-title"))
                .Element("h2", Conference.DayTitle(day), ("id", $"{id}-title"));
            if (conference.Days.Contains(day))
            {
                AddToCalendar(new FeedKey(FeedKind.Day, Id, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), id, "Add this day to your calendar");
            }

            var columns = conference.Rooms.Where(r => held.Any(s => s.RoomId == r.Id)).ToArray();
            if (columns.Length > 1)
            {
                Grid(held, columns);
            }
            else if (held.Length == 0)
            {
                html.Element("p", "Nothing is scheduled on this day yet.");
            }
            else
            {
                html.Open("ol", ("class", "agenda"));
                foreach (var session in held)
                {
                    html.Open("li");
                    Session(session);
                    html.Close("li");
                }

                html.Close("ol");
            }

            html.Close("section");
        }

        /// <summary>Rooms as columns and start times as rows, each a header cell, so that a screen reader names both for a session.</summary>
        private void Grid(Session[] held, Room[] columns)
        {
            html.Open("div", ("class", "grid-wrap"))
                .Open("table", ("class", "grid"))
                .Open("thead").Open("tr").Element("th", "Time", ("scope", "col"));
            foreach (var room in columns)
            {
                html.Element("th", room.Name, ("scope", "col"));
            }

            html.Close("tr").Close("thead").Open("tbody");
            var inColumns = columns.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var slot in held.GroupBy(s => s.Start))
            {
                var roomless = slot.Where(s => !inColumns.Contains(s.RoomId)).ToArray();
                if (roomless.Length > 0)
                {
                    html.Open("tr", ("class", "everywhere")).Open("th", ("scope", "row")).Time(zone.ToLocal(slot.Key)).Close("th")
                        .Open("td", ("colspan", columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    foreach (var session in roomless)
                    {
                        Session(session);
                    }

                    html.Close("td").Close("tr");
                }

                if (roomless.Length == slot.Count())
                {
                    continue;
                }

                html.Open("tr").Open("th", ("scope", "row")).Time(zone.ToLocal(slot.Key)).Close("th");
                foreach (var room in columns)
                {
                    html.Open("td");
                    foreach (var session in slot.Where(s => s.RoomId == room.Id))
                    {
                        Session(session);
                    }

                    html.Close("td");
                }

                html.Close("tr");
            }

            html.Close("tbody").Close("table").Close("div");
        }

        private void Session(Session session)
        {
            var kind = session.Kind.ToString().ToLowerInvariant();
            var cancelled = session.Status == SessionStatus.Cancelled;
            html.Open("article", ("id", $"session-{session.Id}"), ("class", cancelled ? $"session {kind} cancelled" : $"session {kind}"))
                .Element("h3", FeedText.Title(session));
            if (session.Subtitle.Length > 0)
            {
                html.Element("p", session.Subtitle, ("class", "subtitle"));
            }

            html.Open("p", ("class", "when")).Time(zone.ToLocal(session.Start)).Text("–").Time(zone.ToLocal(session.End));
            if (rooms.TryGetValue(session.RoomId, out var room))
            {
                html.Text(" · ").Link($"#room-{room.Id}", room.Name);
            }

            html.Close("p");
            if (cancelled)
            {
                html.Element("p", "Cancelled", ("class", "cancelled-note"));
            }

            if (!session.IsTalk)
            {
                html.Close("article");
                return;
            }

            if (session.Speakers.Count > 0)
            {
                html.Open("p", ("class", "speakers")).Text(session.Speakers.Count == 1 ? "Speaker: " : "Speakers: ");
                for (var i = 0; i < session.Speakers.Count; i++)
                {
                    html.Text(i == 0 ? "" : i == session.Speakers.Count - 1 ? " and " : ", ");
                    var speaker = session.Speakers[i];
                    if (speakers.Contains(speaker.Id))
                    {
                        html.Link($"#speaker-{speaker.Id}", speaker.Name);
                    }
                    else
                    {
                        html.Text(speaker.Name);
                    }
                }

                html.Close("p");
            }

            if (tracks.TryGetValue(session.TrackId, out var track))
            {
                html.Open("p", ("class", "track")).Text("Track: ");
                Swatch(track);
                html.Link($"#track-{track.Id}", track.Name).Close("p");
            }

            if (session.Abstract.Length > 0)
            {
                html.Open("details", ("class", "abstract")).Element("summary", "About this talk").Element("p", session.Abstract).Close("details");
            }

            var links = session.Links.Where(l => Web(l.Url) is not null).ToArray();
            if (links.Length > 0)
            {
                html.Open("ul", ("class", "links"));
                foreach (var link in links)
                {
                    html.Open("li").Link(link.Url, link.Title.Length > 0 ? link.Title : link.Url, ("rel", "noopener")).Close("li");
                }

                html.Close("ul");
            }
            else if (session.SlideCount > 0)
            {
                html.Element("p", session.SlideCount == 1 ? "Slides (PDF) were published with the agenda; no link is given." : $"{session.SlideCount} slide decks (PDF) were published with the agenda; no links are given.", ("class", "slides"));
            }

            CompactLinks(new FeedKey(FeedKind.Session, Id, session.Id));
            if (!cancelled)
            {
                html.Open("p", ("class", "pick"))
                    .Open("input", ("type", "checkbox"), ("name", "session"), ("value", session.Id), ("form", "my-agenda"), ("id", $"pick-{session.Id}"))
                    .Raw(" ").Element("label", "Add to my agenda", ("for", $"pick-{session.Id}")).Close("p");
            }

            html.Close("article");
        }

        private void MyAgendaSection()
        {
            html.Open("section", ("id", "my"), ("aria-labelledby", "my-title"))
                .Element("h2", "My agenda", ("id", "my-title"))
                .Element("p", "Tick “Add to my agenda” on the talks you want to see, then make your calendar: you get a page and a calendar address of your own, which follow the talks when they move. There is no account: the address is the key, so keep it private.")
                .Element("p", "", ("id", "my-agenda-existing"), ("hidden", ""))
                .Open("form", ("id", "my-agenda"), ("method", "post"), ("action", PersonalAgendaRoutes.CreateUrl(options, Id).AbsolutePath))
                .Element("button", "Make my calendar", ("type", "submit"))
                .Close("form").Close("section");
        }

        private void SpeakersSection()
        {
            if (agenda.Speakers.Count == 0)
            {
                return;
            }

            var talksOf = sessions.Where(s => s.IsTalk).SelectMany(s => s.Speakers.Select(p => (p.Id, Session: s)))
                .ToLookup(p => p.Id, p => p.Session, StringComparer.Ordinal);
            html.Open("section", ("id", "speakers"), ("aria-labelledby", "speakers-title")).Element("h2", "Speakers", ("id", "speakers-title"));
            foreach (var speaker in agenda.Speakers.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                html.Open("article", ("id", $"speaker-{speaker.Id}"), ("class", "speaker")).Element("h3", speaker.Name);
                if (speaker.Bio.Length > 0)
                {
                    html.Element("p", speaker.Bio, ("class", "bio"));
                }

                var links = speaker.Links.Where(l => Web(l.Url) is not null).ToArray();
                if (links.Length > 0)
                {
                    html.Open("ul", ("class", "links"));
                    foreach (var link in links)
                    {
                        html.Open("li").Link(link.Url, link.Title.Length > 0 ? link.Title : link.Url, ("rel", "noopener")).Close("li");
                    }

                    html.Close("ul");
                }

                var talks = talksOf[speaker.Id].ToArray();
                if (talks.Length > 0)
                {
                    html.Open("ul", ("class", "talks"));
                    foreach (var talk in talks)
                    {
                        var start = zone.ToLocal(talk.Start);
                        html.Open("li").Text($"{start.ToString("ddd", System.Globalization.CultureInfo.InvariantCulture)} ").Time(start).Text(" ")
                            .Link($"#session-{talk.Id}", FeedText.Summary(talk)).Close("li");
                    }

                    html.Close("ul");
                }

                CompactLinks(new FeedKey(FeedKind.Speaker, Id, speaker.Id));
                html.Close("article");
            }

            html.Close("section");
        }

        private void RoomsSection()
        {
            if (conference.Rooms.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "rooms"), ("aria-labelledby", "rooms-title")).Element("h2", "Rooms", ("id", "rooms-title"));
            foreach (var room in conference.Rooms)
            {
                html.Open("article", ("id", $"room-{room.Id}"), ("class", "room")).Element("h3", room.Name);
                AddToCalendar(new FeedKey(FeedKind.Room, Id, room.Id), $"room-{room.Id}", "Add this room to your calendar");
                html.Close("article");
            }

            html.Close("section");
        }

        private void TracksSection()
        {
            if (conference.Tracks.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "tracks"), ("aria-labelledby", "tracks-title")).Element("h2", "Tracks", ("id", "tracks-title"));
            foreach (var track in conference.Tracks)
            {
                html.Open("article", ("id", $"track-{track.Id}"), ("class", "track")).Open("h3");
                Swatch(track);
                html.Text(track.Name).Close("h3");
                AddToCalendar(new FeedKey(FeedKind.Track, Id, track.Id), $"track-{track.Id}", "Add this track to your calendar");
                html.Close("article");
            }

            html.Close("section");
        }

        private void SponsorsSection()
        {
            if (agenda.Sponsors.Count == 0)
            {
                return;
            }

            html.Open("section", ("id", "sponsors"), ("aria-labelledby", "sponsors-title")).Element("h2", "Sponsors", ("id", "sponsors-title"));
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

            html.Open("section", ("id", "committee"), ("aria-labelledby", "committee-title")).Element("h2", "Committee", ("id", "committee-title")).Open("ul");
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
                .Open("li").Link(Path(FeedKind.C3voc), "schedule.json (c3voc)").Close("li")
                .Open("li").Link(Path(FeedKind.Frab), "schedule.xml (frab)").Close("li")
                .Open("li").Link(Path(FeedKind.Index), "Every calendar feed (JSON)").Close("li")
                .Open("li").Link(Path(FeedKind.Sponsors), "Sponsors (JSON)").Close("li")
                .Open("li").Link(PageRoutes.LocalPath(options, $"{Id}/now.json"), "Now and next (JSON)").Close("li")
                .Open("li").Link(PageRoutes.LocalPath(options, ""), "All conferences").Close("li")
                .Close("ul").Close("footer");
        }

        /// <summary>Subscribe links folded away, for one feed.</summary>
        private void AddToCalendar(FeedKey key, string id, string summary)
        {
            html.Open("details", ("class", "subscribe")).Element("summary", summary);
            Links(key, id, hint: true);
            html.Close("details");
        }

        /// <summary>
        /// The links of a talk's or a speaker's feed in one line: there are hundreds of each on a big conference's
        /// page, and the full set (as for the event, days, rooms and tracks) would be most of its weight.
        /// </summary>
        private void CompactLinks(FeedKey key) =>
            SubscribeLinks.For(options, key, FeedKinds.Title(key, agenda)).WriteCompactTo(html, PageRoutes.SubscribePath(options, key));

        private void Links(FeedKey key, string id, bool hint) =>
            SubscribeLinks.For(options, key, FeedKinds.Title(key, agenda)).WriteTo(html, id, hint ? "#android" : null);

        private void Swatch(Track track)
        {
            if (Colour().IsMatch(track.Color))
            {
                // A presentation attribute, not a style: allowed by style-src 'self'. The track's name is always written beside it.
                html.Raw("<svg class=\"swatch\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\">")
                    .Open("rect", ("width", "12"), ("height", "12"), ("fill", track.Color)).Close("rect").Raw("</svg>");
            }
        }

        private static string DayId(DateOnly day) => $"day-{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>An absolute http(s) address, or null: nothing else becomes a link.</summary>
    internal static string? Web(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;
}
