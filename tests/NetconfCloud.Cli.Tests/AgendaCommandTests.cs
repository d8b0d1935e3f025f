using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf sessions by room and track, session in full, and clashes.</summary>
[Collection(CliCollection.Name)]
public class AgendaCommandTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task ClashesListsASpeakerOnTwoStagesAtOnceWithBothSessionsInLocalTime()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "clashes", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            ["speaker Ada Lovelace (ada-lovelace): Sat 2026-01-31 10:00–11:00 +01:00 Opening [opening] and Sat 2026-01-31 10:30–11:30 +01:00 Panel [panel]"],
            run.Lines);
    }

    [Fact]
    public async Task ClashesSaysSoWhenThereAreNone()
    {
        var run = await Netconf.RunAsync(fixture.Server, "clashes");

        Assert.Equal(0, run.Exit);
        Assert.Equal("no clashes in netconf-2015", run.Output.Trim());
    }

    [Fact]
    public async Task SessionsInARoomAreListedWithTheRoomsName()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "sessions", "--room", "saal-1", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            ["Sat 2026-01-31 10:00–11:00 +01:00  Opening — Ada Lovelace · Saal 1", "Sat 2026-01-31 12:00–12:30 +01:00  Closing — Grace Hopper · Saal 1"],
            run.Lines);
    }

    [Fact]
    public async Task SessionsOfATrackAreListed()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "sessions", "--track", "kernel", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal(["Sat 2026-01-31 10:00–11:00 +01:00  Opening — Ada Lovelace · Saal 1"], run.Lines);
    }

    [Fact]
    public async Task AnUnknownRoomIsRefusedByTheService()
    {
        var run = await Netconf.RunAsync(fixture.Server, "sessions", "--room", "saal-9");

        Assert.Equal(NetconfCommand.Refused, run.Exit);
        Assert.Contains("room_id: unknown room id 'saal-9'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionShowsItsRoomTrackSubtitleLanguageAndLinks()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "session", "opening", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal("Sat 2026-01-31 10:00–11:00 +01:00  Opening — Ada Lovelace · Saal 1", run.Lines[0]);
        Assert.Contains("subtitle Why we are here", run.Rows);
        Assert.Contains("room Saal 1 (saal-1)", run.Rows);
        Assert.Contains("track Kernel (kernel)", run.Rows);
        Assert.Contains("language en", run.Rows);
        Assert.Contains("link Slides: https://example.org/opening.pdf", run.Rows);
    }
}
