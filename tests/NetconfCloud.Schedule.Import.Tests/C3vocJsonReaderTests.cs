namespace NetconfCloud.Schedule.Import.Tests;

public class C3vocJsonReaderTests
{
    [Fact]
    public void DemoconTimesKeepTheirOffsetEvenThoughTheZoneIsUtc()
    {
        var result = TestSchedules.Result("democon.json");
        var first = result.Document!.Events[0];

        Assert.Equal("UTC", result.Document.Conference.TimeZoneId);
        Assert.Equal(new DateTimeOffset(2020, 12, 14, 8, 0, 0, TimeSpan.Zero), first.Start);
        Assert.Equal(TimeSpan.FromHours(1), first.Start.Offset);
        var warning = Assert.Single(result.Warnings, w => w.Message.Contains("offset", StringComparison.Ordinal));
        Assert.StartsWith("36 event times", warning.Message, StringComparison.Ordinal);
        Assert.Equal(SourceLocation.AtPointer("/schedule/conference/days/0/rooms/Gray Room/0/date"), warning.Location);
    }

    [Fact]
    public void TwoRoomsWithOneGuidAreAWarning()
    {
        var result = TestSchedules.Result("democon.json");

        var warning = Assert.Single(result.Warnings, w => w.Path == "rooms[1].guid");
        Assert.Contains("'Gray Room' and 'Tan Room'", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Warnings.Count());
    }

    [Fact]
    public void EventsAreLocatedByJsonPointer()
    {
        var events = TestSchedules.Document("camp2019.json").Events;

        Assert.Equal(SourceLocation.AtPointer("/schedule/conference/days/0/rooms/Curie/0"), events[0].Location);
        Assert.Equal("10386", events[0].Id);
        Assert.Equal(new[] { new EventPerson("7797", null, "jinxx", null), new EventPerson("4827", null, "smtw", null) }, events[0].Persons);
    }

    [Fact]
    public void APointerEscapesTildeAndSlashInRoomNames()
    {
        const string json = """
            {"schedule": {"version": "1", "conference": {"title": "T", "acronym": "t", "time_zone_name": "Europe/Berlin",
              "days": [{"index": 1, "date": "2024-01-01", "rooms": {"a/b~c": [{"guid": "270fa44c-821a-577f-8ca3-33e8d4a8c2a7", "title": "x", "date": "2024-01-01T10:00:00+01:00", "duration": "soon"}]}}]}}}
            """;

        var error = Assert.Single(TestSchedules.ReadText(json).Errors);

        Assert.Equal(SourceLocation.AtPointer("/schedule/conference/days/0/rooms/a~1b~0c/0/duration"), error.Location);
    }

    [Fact]
    public void AnEventThatCrossesMidnightEndsTheNextDay()
    {
        var e = TestSchedules.Document("camp2019.json").Events.Single(e => e.Title == "Achtung, Datenpannen!");

        Assert.Equal(new DateTimeOffset(2019, 8, 22, 23, 0, 0, TimeSpan.FromHours(2)), e.Start);
        Assert.Equal(new DateTimeOffset(2019, 8, 23, 0, 30, 0, TimeSpan.FromHours(2)), e.End);
        Assert.Equal(new DateOnly(2019, 8, 22), e.DayDate);
    }

    [Fact]
    public void ScheduleV2FlatEventsTakeDurationFromStartAndEnd()
    {
        var document = TestSchedules.Document("38c3-hub-schema2.json");
        var late = document.Events[1];

        Assert.Equal("TPGRNN", late.Code);
        Assert.Equal(new DateTimeOffset(2024, 12, 28, 0, 15, 0, TimeSpan.FromHours(1)), late.Start);
        Assert.Equal(TimeSpan.FromMinutes(40), late.Duration);
        Assert.Equal(new DateOnly(2024, 12, 27), late.DayDate);
        Assert.Equal("Saal ZIGZAG", late.Room);
        Assert.Equal("Hardware & Making", late.Track);
    }

    [Fact]
    public void ScheduleV2KeepsParticipantRolesAndLinksWithoutTitles()
    {
        var opening = TestSchedules.Document("38c3-hub-schema2.json").Events[0];

        Assert.Equal(new EventPerson(null, Guid.Parse("4cee1e72-681f-5c8b-8dcd-8e58c8f4a445"), "Senficon", "CONTRIBUTOR"), opening.Persons[2]);
        Assert.Equal(new ScheduleLink(null, "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/HQCCYH/", "ORIGIN"), opening.Links[1]);
        Assert.Equal("CCC", opening.Track);
        Assert.Equal([new ScheduleRoom("Saal 1", Guid.Parse("ba692ba3-421b-5371-8309-60acc34a3c05"), "saal-1")], TestSchedules.Document("38c3-hub-schema2.json").Rooms.Take(1));
    }

    [Fact]
    public void DoNotRecordIsTheRecordingOptOut()
    {
        var events = TestSchedules.Document("democon.json").Events;

        Assert.Equal(["democon-39-monitored-24hour-customer-loyalty", "democon-27-down-sized-directional-algorithm"], events.Where(e => e.RecordingOptOut).Select(e => e.Slug));
    }
}
