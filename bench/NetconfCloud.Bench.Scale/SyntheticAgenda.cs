using System.Globalization;
using NetconfCloud.Schedule;

namespace NetconfCloud.Bench.Scale;

/// <summary>
/// A made-up agenda of a given number of sessions, shaped like a large published one: days in Europe/Brussels
/// (across the switch to summer time on 29 March 2026), 30 rooms, each room holding one track a day, talks of
/// 15–40 minutes with 5 or 10 minutes to change over, a lunch and two breaks a day (no room), speakers with 1–3
/// talks each on different days (so no speaker is in two places at once) and some co-speakers, abstracts of a few
/// hundred characters, frab-like guids and person ids. One size always gives the same agenda (the seed is the size).
/// </summary>
internal static class SyntheticAgenda
{
    public const string TimeZoneId = "Europe/Brussels";
    public const int Rooms = 30;

    /// <summary>The first day; the clocks go forward on the third (Sunday 29 March 2026).</summary>
    public static readonly DateOnly FirstDay = new(2026, 3, 27);

    private static readonly int[] Lengths = [15, 20, 25, 25, 30, 40];
    private static readonly TimeOnly DayStart = new(9, 0);
    private static readonly TimeOnly LunchStart = new(12, 30);
    private static readonly TimeOnly LunchEnd = new(13, 30);
    private static readonly TimeOnly LastEnd = new(23, 30);

    /// <summary>At least three days, and about 640 sessions a day (21 talks a room): 3 days for 1,000, 16 for 10,000.</summary>
    public static int DaysFor(int sessions) => Math.Max(3, (int)Math.Ceiling(sessions / 640.0));

