using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf conferences, conference create and edit, rooms and tracks.</summary>
[Collection(CliCollection.Name)]
public class ConferenceCommandTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task ConferencesListsEachWithItsDatesTimeZoneAndAgendaVersion()
    {
        var run = await Netconf.RunAsync(fixture.Server, "conferences");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["netconf-2015 Netconf 2015; 2015-02-12 to 2015-02-13 (2 days); times in America/Toronto; agenda version 1"], run.Rows);
    }

    [Fact]
    public async Task ACreatedConferenceIsListedWithItsDaysAndTimeZone()
    {
        await using var server = await fixture.StartServerAsync();

        var created = await Netconf.WriteAsync(server, "conference", "create", "fosdem-2026", "--name", "FOSDEM 2026", "--time-zone", "Europe/Brussels",
            "--days", "2026-01-31,2026-02-01", "--city", "Brussels", "--country", "Belgium", "--url", "https://fosdem.org/2026/");
        var listed = await Netconf.RunAsync(server, "conferences");

        Assert.Equal(0, created.Exit);
        Assert.Contains("fosdem-2026: Brussels, Belgium; times in Europe/Brussels", created.Output, StringComparison.Ordinal);
        Assert.Contains("days: Sat 2026-01-31, Sun 2026-02-01", created.Output, StringComparison.Ordinal);
        Assert.Contains("fosdem-2026 FOSDEM 2026; 2026-01-31 to 2026-02-01 (2 days); times in Europe/Brussels; agenda version 1", listed.Rows);
    }

    [Fact]
    public async Task DaysMayBeGivenAsARange()
    {
        await using var server = await fixture.StartServerAsync();

        var created = await Netconf.WriteAsync(server, "conference", "create", "congress-2025", "--name", "39C3", "--time-zone", "Europe/Berlin", "--days", "2025-12-27..2025-12-30");

        Assert.Equal(0, created.Exit);
        Assert.Contains("days: Sat 2025-12-27, Sun 2025-12-28, Mon 2025-12-29, Tue 2025-12-30", created.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACreateInAnUnknownTimeZoneIsRefusedWithTheServicesFieldViolation()
    {
        await using var server = await fixture.StartServerAsync();

        var refused = await Netconf.WriteAsync(server, "conference", "create", "nowhere-2026", "--name", "Nowhere", "--time-zone", "Europe/Nowhere", "--days", "2026-01-31");
        var listed = await Netconf.RunAsync(server, "conferences");

        Assert.Equal(NetconfCommand.Refused, refused.Exit);
        Assert.Contains("conference.time_zone: 'Europe/Nowhere' is not an IANA time zone", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere-2026", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayThatIsNotADateIsAUsageError()
    {
        var run = await Netconf.WriteAsync(fixture.Server, "conference", "create", "leap-2026", "--name", "Leap", "--time-zone", "Europe/Brussels", "--days", "2026-02-30");

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains("'2026-02-30' is not a day as YYYY-MM-DD", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConferenceEditChangesOnlyTheDetailsGiven()
    {
        await using var server = await fixture.StartServerAsync();

        var edited = await Netconf.WriteAsync(server, "conference", "edit", "--venue", "Shaw Centre", "--url", "https://netconf.example.org/2015/");

        var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });
        Assert.Equal(0, edited.Exit);
        Assert.Contains("netconf-2015: Shaw Centre, Ottawa, Canada; times in America/Toronto", edited.Output, StringComparison.Ordinal);
        Assert.Equal(("Shaw Centre", "https://netconf.example.org/2015/"), (conference.Venue, conference.Url));
        Assert.Equal(("Netconf 2015", "Ottawa", "America/Toronto", 2), (conference.Name, conference.City, conference.TimeZone, conference.Days.Count));
    }

    [Fact]
    public async Task EditingTheTimeZoneToAnUnknownOneIsRefusedWithTheFieldViolation()
    {
        await using var server = await fixture.StartServerAsync();

        var refused = await Netconf.WriteAsync(server, "conference", "edit", "--time-zone", "Mars/Olympus");

        var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });
        Assert.Equal(NetconfCommand.Refused, refused.Exit);
        Assert.Contains("  conference.time_zone: 'Mars/Olympus' is not an IANA time zone", refused.Error, StringComparison.Ordinal);
        Assert.Equal("America/Toronto", conference.TimeZone);
    }

    [Fact]
    public async Task AnEditThatGivesNothingToChangeIsAUsageError()
    {
        var run = await Netconf.WriteAsync(fixture.Server, "conference", "edit");

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains("nothing to change: give at least one of --name", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoomsAreListedInOrderWithHowManySessionsEachHolds()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "rooms", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal(["saal-1 Saal 1 2 sessions", "saal-2 Saal 2 1 session"], run.Rows);
    }

    [Fact]
    public async Task AConferenceWithoutRoomsSaysSo()
    {
        var run = await Netconf.RunAsync(fixture.Server, "rooms");

        Assert.Equal(0, run.Exit);
        Assert.Equal("netconf-2015 lists no rooms", run.Output.Trim());
    }

    [Fact]
    public async Task AnAddedRoomGoesAtTheEndAndAnUnusedOneIsRemoved()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var added = await Netconf.WriteAsync(server, "rooms", "add", "foyer", "Foyer", "--conference", DemoSchedule.ConferenceId);
        var removed = await Netconf.WriteAsync(server, "rooms", "remove", "foyer", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal("rooms of demo-2026: Saal 1 (saal-1), Saal 2 (saal-2), Foyer (foyer)", added.Output.Trim());
        Assert.Equal("rooms of demo-2026: Saal 1 (saal-1), Saal 2 (saal-2)", removed.Output.Trim());
    }

    [Fact]
    public async Task RemovingARoomInUseIsRefusedNamingTheSessionInIt()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var refused = await Netconf.WriteAsync(server, "rooms", "remove", "saal-2", "--conference", DemoSchedule.ConferenceId);
        var rooms = await Netconf.RunAsync(server, "rooms", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(NetconfCommand.Refused, refused.Exit);
        Assert.Contains("rooms/saal-2 is in use by sessions/panel", refused.Error, StringComparison.Ordinal);
        Assert.Contains("saal-2 Saal 2 1 session", rooms.Rows);
    }

    [Fact]
    public async Task RemovingARoomTheConferenceDoesNotHaveNamesTheRoomsItHas()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var refused = await Netconf.WriteAsync(server, "rooms", "remove", "saal-9", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(NetconfCommand.Refused, refused.Exit);
        Assert.Contains("demo-2026 has no room 'saal-9'; its rooms: Saal 1 (saal-1), Saal 2 (saal-2)", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TracksAreListedWithTheirColoursAndSessionCounts()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "tracks", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal(["kernel Kernel (#1f77b4) 1 session", "- (none) 2 sessions"], run.Rows);
    }
}
