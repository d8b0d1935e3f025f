using NetconfCloud.Cli;
using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

[Collection(CliCollection.Name)]
public class CommandLineTests(ScheduleFixture fixture)
{
    private async Task<(int Exit, string Output, string Error)> Netconf(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await NetconfCommand.RunAsync([.. args, "--address", fixture.Server.Address.ToString()], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ThursdayTalksAreListedAtOttawaTimes()
    {
        var (exit, output, _) = await Netconf("sessions", "--day", "2015-02-12", "--kind", "talk");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal(12, lines.Length);
        Assert.StartsWith("Thu 2015-02-12 09:00–09:30 -05:00  Introduction — Jamal Hadi Salim, David S. Miller", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Thu 2015-02-12 16:30–17:00 -05:00  ipv6 routing", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task JamalHadiSalimsThreeTalksAreListed()
    {
        var (exit, output, _) = await Netconf("sessions", "--speaker", "jamal-hadi-salim");

        Assert.Equal(0, exit);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Fri 2015-02-13 13:30–14:00 -05:00  Inter FE action", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUntitledTalkSaysSoInTheListing()
    {
        var (_, output, _) = await Netconf("sessions", "--day", "2015-02-13");

        Assert.Contains("09:00–09:30 -05:00  (no title published) — Jeff Kirsher", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSessionExitsWithOneAndSaysNotFound()
    {
        var (exit, _, error) = await Netconf("session", "no-such-talk");

        Assert.Equal(NetconfCommand.Refused, exit);
        Assert.Contains("NotFound", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownKindIsAUsageError()
    {
        var (exit, _, error) = await Netconf("sessions", "--kind", "keynote");

        Assert.Equal(NetconfCommand.Usage, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task AServiceThatIsNotThereExitsWithThree()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await NetconfCommand.RunAsync(["conference", "--address", $"http://127.0.0.1:{FreePort.Next()}"], output, error);

        Assert.Equal(NetconfCommand.Unreachable, exit);
        Assert.Contains("cannot be reached", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceWhoseStorageHangsExitsWithThreeAndSaysSoOnOneLine()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaCliHung", environment: "Development");
        await server.WaitUntilServingAsync();
        await azurite.PauseAsync();

        var (exit, _, error) = await NetconfAt(server, "conference");
        await azurite.ResumeAsync();

        Assert.Equal(NetconfCommand.Unreachable, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is unavailable: Agenda storage cannot be reached", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> NetconfAt(ScheduleServer server, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await NetconfCommand.RunAsync([.. args, "--address", server.Address.ToString()], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AnOrganiserWithADevelopmentTokenMovesRetitlesCancelsAndRestoresATalk()
    {
        await using var server = await fixture.StartServerAsync();
        var token = (await NetconfAt(server, "token", "--name", "Ada")).Output.Trim();

        var moved = await NetconfAt(server, "move", "bpf-updates", "--start", "2015-02-13 17:30", "--token", token);
        var retitled = await NetconfAt(server, "retitle", "bpf-updates", "BPF: what is next", "--token", token);
        var cancelled = await NetconfAt(server, "cancel", "bpf-updates", "--token", token);
        var restored = await NetconfAt(server, "restore", "bpf-updates", "--token", token);
        var watched = await NetconfAt(server, "watch", "--count", "4", "--token", token);

        Assert.Equal(0, moved.Exit);
        Assert.StartsWith("Fri 2015-02-13 17:30–18:00 -05:00  bpf updates and next steps", moved.Output, StringComparison.Ordinal);
        Assert.Contains("BPF: what is next", retitled.Output, StringComparison.Ordinal);
        Assert.Contains("[CANCELLED]", cancelled.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[CANCELLED]", restored.Output, StringComparison.Ordinal);
        var log = watched.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, log.Length);
        Assert.StartsWith("v2 updated by Ada", log[0], StringComparison.Ordinal);
        Assert.StartsWith("v4 cancelled by Ada", log[2], StringComparison.Ordinal);
        Assert.StartsWith("v5 restored by Ada", log[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteWithAnEmptyTokenIsAUsageErrorThatSaysHowToGetOne()
    {
        var (exit, _, error) = await Netconf("cancel", "bpf-updates", "--token", "");

        Assert.Equal(NetconfCommand.Usage, exit);
        Assert.Contains("netconf token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriteWithATokenTheServiceRejectsExitsWithOne()
    {
        var (exit, _, error) = await Netconf("cancel", "bpf-updates", "--token", "not-a-token");

        Assert.Equal(NetconfCommand.Refused, exit);
        Assert.Contains("did not accept the token", error, StringComparison.Ordinal);
    }
}
