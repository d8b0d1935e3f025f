using System.Globalization;
using NetconfCloud.Schedule;

namespace NetconfCloud.Benchmarks;

/// <summary>
/// Agendas of any size, built in memory from domain types only (for any benchmark over an
/// <see cref="AgendaSnapshot"/>), the same for the same size: four days in Berlin (UTC+2 in June), parallel tracks of
/// talks with one to three speakers each, a morning break, lunch and an afternoon break every day, some cancelled
/// or moved talks, non-ASCII names, and a storage version (ETag) on every session as the schedule service serves them.
/// </summary>
public static class SyntheticAgenda
{
    public const string ConferenceId = "benchconf-2027";

    public static readonly DateTimeOffset PublishedAt = new(2027, 5, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly[] Days = [new(2027, 6, 14), new(2027, 6, 15), new(2027, 6, 16), new(2027, 6, 17)];

    /// <summary>A day's slots, local times: eight talk slots (run in every track) and three pauses (for everyone).</summary>
    private static readonly (TimeOnly Start, int Minutes, SessionKind Kind, string Title)[] Slots =
    [
        (new(9, 0), 45, SessionKind.Talk, ""),
        (new(9, 50), 45, SessionKind.Talk, ""),
        (new(10, 35), 25, SessionKind.Break, "Morning Break"),
        (new(11, 0), 45, SessionKind.Talk, ""),
        (new(11, 50), 45, SessionKind.Talk, ""),
        (new(12, 35), 60, SessionKind.Meal, "Lunch"),
        (new(13, 35), 45, SessionKind.Talk, ""),
        (new(14, 25), 45, SessionKind.Talk, ""),
        (new(15, 10), 20, SessionKind.Break, "Afternoon Break"),
        (new(15, 30), 45, SessionKind.Talk, ""),
        (new(16, 20), 45, SessionKind.Talk, ""),
    ];

    private static readonly string[] FirstNames =
        ["Alexei", "Zoë", "José", "Łukasz", "Jörg", "Amélie", "Hiroshi", "Priya", "Søren", "Chinedu", "Mei", "Ana", "Björn", "Fatima", "Ravi", "Eilís"];

    private static readonly string[] LastNames =
        ["Starovoitov", "Ångström", "Núñez", "Żółkiewski", "Müller", "Lefèvre", "Tanaka", "Raghavan", "Kierkegaard", "Okafor", "Chen", "García", "Nilsson", "Haddad", "Iyer", "Ní Bhriain"];

    private static readonly string[] Topics =
        ["XDP redirect", "eBPF verifier", "TCP congestion control", "netfilter flowtables", "io_uring networking", "QUIC offload",
         "switchdev", "tc flower", "SR-IOV", "page pool", "GRO/GSO", "multipath TCP", "Wi-Fi 7 drivers", "VXLAN", "kTLS", "AF_XDP"];

    private static readonly string[] Angles =
        ["{0}: where we are", "Faster {0} in practice", "{0} — lessons from production", "Debugging {0}", "{0} at 400 Gbit/s", "What next for {0}?"];

    private static readonly string[] Sentences =
    [
        "We look at what changed in the last two kernel releases and what it means for drivers.",
        "Measurements on commodity hardware show where the time goes, per packet and per byte.",
        "The talk walks through the design, the trade-offs we made, and the ones we regret.",
        "Bring your questions: half of the slot is for discussion with the maintainers in the room.",
        "Patches are on the list; reviews, benchmarks and war stories are welcome.",
        "We compare three approaches, with numbers, and propose one for upstream.",
        "Finally, a short demo on a two-socket machine with 100 Gbit/s NICs.",
    ];

    /// <summary>An agenda with exactly <paramref name="sessions"/> sessions, filled day by day, slot by slot, track by track.</summary>
    public static AgendaSnapshot Build(int sessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, 1);
        var talkSlotsPerTrack = Days.Length * Slots.Count(s => s.Kind == SessionKind.Talk);
        var pauses = Days.Length * Slots.Count(s => s.Kind != SessionKind.Talk);
        var tracks = Math.Max(1, (int)Math.Ceiling((sessions - pauses) / (double)talkSlotsPerTrack));
        var random = new Random(sessions);
        var speakers = Enumerable.Range(0, Math.Max(8, sessions / 2)).Select(Speaker).ToArray();
        var conference = Conference(sessions);
        var zone = conference.TimeZone;

        var built = new List<Session>(sessions);
        for (var day = 0; day < Days.Length; day++)
        {
            foreach (var slot in Slots)
            {
                for (var track = 0; track < (slot.Kind == SessionKind.Talk ? tracks : 1) && built.Count < sessions; track++)
                {
                    var start = zone.ToInstant(Days[day], slot.Start);
                    var n = built.Count;
                    built.Add(slot.Kind == SessionKind.Talk
                        ? Talk(n, day, track, start, slot.Minutes, speakers, random)
                        : Pause(n, day, slot.Title, slot.Kind, start, slot.Minutes));
                }
            }
        }

        return new AgendaSnapshot(conference, built, speakers, [new Sponsor("open-networks", "Open Networks", "the sponsor of the benchmarks", 1)]);
    }