    public static IncomingAgenda Create(string conferenceId, int sessionCount)
    {
        var random = new Random(sessionCount);
        var zone = ConferenceTimeZone.FromId(TimeZoneId);
        var days = Enumerable.Range(0, DaysFor(sessionCount)).Select(FirstDay.AddDays).ToArray();
        var rooms = Enumerable.Range(0, Rooms).Select(RoomOf).ToArray();
        var tracks = Words.Tracks.Select((name, i) => new Track(Slug.From(name), name, Words.Colours[i % Words.Colours.Length])).ToArray();
        var plenary = days.SelectMany(day => Plenary(day, zone)).ToList();
        if (sessionCount <= plenary.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sessionCount), $"An agenda of {sessionCount} sessions has no room for talks.");
        }

        var talks = LayOutTalks(sessionCount - plenary.Count, days, rooms, tracks, zone, random);
        var speakers = AssignSpeakers(talks, days.Length, random);

        var conference = new Conference(
            conferenceId,
            Name: string.Create(CultureInfo.InvariantCulture, $"Scale {sessionCount}"),
            FullName: string.Create(CultureInfo.InvariantCulture, $"Scale {sessionCount}: a synthetic conference of {sessionCount:N0} sessions"),
            Subtitle: "Free and open source software festival",
            Description: "A made-up agenda for measuring how the schedule service and the feeds scale with the size of an agenda.",
            TimeZoneId,
            City: "Brussels",
            Country: "Belgium",
            Venue: "ULB Solbosch",
            AgendaStatus: "Final",
            Days: days,
            Committee: [],
            CoLocatedEvent: null,
            AgendaVersion: 0,
            AgendaUpdateTime: default)
        {
            Url = "https://scale.example.org/",
            Rooms = rooms,
            Tracks = tracks,
        };
        var sessions = plenary.Select(s => new IncomingSession(s, [], $"plenary/{s.Id}"))
            .Concat(talks.Select(t => new IncomingSession(t.Session, t.SpeakerKeys, $"talks/{t.Session.Id}")))
            .ToArray();
        return new IncomingAgenda(conference, speakers, sessions)
        {
            Sponsors = [.. Words.Sponsors.Select((name, i) => new Sponsor(Slug.From(name), name, "", i) { Tier = i < 3 ? "Gold" : "Silver" })],
            SourceName = string.Create(CultureInfo.InvariantCulture, $"synthetic agenda of {sessionCount} sessions"),
        };
    }

    private static Room RoomOf(int i) =>
        new(string.Create(CultureInfo.InvariantCulture, $"room-{i + 1:00}"), string.Create(CultureInfo.InvariantCulture, $"{"HKUJ"[i % 4]}.{1 + (i / 4) % 3}.{100 + i:000}"));

    /// <summary>Two breaks and a lunch a day, for everyone (no room).</summary>
    private static IEnumerable<Session> Plenary(DateOnly day, ConferenceTimeZone zone)
    {
        var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        yield return Slot($"coffee-{date}-morning", SessionKind.Break, "Coffee break", day, new(10, 30), new(10, 45), zone);
        yield return Slot($"lunch-{date}", SessionKind.Meal, "Lunch", day, LunchStart, LunchEnd, zone);
        yield return Slot($"coffee-{date}-afternoon", SessionKind.Break, "Coffee break", day, new(16, 0), new(16, 15), zone);
    }

    private static Session Slot(string id, SessionKind kind, string title, DateOnly day, TimeOnly start, TimeOnly end, ConferenceTimeZone zone) =>
        new(id, new SessionContent { Kind = kind, Title = title, Start = zone.ToInstant(day, start), End = zone.ToInstant(day, end) });

    private sealed record Talk(Session Session, int Day, List<string> SpeakerKeys);

    /// <summary>Talks spread evenly over every room of every day, one after another in each room, none over lunch.</summary>
    private static List<Talk> LayOutTalks(int count, DateOnly[] days, Room[] rooms, Track[] tracks, ConferenceTimeZone zone, Random random)
    {
        var talks = new List<Talk>(count);
        var roomDays = days.Length * rooms.Length;
        for (var slot = 0; slot < roomDays; slot++)
        {
            var (d, r) = (slot / rooms.Length, slot % rooms.Length);
            var track = tracks[(r + d * 7) % tracks.Length];
            var cursor = DayStart;
            for (var k = 0; k < count / roomDays + (slot < count % roomDays ? 1 : 0); k++)
            {
                var length = Lengths[random.Next(Lengths.Length)];
                if (cursor < LunchStart && cursor.AddMinutes(length) > LunchStart)
                {
                    cursor = LunchEnd;
                }

                var end = cursor.AddMinutes(length);
                if (end > LastEnd || end < cursor)
                {
                    throw new InvalidOperationException($"Too many talks for room {rooms[r].Id} on {days[d]:yyyy-MM-dd}; give the agenda more days.");
                }

                var number = talks.Count + 1;
                var topic = Words.Pick(Words.Topics, random);
                var tech = Words.Pick(Words.Technologies, random);
                var title = Words.Title(topic, tech, random);
                var slug = Slug.From(title);
                var id = string.Create(CultureInfo.InvariantCulture, $"{slug[..Math.Min(48, slug.Length)].TrimEnd('-')}-{number}");
                var session = new Session(id, new SessionContent
                {
                    Kind = SessionKind.Talk,
                    Title = title,
                    Abstract = Words.Abstract(topic, tech, random),
                    Start = zone.ToInstant(days[d], cursor),
                    End = zone.ToInstant(days[d], end),
                    SlideCount = random.Next(3) == 0 ? 1 : 0,
                    Language = Words.Pick(Words.Languages, random),
                    RoomId = rooms[r].Id,
                    TrackId = track.Id,
                    SourceGuid = Guid(random).ToString("D"),
                    Links = random.Next(4) == 0 ? [new Link("Video", $"https://video.scale.example.org/2026/{id}.webm")] : [],
                });
                talks.Add(new Talk(session, d, []));
                cursor = end.AddMinutes(random.Next(3) == 0 ? 10 : 5);
            }
        }

        return talks;
    }

    /// <summary>
    /// Each person speaks 1–3 times (40 %, 35 %, 25 %), each time on another day, taken from the days with most talks
    /// left; about one talk in seven also has a co-speaker who speaks only there.
    /// </summary>
    private static List<IncomingSpeaker> AssignSpeakers(List<Talk> talks, int dayCount, Random random)
    {
        var left = Enumerable.Range(0, dayCount)
            .Select(d => new Stack<Talk>(talks.Where(t => t.Day == d).OrderBy(_ => random.Next())))
            .ToArray();
        var speakers = new List<IncomingSpeaker>();
        while (left.Any(s => s.Count > 0))
        {
            var wanted = random.Next(100) switch { < 40 => 1, < 75 => 2, _ => 3 };
            var person = Person(speakers.Count, random);
            foreach (var day in Enumerable.Range(0, dayCount).Where(d => left[d].Count > 0).OrderByDescending(d => left[d].Count).Take(wanted))
            {
                left[day].Pop().SpeakerKeys.Add(person.Key);
            }

            speakers.Add(person);
        }

        foreach (var talk in talks.Where(_ => random.Next(7) == 0))
        {
            var person = Person(speakers.Count, random);
            talk.SpeakerKeys.Add(person.Key);
            speakers.Add(person);
        }

        return speakers;
    }

    /// <summary>A person with a name no one else has (so that an import keeps them apart), a bio, and a frab-like id.</summary>
    private static IncomingSpeaker Person(int index, Random random)
    {
        var first = Words.FirstNames[index % Words.FirstNames.Length];
        var last = Words.LastNames[index / Words.FirstNames.Length % Words.LastNames.Length];
        var round = index / (Words.FirstNames.Length * Words.LastNames.Length);
        var name = round == 0 ? $"{first} {last}" : $"{first} {(char)('A' + (round - 1) % 26)}{(round > 26 ? ((round - 1) / 26).ToString(CultureInfo.InvariantCulture) : "")}. {last}";
        var sourceId = (10_000 + index).ToString(CultureInfo.InvariantCulture);
        var speaker = new Speaker(Slug.From(name), name, [])
        {
            Bio = string.Create(CultureInfo.InvariantCulture, $"{name} works on {Words.Pick(Words.Technologies, random)} at {Words.Pick(Words.Organisations, random)} and has spoken about {Words.Pick(Words.Topics, random)} since {2005 + random.Next(20)}."),
            SourceId = sourceId,
        };
        return new IncomingSpeaker($"person-{sourceId}", speaker);
    }

    private static Guid Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
