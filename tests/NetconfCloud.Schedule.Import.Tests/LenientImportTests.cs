namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>
/// Real schedules carry oddities whose meaning is clear: an event that lasts no time, one that runs for days, one
/// listed twice under the same id, one past the published last day. They import, each with a warning that names the
/// event and what was assumed; the rest of the file is untouched (docs/onboarding.md has the policy).
/// </summary>
public class LenientImportTests
{
    private const string Odd = """
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <conference><acronym>odd</acronym><title>Odd</title><start>2026-07-01</start><end>2026-07-01</end><time_zone_name>Europe/Berlin</time_zone_name></conference>
          <day index="1" date="2026-07-01">
            <room name="Tent">
              <event id="1"><date>2026-07-01T10:00:00+02:00</date><start>10:00</start><duration>00:00</duration><room>Tent</room><title>Flash</title></event>
              <event id="2"><date>2026-07-01T11:00:00+02:00</date><start>11:00</start><duration>72:00</duration><room>Tent</room><title>Open hacking</title></event>
            </room>
            <room name="Field">
              <event id="2"><date>2026-07-01T11:00:00+02:00</date><start>11:00</start><duration>01:00</duration><room>Field</room><title>Open hacking (outside)</title></event>
            </room>
          </day>
          <day index="2" date="2026-07-02">
            <room name="Tent">
              <event id="3"><date>2026-07-02T10:00:00+02:00</date><start>10:00</start><duration>00:30</duration><room>Tent</room><title>After the end</title></event>
            </room>
          </day>
        </schedule>
        """;

    private static (IncomingAgenda Agenda, IReadOnlyList<ImportProblem> Problems) Mapped()
    {
        var read = TestSchedules.ReadText(Odd);
        var (agenda, problems) = ScheduleMapping.ToIncoming(read.Document!, "odd", "odd.xml");
        return (agenda, [.. read.Problems, .. problems]);
    }

    private static Session Titled(string title) => Mapped().Agenda.Sessions.Single(s => s.Session.Title == title).Session;

    [Fact]
    public void AnEventThatLastsNoTimeIsGivenFiveMinutesWithAWarning()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Titled("Flash").End - Titled("Flash").Start);
        Assert.Contains(Mapped().Problems, p => p.Path == "events[0].duration" && p.Message.Contains("'Flash' lasts no time; it is given 5 minutes.", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEventLongerThanADayIsShortenedToADayWithAWarning()
    {
        Assert.Equal(SessionRules.MaxDuration, Titled("Open hacking").End - Titled("Open hacking").Start);
        Assert.Contains(Mapped().Problems, p => p.Path == "events[1].duration" && p.Message.Contains("lasts 72 hours; it is shortened to 24", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoEventsUnderOneIdAreTwoSessionsWithAWarning()
    {
        var (agenda, problems) = Mapped();

        Assert.Equal(2, agenda.Sessions.Count(s => s.Session.Title.StartsWith("Open hacking", StringComparison.Ordinal)));
        Assert.Equal(4, agenda.Sessions.Select(s => s.Session.SourceGuid).Distinct().Count());
        Assert.Contains(problems, p => p.Path == "events[2].guid");
    }

    [Fact]
    public void AnEventPastThePublishedLastDayAddsItsDay()
    {
        var (agenda, _) = Mapped();

        Assert.Equal([new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 2)], agenda.Conference.Days);
    }

    [Fact]
    public void TheOddFileImportsWhole()
    {
        var (incoming, _) = Mapped();
        var empty = new AgendaSnapshot(incoming.Conference, [], [], []);

        var (edit, report) = ImportPlanner.Plan(empty, exists: false, incoming, new ImportOptions(), "tests", DateTimeOffset.UnixEpoch);

        Assert.Equal(4, edit!.Sessions.Count);
        Assert.Equal(4, report.Created.Count);
    }
}

/// <summary>What cannot be read is refused at once, with its place in the file, and never crashes the reader.</summary>
public class UnreadableScheduleTests
{
    [Fact]
    public void XmlNestedDeeperThanAnyScheduleIsRefusedWithItsPlace()
    {
        var deep = "<schedule>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</schedule>";

        var result = TestSchedules.ReadText(deep);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("more than 64 deep", problem.Message, StringComparison.Ordinal);
        Assert.Equal(SourceLocation.At(1, 11 + (64 * 3) + 1), problem.Location); // the name of the 65th <a>
    }

    [Fact]
    public void InvalidUtf8InAJsonStringIsRefusedWithItsPlace()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\n  \"schedule\": {\n    \"version\": \"a\u00e9b\" } }");
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at + 1] = 0x28;

        var result = ScheduleReader.Read(new MemoryStream(bytes), ScheduleFormat.C3vocJson);

        Assert.Null(result.Document);
        Assert.Equal(SourceLocation.At(3, 18), Assert.Single(result.Problems).Location); // the broken é
        Assert.Contains("not valid UTF-8", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventThatWouldEndAfterTheYear9999IsLeftOutWithAnError()
    {
        const string xml = """
            <schedule><conference><title>End of time</title><time_zone_name>UTC</time_zone_name></conference>
            <day index="1" date="9999-12-31"><room name="R"><event id="1"><date>9999-12-31T23:30:00+00:00</date><start>23:30</start><duration>01:00</duration><room>R</room><title>Last</title></event></room></day></schedule>
            """;

        var result = TestSchedules.ReadText(xml);

        Assert.Empty(result.Document!.Events);
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("after the year 9999", StringComparison.Ordinal));
    }
}
