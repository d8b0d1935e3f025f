using System.Globalization;

namespace NetconfCloud.Feeds;

/// <summary>
/// The agenda as the frab/c3voc schedule formats see it, shared by <see cref="C3vocScheduleJson"/> and
/// <see cref="FrabScheduleXml"/> so that both exports say the same thing with the same identities:
/// <list type="bullet">
/// <item>Cancelled sessions are left out: the formats have no cancelled state, and apps that held the session drop it
/// on their next refresh (the calendar feeds keep it, marked cancelled).</item>
/// <item>A session without a room is listed in a room named where the conference is, the text the calendar feeds
/// give as its LOCATION (venue, city, country; the conference's name when it publishes none): the formats put every
/// event in a named room. A room of the conference with that name is shared.</item>
/// <item>Guids and integer ids are <see cref="ScheduleIdentities"/>'; the acronym is the conference id with
/// underscores for hyphens (the JSON schema allows a hyphen only before a year), padded to the four characters
/// both schemas ask for; an event's slug is <c>{acronym}-{session id}</c>.</item>
/// <item>Times are in the conference's zone with their offset; each day runs from its first session's start to its
/// last session's end (midnight to midnight when it has none).</item>
/// </list>
/// </summary>
internal static class ScheduleExport
{
    public const string Generator = "NetconfCloud";

    public static ExportedSchedule From(AgendaSnapshot agenda, FeedOptions options)
    {
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var acronym = conference.Id.Replace('-', '_').PadRight(4, '_');
        var sessions = agenda.Sessions
            .Where(s => s.Status != SessionStatus.Cancelled)
            .OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToArray();

        var place = conference.Location.Length > 0 ? conference.Location : conference.Name;
        var rooms = conference.Rooms
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .Select(g => new ExportedRoom(g.Key, Slug(g.First().Id), ScheduleIdentities.RoomGuid(conference.Id, g.First().Id)))
            .ToList();
        var roomOf = conference.Rooms.ToDictionary(r => r.Id, r => rooms.First(x => x.Name == r.Name), StringComparer.Ordinal);
        if (sessions.Any(s => !roomOf.ContainsKey(s.RoomId)) && rooms.All(r => r.Name != place))
        {
            rooms.Insert(0, new ExportedRoom(place, null, ScheduleIdentities.NameBased($"{conference.Id}/location")));
        }

        var roomless = rooms.FirstOrDefault(r => r.Name == place);
        var tracks = conference.Tracks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var speakers = agenda.Speakers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var guids = sessions.Select(s => ScheduleIdentities.SessionGuid(conference.Id, s)).ToArray();
        var ids = EventIds(guids);

        var events = sessions.Zip(guids, (s, guid) => new ExportedEvent(
            guid,
            ids[guid],
            zone.ToLocal(s.Start),
            s.End - s.Start,
            roomOf.GetValueOrDefault(s.RoomId) ?? roomless!,
            $"{acronym}-{s.Id}",
            FeedText.WebPage(s, conference, options),
            s.Title,
            OrNull(s.Subtitle),
            tracks.TryGetValue(s.TrackId, out var track) ? track.Name : null,
            s.Kind.ToString().ToLowerInvariant(),
            OrNull(s.Language),
            OrNull(s.Abstract),
            OrNull(s.Notes),
            [.. s.Speakers.Select(p => new ExportedPerson(p.Name, ScheduleIdentities.SpeakerGuid(conference.Id, p.Id, speakers.GetValueOrDefault(p.Id)?.SourceId ?? "")))],
            s.Links)).ToArray();

        var byDay = events.ToLookup(e => DateOnly.FromDateTime(e.Start.DateTime));
        var days = conference.Days.Concat(byDay.Select(g => g.Key)).Distinct().Order()
            .Select((date, i) => new ExportedDay(
                i + 1,
                date,
                byDay[date].Select(e => e.Start).DefaultIfEmpty(Midnight(zone, date)).Min(),
                byDay[date].Select(e => e.Start + e.Duration).DefaultIfEmpty(Midnight(zone, date.AddDays(1))).Max(),
                [.. rooms.Select(r => new ExportedRoomDay(r, [.. byDay[date].Where(e => e.Room == r)])).Where(r => r.Events.Count > 0)]))
            .ToArray();

        return new ExportedSchedule(
            conference.AgendaVersion.ToString(CultureInfo.InvariantCulture),
            FeedUrls.Below(options, $"{conference.Id}/"),
            FeedUrls.Https(options, new FeedKey(FeedKind.Frab, conference.Id)),
            acronym,
            conference.Name,
            OrNull(conference.Description),
            OrNull(conference.Url),
            zone.Id,
            days[0].Date,
            days[^1].Date,
            Timeslot(events),
            rooms,
            [.. conference.Tracks.Select(t => new ExportedTrack(t.Name, Slug(t.Id), OrNull(t.Color)))],
            days);
    }

