using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf sessions by room and track, session in full, clashes and watch.</summary>
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
    public async Task ASessionShowsItsRoomTrackSubtitleLanguagePageAndLinks()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.RunAsync(server, "session", "opening", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.Equal("Sat 2026-01-31 10:00–11:00 +01:00  Opening — Ada Lovelace · Saal 1", run.Lines[0]);
        Assert.Contains("subtitle Why we are here", run.Rows);
        Assert.Contains("room Saal 1 (saal-1)", run.Rows);
        Assert.Contains("track Kernel (kernel)", run.Rows);
        Assert.Contains("language en", run.Rows);
        Assert.Contains("page https://demo.example.org/2026/talks/opening", run.Rows);
        Assert.Contains("link Slides: https://example.org/opening.pdf", run.Rows);
    }

    [Fact]
    public async Task WatchShowsChangesToSpeakersSponsorsAndTheConferenceByWhatTheyChanged()
    {
        await using var server = await fixture.StartServerAsync();
        await Netconf.WriteAsync(server, "speakers", "add", "Grace Hopper");
        await Netconf.WriteAsync(server, "sponsors", "move", "verizon", "0");
        await Netconf.WriteAsync(server, "conference", "edit", "--venue", "Shaw Centre");

        var run = await Netconf.WriteAsync(server, "watch", "--after", "1", "--count", "3");

        Assert.Equal(0, run.Exit);
        Assert.Equal(3, run.Lines.Length);
        Assert.Matches(@"^v2 created by Ada at [-0-9 :]+Z: speakers/grace-hopper: added speaker Grace Hopper$", run.Lines[0]);
        Assert.Matches(@"^v3 updated by Ada at [-0-9 :]+Z: sponsors/verizon: moved sponsor Verizon to position 0$", run.Lines[1]);
        Assert.Matches(@"^v4 updated by Ada at [-0-9 :]+Z: conference: updated the conference details$", run.Lines[2]);
    }

    [Fact]
    public async Task WatchShowsAnImportByItsSummary()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.WriteAsync(server, "watch", "--after", "0", "--count", "2", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal(0, run.Exit);
        Assert.EndsWith(": conference: created Demo Days 2026 to import schedule.xml", run.Lines[0], StringComparison.Ordinal);
        Assert.EndsWith(": import: imported schedule.xml: 3 created, 0 updated, 0 cancelled, 0 unchanged", run.Lines[1], StringComparison.Ordinal);
    }
}
