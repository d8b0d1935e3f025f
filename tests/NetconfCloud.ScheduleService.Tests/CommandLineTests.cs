using NetconfCloud.Cli;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

[Collection(ScheduleCollection.Name)]
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
}