    /// <summary>Distinct ids in guid order: a clash (about one in ten thousand for a thousand sessions) takes the next free number.</summary>
    private static Dictionary<Guid, int> EventIds(IEnumerable<Guid> guids)
    {
        var ids = new Dictionary<Guid, int>();
        var taken = new HashSet<int>();
        foreach (var guid in guids.Distinct().OrderBy(g => g.ToString("D"), StringComparer.Ordinal))
        {
            var id = ScheduleIdentities.EventId(guid);
            while (!taken.Add(id))
            {
                id = id == int.MaxValue ? 1 : id + 1;
            }

            ids[guid] = id;
        }

        return ids;
    }

    /// <summary>The longest slot, up to an hour, that every start and duration is a whole number of.</summary>
    private static TimeSpan Timeslot(IEnumerable<ExportedEvent> events)
    {
        var minutes = events.SelectMany(e => new[] { e.Start.Hour * 60 + e.Start.Minute, (int)e.Duration.TotalMinutes }).Aggregate(60, Gcd);
        return TimeSpan.FromMinutes(Math.Max(1, minutes));

        static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
    }

    private static DateTimeOffset Midnight(ConferenceTimeZone zone, DateOnly date)
    {
        try
        {
            return zone.ToLocal(zone.ToInstant(date, TimeOnly.MinValue));
        }
        catch (InvalidArgumentException)
        {
            // A zone whose clocks skip midnight on this date (a few do at a change); the day starts an hour later.
            return zone.ToLocal(zone.ToInstant(date, new TimeOnly(1, 0)));
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as ISO 8601 with the offset it has in the conference's zone.</summary>
    public static string Instant(DateTimeOffset local) => local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string TimeOfDay(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Hours and minutes, as both formats write durations ("00:30", "01:30").</summary>
    public static string Duration(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours:00}:{span.Minutes:00}");

    /// <summary>An id as a slug the JSON schema accepts (it asks for two characters or more).</summary>
    private static string? Slug(string id) => id.Length >= 2 ? id : null;

    private static string? OrNull(string text) => text.Length > 0 ? text : null;
}

internal sealed record ExportedSchedule(
    string Version,
    Uri BaseUrl,
    Uri XmlUrl,
    string Acronym,
    string Title,
    string? Description,
    string? Url,
    string TimeZoneId,
    DateOnly Start,
    DateOnly End,
    TimeSpan Timeslot,
    IReadOnlyList<ExportedRoom> Rooms,
    IReadOnlyList<ExportedTrack> Tracks,
    IReadOnlyList<ExportedDay> Days);

internal sealed record ExportedRoom(string Name, string? Slug, Guid Guid);

internal sealed record ExportedTrack(string Name, string? Slug, string? Color);

internal sealed record ExportedDay(int Index, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<ExportedRoomDay> Rooms);

internal sealed record ExportedRoomDay(ExportedRoom Room, IReadOnlyList<ExportedEvent> Events);

/// <param name="Start">The start in the conference's zone.</param>
internal sealed record ExportedEvent(
    Guid Guid,
    int Id,
    DateTimeOffset Start,
    TimeSpan Duration,
    ExportedRoom Room,
    string Slug,
    Uri Url,
    string Title,
    string? Subtitle,
    string? Track,
    string Type,
    string? Language,
    string? Abstract,
    string? Description,
    IReadOnlyList<ExportedPerson> Persons,
    IReadOnlyList<Link> Links);

internal sealed record ExportedPerson(string Name, Guid Guid);