    private static Conference Conference(int sessions) => new(
        ConferenceId,
        "BenchConf 2027",
        "BenchConf 2027, the synthetic networking conference",
        "Networking, kernels and clouds",
        $"A conference of {sessions.ToString(CultureInfo.InvariantCulture)} sessions, made for benchmarks.",
        "Europe/Berlin",
        "Berlin",
        "Germany",
        "Messe Süd",
        "published",
        Days,
        [],
        null,
        AgendaVersion: sessions,
        AgendaUpdateTime: PublishedAt.AddMinutes(sessions));

    private static Speaker Speaker(int n)
    {
        var name = $"{FirstNames[n % FirstNames.Length]} {LastNames[n / FirstNames.Length % LastNames.Length]}";
        var id = Slug.From($"{name} {n.ToString(CultureInfo.InvariantCulture)}");
        return new Speaker(id, name, []);
    }

    private static Session Talk(int n, int day, int track, DateTimeOffset start, int minutes, Speaker[] speakers, Random random)
    {
        var topic = Topics[random.Next(Topics.Length)];
        var title = string.Format(CultureInfo.InvariantCulture, Angles[random.Next(Angles.Length)], topic);
        var abstractText = string.Join(' ', Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentences[random.Next(Sentences.Length)]));
        var count = random.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
        var who = Enumerable.Range(0, count).Select(_ => speakers[random.Next(speakers.Length)]).DistinctBy(s => s.Id)
            .Select(s => new SpeakerRef(s.Id, s.Name)).ToArray();
        var cancelled = n % 97 == 13;
        var moved = n % 53 == 7;
        var sequence = (cancelled ? 1 : 0) + (moved ? 1 : 0);
        var end = start.AddMinutes(minutes);
        return new Session($"d{day + 1}-t{track + 1}-{Slug.From(topic)}-{n.ToString(CultureInfo.InvariantCulture)}", new SessionContent
        {
            Kind = SessionKind.Talk,
            Title = random.Next(50) == 0 ? "" : title,
            Abstract = abstractText,
            Notes = random.Next(8) == 0 ? "Room change: see the board at the entrance." : "",
            Speakers = who,
            Start = start,
            End = end,
            SlideCount = random.Next(4) == 0 ? random.Next(1, 3) : 0,
            Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled,
        })
        {
            Sequence = sequence,
            UpdateTime = Updated(n, sequence),
            ETag = ETag(n, sequence),
        };
    }

    private static Session Pause(int n, int day, string title, SessionKind kind, DateTimeOffset start, int minutes) =>
        new($"d{day + 1}-{Slug.From(title)}", new SessionContent { Kind = kind, Title = title, Start = start, End = start.AddMinutes(minutes) })
        {
            UpdateTime = Updated(n, 0),
            ETag = ETag(n, 0),
        };

    private static DateTimeOffset Updated(int n, int sequence) => PublishedAt.AddSeconds(n).AddDays(sequence);

    /// <summary>A storage version in the shape Table Storage gives it.</summary>
    public static string ETag(int n, int sequence) =>
        $"W/\"datetime'{Updated(n, sequence).ToString("yyyy-MM-dd'T'HH'%3A'mm'%3A'ss.fffffff'Z'", CultureInfo.InvariantCulture)}'\"";
}
