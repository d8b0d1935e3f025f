using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf speakers, speakers add, edit and remove.</summary>
[Collection(CliCollection.Name)]
public class SpeakerCommandTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task AnAddedSpeakerIsListedWithTheirOtherNamesBioAndLinks()
    {
        await using var server = await fixture.StartServerAsync();

        var added = await Netconf.WriteAsync(server, "speakers", "add", "Grace Hopper", "--bio", "Rear admiral and compiler pioneer.",
            "--also-known-as", "Amazing Grace", "--link", "Home=https://example.org/grace", "--link", "https://example.org/grace/talks?year=1985");
        var listed = await Netconf.RunAsync(server, "speakers");

        Assert.Equal(0, added.Exit);
        Assert.Equal(
            ["grace-hopper Grace Hopper (also Amazing Grace)", "bio Rear admiral and compiler pioneer.", "link Home: https://example.org/grace", "link https://example.org/grace/talks?year=1985"],
            added.Rows);
        Assert.Contains("grace-hopper Grace Hopper (also Amazing Grace)", listed.Rows);
    }

    [Fact]
    public async Task ASpeakerMayBeGivenAnIdOfTheirOwn()
    {
        await using var server = await fixture.StartServerAsync();

        var added = await Netconf.WriteAsync(server, "speakers", "add", "Grace Hopper", "--id", "grace");

        var speaker = await server.Client.GetSpeakerAsync(new GetSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = "grace" });
        Assert.Equal(0, added.Exit);
        Assert.Equal("Grace Hopper", speaker.Name);
    }

    [Fact]
    public async Task SpeakerEditChangesOnlyTheFieldsGiven()
    {
        await using var server = await fixture.StartServerAsync();

        var edited = await Netconf.WriteAsync(server, "speakers", "edit", "david-miller", "--bio", "Maintainer of the Linux networking stack.");

        var speaker = await server.Client.GetSpeakerAsync(new GetSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = "david-miller" });
        Assert.Equal(0, edited.Exit);
        Assert.Equal("Maintainer of the Linux networking stack.", speaker.Bio);
        Assert.Equal("David S. Miller", speaker.Name);
        Assert.Equal(["David Miller"], speaker.AlsoKnownAs);
    }

    [Fact]
    public async Task AnOtherNameGivenEmptyClearsThem()
    {
        await using var server = await fixture.StartServerAsync();

        var edited = await Netconf.WriteAsync(server, "speakers", "edit", "david-miller", "--also-known-as", "");

        var speaker = await server.Client.GetSpeakerAsync(new GetSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = "david-miller" });
        Assert.Equal(0, edited.Exit);
        Assert.Empty(speaker.AlsoKnownAs);
    }

    [Fact]
    public async Task RemovingASpeakerWhoSpeaksIsRefusedNamingTheirSessions()
    {
        await using var server = await fixture.StartServerAsync();

        var refused = await Netconf.WriteAsync(server, "speakers", "remove", "jamal-hadi-salim");

        Assert.Equal(NetconfCommand.Refused, refused.Exit);
        Assert.Contains("FailedPrecondition", refused.Error, StringComparison.Ordinal);
        Assert.Contains("sessions/inter-fe-action, sessions/introduction, sessions/netdev-announcements", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASpeakerInNoSessionIsRemoved()
    {
        await using var server = await fixture.StartServerAsync();
        await Netconf.WriteAsync(server, "speakers", "add", "Grace Hopper");

        var removed = await Netconf.WriteAsync(server, "speakers", "remove", "grace-hopper");
        var listed = await Netconf.RunAsync(server, "speakers");

        Assert.Equal(0, removed.Exit);
        Assert.Equal("removed speaker grace-hopper; netconf-2015 is now at agenda version 3", removed.Output.Trim());
        Assert.DoesNotContain("grace-hopper", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkThatIsNeitherTitleEqualsUrlNorAUrlIsAUsageError()
    {
        var run = await Netconf.WriteAsync(fixture.Server, "speakers", "add", "Grace Hopper", "--link", "Home page");

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains("'Home page' is not a link as TITLE=URL", run.Error, StringComparison.Ordinal);
    }
}
