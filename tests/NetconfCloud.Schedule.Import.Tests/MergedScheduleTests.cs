namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>
/// A merged schedule (several pretalx instances and self-organised stages in one frab file, as congress apps receive
/// it) repeats person ids: id 1 is one person in one part and another person in the next. The import credits each
/// talk to the people the file names, keeps those apart, and an import of the same file again changes nothing.
/// </summary>
public class MergedScheduleTests
{
    private const string Merged = """
        <?xml version="1.0" encoding="utf-8"?>
        <schedule>
          <conference><acronym>merged</acronym><title>Merged</title><start>2026-12-27</start><end>2026-12-27</end></conference>
          <day index="1" date="2026-12-27">
            <room name="Saal 1">
              <event guid="11111111-1111-4111-8111-111111111111" id="10">
                <date>2026-12-27T11:00:00+01:00</date><start>11:00</start><duration>00:40</duration><room>Saal 1</room>
                <title>From the first part</title><type>talk</type>
                <persons><person id="1">Ada Lovelace</person><person id="2">Grace Hopper</person></persons>
              </event>
            </room>
            <room name="Stage B">
              <event guid="22222222-2222-4222-8222-222222222222" id="10">
                <date>2026-12-27T11:00:00+01:00</date><start>11:00</start><duration>00:40</duration><room>Stage B</room>
                <title>From the second part</title><type>talk</type>
                <persons><person id="1">Katherine Johnson</person></persons>
              </event>
              <event guid="33333333-3333-4333-8333-333333333333" id="11">
                <date>2026-12-27T12:00:00+01:00</date><start>12:00</start><duration>00:40</duration><room>Stage B</room>
                <title>Ada again, in the first part's numbering</title><type>talk</type>
                <persons><person id="1">Ada  Lovelace</person></persons>
              </event>
            </room>
          </day>
        </schedule>
        """;

    private static readonly ScheduleReadOptions Berlin = new() { TimeZone = "Europe/Berlin" };

    [Fact]
    public void OneIdWithTwoNamesIsTwoPeopleAndAWarningSaysSo()
    {
        var result = TestSchedules.ReadText(Merged, Berlin);

        Assert.Equal(["Ada Lovelace", "Grace Hopper", "Katherine Johnson"], result.Document!.Persons.Select(p => p.Name));
        var warning = Assert.Single(result.Problems, p => p.Message.Contains("Person id 1", StringComparison.Ordinal));
        Assert.Contains("'Ada Lovelace' and 'Katherine Johnson'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTalkIsCreditedToThePeopleTheFileNames()
    {
        var agenda = Imported(Empty(), out _);

        Assert.Equal(
            [("From the first part", "Ada Lovelace, Grace Hopper"), ("From the second part", "Katherine Johnson"), ("Ada again, in the first part's numbering", "Ada Lovelace")],
            agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.RoomId).Select(s => (s.Title, s.SpeakerNames)));
        Assert.Equal(3, agenda.Speakers.Count);
    }

    [Fact]
    public void ImportingTheMergedFileAgainChangesNothing()
    {
        var first = Imported(Empty(), out _);

        Imported(first, out var again);

        Assert.False(again.ChangesAnything, $"updated {string.Join(", ", again.Updated)}; speakers new {string.Join(", ", again.SpeakersCreated)}, changed {string.Join(", ", again.SpeakersUpdated)}");
    }

    private static AgendaSnapshot Empty() => new(
        new Conference("merged", "", "", "", "", "", "", "", "", "", [], [], null, 0, DateTimeOffset.MinValue), [], [], []);

    private static AgendaSnapshot Imported(AgendaSnapshot current, out ImportReport report)
    {
        var (incoming, _) = ScheduleMapping.ToIncoming(TestSchedules.ReadText(Merged, Berlin).Document!, "merged", "merged.xml");
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        (var edit, report) = ImportPlanner.Plan(current, exists: current.Sessions.Count > 0, incoming, new ImportOptions(), "tests", now);
        if (edit is null)
        {
            return current;
        }

        var sessions = current.Sessions.ToDictionary(s => s.Id);
        foreach (var s in edit.Sessions)
        {
            sessions[s.Id] = s;
        }

        var speakers = current.Speakers.ToDictionary(s => s.Id);
        foreach (var s in edit.Speakers)
        {
            speakers[s.Id] = s;
        }

        return new AgendaSnapshot(edit.Conference ?? current.Conference, [.. sessions.Values], [.. speakers.Values], []);
    }
}
