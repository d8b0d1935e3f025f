using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>
/// <c>NETCONF_TOKEN</c> and <c>NETCONF_CONFERENCE</c> as a shell sets them, for the built <c>netconf</c> run as a
/// process of its own: the help names the token's variable and never prints the token, the conference variable is the
/// default conference, and a write given no token says how to get one (exit 2).
/// </summary>
[Collection(CliCollection.Name)]
public class EnvironmentTests(ScheduleFixture fixture)
{
    private static readonly Dictionary<string, string> WithToken = new() { ["NETCONF_TOKEN"] = Netconf.Token };

    [Theory]
    [InlineData("--help")]
    [InlineData("move --help")]
    [InlineData("sponsors add --help")]
    [InlineData("conference create --help")]
    public async Task HelpNamesTheTokensVariableAndNeverPrintsTheToken(string command)
    {
        var run = await Netconf.ProcessAsync(WithToken, command.Split(' '));

        Assert.Equal(0, run.Exit);
        Assert.Contains("(default: $NETCONF_TOKEN)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Netconf.Token.Split('.')[2], run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetconfConferenceIsTheConferenceOfACommandWithoutTheOption()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);

        var run = await Netconf.ProcessAsync(server, new() { ["NETCONF_CONFERENCE"] = DemoSchedule.ConferenceId }, "sessions");

        Assert.Equal(0, run.Exit);
        Assert.Equal(["Opening", "Panel", "Closing"], run.Rows.Select(r => r.Split(' ')[4]));
    }

    [Fact]
    public async Task TheConferenceOptionWinsOverNetconfConference()
    {
        var run = await Netconf.ProcessAsync(fixture.Server, new() { ["NETCONF_CONFERENCE"] = DemoSchedule.ConferenceId }, "session", "bpf-updates", "--conference", "netconf-2015");

        Assert.Equal(0, run.Exit);
        Assert.Contains("bpf updates and next steps", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutNetconfConferenceTheConferenceIsNetconf2015()
    {
        var run = await Netconf.ProcessAsync(fixture.Server, [], "session", "bpf-updates");

        Assert.Equal(0, run.Exit);
        Assert.Contains("bpf updates and next steps", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteGivenNoTokenExitsWithTwoSaysHowToGetOneAndChangesNothing()
    {
        await using var server = await fixture.StartServerAsync();

        var run = await Netconf.ProcessAsync(server, [], "cancel", "bpf-updates");
        var session = await Netconf.RunAsync(server, "session", "bpf-updates");

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains("needs a bearer token", run.Error, StringComparison.Ordinal);
        Assert.Contains("export NETCONF_TOKEN=$(./netconf token)", run.Error, StringComparison.Ordinal);
        Assert.Contains("Microsoft Entra ID token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CANCELLED", session.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetconfTokenIsTheTokenOfAWrite()
    {
        await using var server = await fixture.StartServerAsync();

        var run = await Netconf.ProcessAsync(server, WithToken, "retitle", "bpf-updates", "BPF: what is next");

        Assert.Equal(0, run.Exit);
        Assert.Contains("BPF: what is next", run.Output, StringComparison.Ordinal);
    }
}
