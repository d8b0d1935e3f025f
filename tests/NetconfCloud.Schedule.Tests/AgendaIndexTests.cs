using System.Globalization;

namespace NetconfCloud.Schedule.Tests;

/// <summary>
/// The index a write reads (<see cref="AgendaIndex"/>) answers what a scan over every session answers, over random
/// agendas of thousands of sessions (rooms, shared speakers, long and zero-length sessions, cancellations) and after
/// chains of writes that carry the index from snapshot to snapshot.
/// </summary>
public class AgendaIndexTests
{
    private static readonly DateOnly[] Days = [new(2015, 2, 12), new(2015, 2, 13)];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ClashesFromTheIndexEqualAScanOverEverySession(int seed)
    {
        var random = new Random(seed);
        var agenda = RandomAgenda(random, 3_000);

        foreach (var probe in Probes(random, agenda, 600))
        {
            Assert.Equal(AgendaClashes.Of(probe, agenda.Sessions).ToList(), AgendaClashes.Of(probe, agenda).ToList());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AnIndexCarriedThroughWritesEqualsOneBuiltFromScratch(int seed)
    {
        var random = new Random(seed);
        var agenda = RandomAgenda(random, 2_000);
        var expected = agenda.Sessions.ToList();

        for (var write = 0; write < 400; write++)
        {
            var written = random.Next(5) == 0 ? RandomSession(random, agenda, $"added-{write.ToString(CultureInfo.InvariantCulture)}") : Changed(random, agenda, expected[random.Next(expected.Count)]);
            var position = expected.FindIndex(s => s.Id == written.Id);
            if (position >= 0)
            {
                expected[position] = written;
            }
            else
            {
                expected.Add(written);
            }

            agenda = AgendaIndex.With(agenda, agenda.Conference with { AgendaVersion = agenda.Conference.AgendaVersion + 1 }, written);
            Assert.Equal(expected, agenda.Sessions);
            foreach (var probe in Probes(random, agenda, 5))
            {
                Assert.Equal(AgendaClashes.Of(probe, expected).ToList(), AgendaClashes.Of(probe, agenda).ToList());
            }
        }

        var carried = AgendaIndex.Of(agenda);
        var rebuilt = AgendaIndex.Of(agenda with { });
        Assert.NotSame(carried, rebuilt);
        Assert.Equal(rebuilt.ByTime, carried.ByTime);
        Assert.Equal(rebuilt.ByRoom.Keys.Order(StringComparer.Ordinal), carried.ByRoom.Keys.Order(StringComparer.Ordinal));
        Assert.All(rebuilt.ByRoom, room => Assert.Equal(room.Value, carried.ByRoom[room.Key]));
        Assert.Equal(rebuilt.BySpeaker.Keys.Order(StringComparer.Ordinal), carried.BySpeaker.Keys.Order(StringComparer.Ordinal));
        Assert.All(rebuilt.BySpeaker, speaker => Assert.Equal(speaker.Value, carried.BySpeaker[speaker.Key]));
        Assert.Equal(expected.Select(s => s.Id), expected.Select(s => carried.Find(s.Id)!.Id));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ListingsOfAnIndexedSnapshotEqualListingsSortedFromScratch(int seed)
    {
        var random = new Random(seed);
        var agenda = RandomAgenda(random, 2_000);
        var written = Changed(random, agenda, agenda.Sessions[random.Next(agenda.Sessions.Count)]);
        var indexed = AgendaIndex.With(agenda, agenda.Conference with { AgendaVersion = agenda.Conference.AgendaVersion + 1 }, written);
        var unindexed = indexed with { };
        var speaker = agenda.Speakers[random.Next(agenda.Speakers.Count)].Id;
        SessionQuery[] queries =
        [
            new(agenda.Conference.Id),
            new(agenda.Conference.Id) { RoomId = "room-3" },
            new(agenda.Conference.Id) { SpeakerId = speaker },
            new(agenda.Conference.Id) { Day = Days[1], Kind = SessionKind.Talk },
            new(agenda.Conference.Id) { RoomId = "room-1", Day = Days[0] },
        ];

        foreach (var query in queries)
        {
            Assert.Equal(All(unindexed, query), All(indexed, query));
        }

        Assert.Null(AgendaIndex.Existing(unindexed));
    }

    [Fact]
    public void AWriteSharesTheSessionsOfTheSnapshotBefore()
    {
        var random = new Random(7);
        var agenda = RandomAgenda(random, 1_000);
        var before = AgendaIndex.With(agenda, agenda.Conference, agenda.Sessions[0] with { Title = "Once" });

        var after = AgendaIndex.With(before, before.Conference, before.Sessions[500] with { Title = "Twice" });

        Assert.Equal("Once", after.Sessions[0].Title);
        Assert.Equal("Twice", after.Sessions[500].Title);
        Assert.NotEqual("Twice", before.Sessions[500].Title);
        Assert.Same(before.Sessions[999], after.Sessions[999]);
    }

    private static List<Session> All(AgendaSnapshot agenda, SessionQuery query)
    {
        var all = new List<Session>();
        var token = "";
        do
        {
            var page = AgendaQueries.ListSessions(agenda, query, new PageRequest(100, token));
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }

    /// <summary>Sessions to check against the agenda: some of its own (as they are, moved, in another room), some new.</summary>
    private static IEnumerable<Session> Probes(Random random, AgendaSnapshot agenda, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var own = agenda.Sessions[random.Next(agenda.Sessions.Count)];
            yield return random.Next(3) switch
            {
                0 => own,
                1 => Changed(random, agenda, own),
                _ => RandomSession(random, agenda, $"probe-{i.ToString(CultureInfo.InvariantCulture)}"),
            };
        }
    }

    private static Session Changed(Random random, AgendaSnapshot agenda, Session session)
    {
        var fresh = RandomSession(random, agenda, session.Id);
        return random.Next(4) switch
        {
            0 => session with { Start = fresh.Start, End = fresh.End },
            1 => session with { RoomId = fresh.RoomId },
            2 => session with { Speakers = fresh.Speakers, Status = fresh.Status },
            _ => session with { Title = fresh.Title },
        };
    }

    private static AgendaSnapshot RandomAgenda(Random random, int sessions)
    {
        var speakers = Enumerable.Range(0, sessions / 4).Select(n => new Speaker($"speaker-{n.ToString(CultureInfo.InvariantCulture)}", $"Speaker {n.ToString(CultureInfo.InvariantCulture)}", [])).ToArray();
        var rooms = Enumerable.Range(0, 12).Select(n => new Room($"room-{n.ToString(CultureInfo.InvariantCulture)}", $"Room {n.ToString(CultureInfo.InvariantCulture)}")).ToArray();
        var conference = Netconf2015.Agenda.Conference with { Id = "random", Days = Days, Rooms = rooms, AgendaVersion = 1 };
        var agenda = new AgendaSnapshot(conference, [], speakers, []);
        return agenda with { Sessions = [.. Enumerable.Range(0, sessions).Select(n => RandomSession(random, agenda, $"session-{n.ToString(CultureInfo.InvariantCulture)}"))] };
    }

    /// <summary>Mostly talks of 5 to 90 minutes; a few of up to 24 hours, a few of no length; some without a room or speakers; some cancelled.</summary>
    private static Session RandomSession(Random random, AgendaSnapshot agenda, string id)
    {
        var start = new DateTimeOffset(2015, 2, 12, 8, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(5 * random.Next(2 * 24 * 12));
        var minutes = random.Next(50) switch { 0 => random.Next(24 * 60), 1 => 0, _ => 5 * random.Next(1, 19) };
        var rooms = agenda.Conference.Rooms;
        var speakers = Enumerable.Range(0, random.Next(4)).Select(_ => agenda.Speakers[random.Next(agenda.Speakers.Count)]).ToArray();
        return new Session(id, new SessionContent
        {
            Kind = random.Next(6) == 0 ? SessionKind.Break : SessionKind.Talk,
            Title = $"Title {random.Next(1000).ToString(CultureInfo.InvariantCulture)}",
            RoomId = random.Next(10) == 0 ? "" : rooms[random.Next(rooms.Count)].Id,
            Speakers = [.. speakers.Select(s => new SpeakerRef(s.Id, s.Name))],
            Start = start,
            End = start.AddMinutes(minutes),
            Status = random.Next(12) == 0 ? SessionStatus.Cancelled : SessionStatus.Scheduled,
        });
    }
}
