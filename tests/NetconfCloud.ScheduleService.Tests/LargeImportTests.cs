using NetconfCloud.Schedule;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>An import whose report would not fit a gRPC message lists the first warnings and counts them all.</summary>
[Collection(ScheduleCollection.Name)]
public class LargeImportTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task AnImportWithMoreWarningsThanAResponseHoldsListsTheFirstThousandAndCountsThemAll()
    {
        await using var server = await fixture.StartServerAsync();
        var day = new DateOnly(2026, 6, 1);
        var zone = ConferenceTimeZone.FromId("Europe/Berlin");
        var conference = new Conference("clashes", "Clashes", "", "", "", zone.Id, "", "", "", "", [day], [], null, 0, DateTimeOffset.MinValue)
        {
            Rooms = [new Room("hall", "Hall")],
        };
        // 2,400 talks in pairs: each pair in the same room at the same time, 1,200 clashes in all.
        var sessions = Enumerable.Range(0, 2400).Select(i =>
        {
            var start = zone.ToInstant(day, new TimeOnly(8, 0)).AddMinutes(i / 2 * 0.5);
            return new IncomingSession(
                new Session("", new SessionContent { Title = $"Talk {i}", Start = start, End = start.AddSeconds(20), RoomId = "hall", SourceGuid = Guid.NewGuid().ToString() }),
                [],
                $"{i + 1}:1");
        }).ToArray();

        var report = await ScheduleFiles.ImportAsync(server.WriterClient, "clashes", new IncomingAgenda(conference, [], sessions), new ImportOptions());

        Assert.True(report.Applied);
        Assert.Equal(2400, report.CreatedSessionIds.Count);
        Assert.Equal(1200, report.WarningCount);
        Assert.Equal(Schedule.Wire.ImportMapping.MaxWarningsListed, report.Warnings.Count);
    }
}
