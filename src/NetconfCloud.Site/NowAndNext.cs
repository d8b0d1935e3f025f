using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetconfCloud.Site;

/// <summary>Where an instant falls against the whole conference.</summary>
public enum ConferencePhase
{
    Before,
    During,
    After,
}

/// <summary>What is on in one room at an instant and what comes next there; null when nothing.</summary>
public sealed record RoomNowAndNext(string RoomId, string Room, Session? Now, Session? Next);

/// <summary>
/// What is on now and next in each room at an instant: a session is on from its start up to (not including) its end,
/// cancelled sessions never; the next one is the earliest to start after the instant. Sessions with no room get a row
/// of their own ("Everywhere") when there are any, or when the conference has no rooms at all.
/// </summary>
public sealed record NowAndNext(AgendaSnapshot Agenda, DateTimeOffset At, ConferencePhase Phase, IReadOnlyList<RoomNowAndNext> Rooms)
{
    /// <summary>The name of the row of sessions held in no particular room.</summary>
    public const string Everywhere = "Everywhere";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static NowAndNext Of(AgendaSnapshot agenda, DateTimeOffset at)
    {
        var scheduled = agenda.Sessions.Where(s => s.Status == SessionStatus.Scheduled)
            .OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        var rooms = agenda.Conference.Rooms.Select(r => (r.Id, r.Name)).ToList();
        if (rooms.Count == 0 || scheduled.Any(s => s.RoomId.Length == 0 || rooms.All(r => r.Id != s.RoomId)))
        {
            rooms.Add(("", Everywhere));
        }

        var known = agenda.Conference.Rooms.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var rows = rooms.Select(room =>
        {
            var held = scheduled.Where(s => room.Id.Length == 0 ? !known.Contains(s.RoomId) : s.RoomId == room.Id).ToArray();
            return new RoomNowAndNext(
                room.Id,
                room.Name,
                held.LastOrDefault(s => s.Start <= at && at < s.End),
                held.FirstOrDefault(s => s.Start > at));
        }).ToArray();

        return new NowAndNext(agenda, at, PhaseOf(agenda, scheduled, at), rows);
    }

    /// <summary>
    /// The last moment at or before <see cref="At"/> when what this shows could have changed: a session's start or end,
    /// or the agenda's last change. A page showing it is "modified" then.
    /// </summary>
    public DateTimeOffset LastChange
    {
        get
        {
            var boundaries = Agenda.Sessions.SelectMany(s => new[] { s.Start, s.End }).Where(t => t <= At);
            var last = boundaries.DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            return last > Agenda.Conference.AgendaUpdateTime ? last : Agenda.Conference.AgendaUpdateTime;
        }
    }

    /// <summary>The JSON document of the now.json endpoint; session URLs are the talks' own pages.</summary>
    public string ToJson(FeedOptions options)
    {
        var zone = Agenda.Conference.TimeZone;
        RoomEntry Row(RoomNowAndNext row) => new(row.RoomId.Length > 0 ? row.RoomId : null, row.Room, Entry(row.Now), Entry(row.Next));
        SessionEntry? Entry(Session? s) => s is null ? null : new SessionEntry(
            s.Id, FeedText.Summary(s), zone.ToLocal(s.Start), zone.ToLocal(s.End), [.. s.Speakers.Select(p => p.Name)], PageRoutes.SessionUrl(options, Agenda.Conference.Id, s.Id));
        return JsonSerializer.Serialize(
            new Document(Agenda.Conference.Id, zone.ToLocal(At), zone.Id, [.. Rooms.Select(Row)], Phase),
            Json);
    }

    /// <summary>The content of the page's "Now and next" section (below its heading).</summary>
    public void WriteTo(HtmlWriter html, SiteLanguage language, string talkPath = "#session-")
    {
        var zone = Agenda.Conference.TimeZone;
        var t = language.Texts;
        switch (Phase)
        {
            case ConferencePhase.Before:
                var first = Agenda.Sessions.Where(s => s.Status == SessionStatus.Scheduled).Select(s => s.Start).DefaultIfEmpty().Min();
                if (first != default)
                {
                    var local = zone.ToLocal(first);
                    html.Open("p").Sentence(t.StartsAt(language.DayTitle(DateOnly.FromDateTime(local.DateTime))), h => h.Time(local, language)).Close("p");
                }
                else
                {
                    html.Element("p", t.NothingScheduled);
                }

                return;
            case ConferencePhase.After:
                html.Element("p", t.Ended);
                return;
        }

        html.Open("p", ("class", "as-of")).Sentence(t.AsOf, h => h.Time(zone.ToLocal(At), language)).Close("p");
        html.Open("table", ("class", "now-next"))
            .Open("thead").Open("tr")
            .Element("th", t.Room, ("scope", "col")).Element("th", t.Now, ("scope", "col")).Element("th", t.Next, ("scope", "col"))
            .Close("tr").Close("thead").Open("tbody");
        foreach (var row in Rooms)
        {
            html.Open("tr").Element("th", row.RoomId.Length == 0 ? t.Everywhere : row.Room, ("scope", "row"));
            Cell(html, row.Now, zone, language, talkPath);
            Cell(html, row.Next, zone, language, talkPath);
            html.Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    /// <summary>Parses the <c>at</c> parameter: ISO 8601 with an offset or Z ("+" may arrive as a space from a query string).</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset at)
    {
        at = default;
        string[] formats = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        return text is { Length: > 0 and <= 40 }
            && DateTimeOffset.TryParseExact(text.Replace(' ', '+'), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    private static void Cell(HtmlWriter html, Session? session, ConferenceTimeZone zone, SiteLanguage language, string talkPath)
    {
        html.Open("td");
        if (session is null)
        {
            html.Text("—");
        }
        else
        {
            html.Time(zone.ToLocal(session.Start), language).Text("–").Time(zone.ToLocal(session.End), language).Text(" ")
                .Link(talkPath + session.Id, FeedText.Summary(session), ("lang", session.Language.Length > 0 ? session.Language : null));
        }

        html.Close("td");
    }

    private static ConferencePhase PhaseOf(AgendaSnapshot agenda, Session[] scheduled, DateTimeOffset at)
    {
        if (scheduled.Length == 0)
        {
            var day = agenda.Conference.TimeZone.DayOf(at);
            return agenda.Conference.Days.Count == 0 || day < agenda.Conference.Days.Min() ? ConferencePhase.Before
                : day > agenda.Conference.Days.Max() ? ConferencePhase.After : ConferencePhase.During;
        }

        return at < scheduled[0].Start ? ConferencePhase.Before
            : at >= scheduled.Max(s => s.End) ? ConferencePhase.After
            : ConferencePhase.During;
    }

    private sealed record Document(string ConferenceId, DateTimeOffset At, string TimeZone, IReadOnlyList<RoomEntry> Rooms, ConferencePhase Status);

    private sealed record RoomEntry(string? RoomId, string Room, SessionEntry? Now, SessionEntry? Next);

    private sealed record SessionEntry(string Id, string Title, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Speakers, Uri Url);
}
