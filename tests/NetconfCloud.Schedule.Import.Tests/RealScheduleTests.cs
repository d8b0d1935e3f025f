namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>Every real file reads, with the counts that the files themselves give.</summary>
public class RealScheduleTests
{
    public static TheoryData<string> Files => new()
    {
        "fosdem-2026.xml", "fosdem-2007.xml", "38c3-hub.xml", "39c3-hub-prerelease.xml", "camp2019.json", "democon.json", "38c3-hub-schema2.json",
    };

    [Theory]
    [InlineData("fosdem-2026.xml", 883, 30, 70, 927)]
    [InlineData("fosdem-2007.xml", 215, 18, 25, 244)]
    [InlineData("38c3-hub.xml", 1007, 72, 7, 571)]
    [InlineData("39c3-hub-prerelease.xml", 215, 14, 7, 263)]
    [InlineData("camp2019.json", 79, 2, 7, 90)]
    [InlineData("democon.json", 36, 2, 2, 27)]
    [InlineData("38c3-hub-schema2.json", 2, 5, 7, 4)]
    public void EventRoomTrackAndPersonCountsMatchTheFile(string file, int events, int rooms, int tracks, int persons)
    {
        var document = TestSchedules.Document(file);
        var counted = IndependentCount.Of(file);

        Assert.Equal(new IndependentCount(events, rooms, tracks, persons), counted);
        Assert.Equal(counted, new IndependentCount(document.Events.Count, document.Rooms.Count, document.Tracks.Count, document.Persons.Count));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RealFilesHaveNoErrors(string file) => Assert.Empty(TestSchedules.Result(file).Errors);

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadingTheSameFileTwiceGivesEqualDocuments(string file)
    {
        var options = file == "fosdem-2007.xml" ? TestSchedules.Brussels : null;

        var first = TestSchedules.ReadFile(file, options);
        var second = TestSchedules.ReadFile(file, options);

        Assert.Equal(first, second);
        Assert.Equal(first.Document!.Events.Select(e => e.Guid), second.Document!.Events.Select(e => e.Guid));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryEventEndsItsDurationAfterItsStart(string file) =>
        Assert.All(TestSchedules.Document(file).Events, e => Assert.Equal(e.Start + e.Duration, e.End));

    [Theory]
    [InlineData("fosdem-2026.xml", ScheduleLayout.FrabRooms, "Europe/Brussels")]
    [InlineData("38c3-hub.xml", ScheduleLayout.FrabRooms, "Europe/Berlin")]
    [InlineData("39c3-hub-prerelease.xml", ScheduleLayout.FrabRooms, "Europe/Berlin")]
    [InlineData("fosdem-2007.xml", ScheduleLayout.PentabarfEvents, "Europe/Brussels")]
    [InlineData("camp2019.json", ScheduleLayout.JsonDayRooms, "Europe/Berlin")]
    [InlineData("democon.json", ScheduleLayout.JsonDayRooms, "UTC")]
    [InlineData("38c3-hub-schema2.json", ScheduleLayout.JsonFlatEvents, "Europe/Berlin")]
    public void LayoutAndZoneAreRecognised(string file, ScheduleLayout layout, string zone)
    {
        var document = TestSchedules.Document(file);

        Assert.Equal(layout, document.Layout);
        Assert.Equal(zone, document.Conference.TimeZoneId);
    }

    [Theory]
    [InlineData("fosdem-2026.xml", "Europe/Brussels", "2026-01-31", "2026-01-31 09:30", "Welcome to FOSDEM 2026", "2026-01-31 18:55", "HackerTrain: the first real (and distributed) train trip from N places on M routes to Brussels")]
    [InlineData("fosdem-2026.xml", "Europe/Brussels", "2026-02-01", "2026-02-01 09:00", null, "2026-02-01 17:50", "Closing FOSDEM 2026")]
    [InlineData("fosdem-2007.xml", "Europe/Brussels", "2007-02-25", "2007-02-25 10:00", "Welcome", "2007-02-25 18:30", "Testing the openSUSE distribution")]
    [InlineData("fosdem-2007.xml", "Europe/Brussels", "2007-02-26", "2007-02-26 09:00", null, "2007-02-26 17:30", "SystemTap on Fedora")]
    [InlineData("38c3-hub.xml", "Europe/Berlin", "2024-12-27", "2024-12-27 10:30", null, "2024-12-28 04:30", "Translucid & Birthcore")]
    [InlineData("38c3-hub.xml", "Europe/Berlin", "2024-12-28", "2024-12-28 09:15", "Hack Your Brain: Neurobiologische Tools zum Fokussieren, Lernen und Entspannen", "2024-12-29 04:05", "Open TTRPG session 2")]
    [InlineData("38c3-hub.xml", "Europe/Berlin", "2024-12-29", "2024-12-29 06:00", "Kalib & Waldemar Frost", "2024-12-30 05:00", "Vareli & Klotz von Blammo")]
    [InlineData("38c3-hub.xml", "Europe/Berlin", "2024-12-30", "2024-12-30 09:00", null, "2024-12-30 18:15", "Pet View")]
    [InlineData("39c3-hub-prerelease.xml", "Europe/Berlin", "2025-12-27", "2025-12-27 10:30", "Opening Ceremony", "2025-12-28 00:20", "Unnecessarily Complicated Kitchen – Die Wissenschaft des guten Geschmacks")]
    [InlineData("39c3-hub-prerelease.xml", "Europe/Berlin", "2025-12-30", "2025-12-30 10:00", "Ada und Zangemann", "2025-12-30 16:00", "Closing Ceremony")]
    [InlineData("camp2019.json", "Europe/Berlin", "2019-08-21", "2019-08-21 11:00", "Opening Ceremony", "2019-08-21 22:00", null)]
    [InlineData("camp2019.json", "Europe/Berlin", "2019-08-25", "2019-08-25 12:00", "Fighting back against Libra - Decentralizing Facebook Connect", "2019-08-25 18:00", "Closing ceremony")]
    [InlineData("democon.json", "UTC", "2020-12-14", "2020-12-14 08:00", null, "2020-12-14 14:00", "Networked modular help-desk")]
    public void FirstAndLastEventOfADayAreAtTheirConferenceTime(string file, string zone, string day, string firstAt, string? firstTitle, string lastAt, string? lastTitle)
    {
        var listed = TestSchedules.Document(file).Events
            .Where(e => e.DayDate == DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Start)
            .ToList();

        Assert.Equal(firstAt, TestSchedules.LocalText(listed[0].Start, zone));
        Assert.Equal(lastAt, TestSchedules.LocalText(listed[^1].Start, zone));
        if (firstTitle is not null)
        {
            Assert.Equal(firstTitle, listed[0].Title);
        }

        if (lastTitle is not null)
        {
            Assert.Equal(lastTitle, listed[^1].Title);
        }
    }
}
