using System.Text;
using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf follow against a real service that fetches a real HTTP server on 127.0.0.1; netconf conference shows how it goes.</summary>
[Collection(CliCollection.Name)]
public class FollowCommandTests(ScheduleFixture fixture)
{
    private static readonly Dictionary<string, string?> FollowSettings = new()
    {
        ["Follow:AllowHttpAndLoopback"] = "true",
        ["Follow:MinimumInterval"] = "00:00:01",
        ["Follow:CheckEvery"] = "00:00:00.200",
        ["Follow:FetchTimeout"] = "00:00:02",
        ["Follow:Lease"] = "00:00:10",
    };

    [Fact]
    public async Task FollowSaysWhatItFollowsAndConferenceShowsTheLastCheck()
    {
        await using var server = await ImportedAsync();
        await using var source = new ScheduleSourceServer(Encoding.UTF8.GetBytes(DemoSchedule.Xml));

        var follow = await Netconf.WriteAsync(server, "follow", source.Url.AbsoluteUri, "--conference", DemoSchedule.ConferenceId, "--every", "10m");
        var shown = await ConferenceLineAsync(server, line => line.Contains("last success", StringComparison.Ordinal));

        Assert.True(follow.Exit == 0, follow.Error);
        Assert.Equal($"demo-2026: following {source.Url} every 10 minutes, not checked yet, next now", follow.Lines.Single());
        Assert.Matches(@"^following http://127\.0\.0\.1:\d+/schedule\.xml every 10 minutes, checked \d+ seconds? ago, next in (9|10) minutes; last success \d+ seconds? ago at agenda version 2$", shown);
    }

    [Fact]
    public async Task ConferenceShowsTheLastErrorOfAFailingSource()
    {
        await using var server = await ImportedAsync();
        await using var source = new ScheduleSourceServer(Encoding.UTF8.GetBytes(DemoSchedule.Xml)) { FailWith = 503 };

        await Netconf.WriteAsync(server, "follow", source.Url.AbsoluteUri, "--conference", DemoSchedule.ConferenceId, "--every", "1m");
        var shown = await ConferenceLineAsync(server, line => line.Contains("last error", StringComparison.Ordinal));

        Assert.Matches(@"; last error \d+ seconds? ago: the source answered 503 \(the agenda was left as it was\)$", shown);
        Assert.DoesNotContain(ScheduleSourceServer.SecretBody, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowStopEndsIt()
    {
        await using var server = await ImportedAsync();
        await using var source = new ScheduleSourceServer(Encoding.UTF8.GetBytes(DemoSchedule.Xml));
        await Netconf.WriteAsync(server, "follow", source.Url.AbsoluteUri, "--conference", DemoSchedule.ConferenceId);

        var stop = await Netconf.WriteAsync(server, "follow", "--stop", "--conference", DemoSchedule.ConferenceId);
        var conference = await Netconf.RunAsync(server, "conference", "--conference", DemoSchedule.ConferenceId);

        Assert.Equal("demo-2026 follows no source; its agenda stays at version 2", stop.Lines.Single());
        Assert.DoesNotContain(conference.Lines, line => line.StartsWith("following", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowRefusesAPrivateAddressNamingTheField()
    {
        var run = await Netconf.WriteAsync(fixture.Server, "follow", "https://192.168.1.10/schedule.xml", "--conference", "netconf-2015");

        Assert.Equal(NetconfCommand.Refused, run.Exit);
        Assert.Contains("url: refused: address is private.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ten minutes")]
    [InlineData("10x")]
    [InlineData("5 m")]
    public async Task FollowRefusesAnIntervalItCannotRead(string every)
    {
        var run = await Netconf.WriteAsync(fixture.Server, "follow", "https://schedule.example.org/schedule.xml", "--conference", "netconf-2015", "--every", every);

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains($"--every '{every}' is not an interval", run.Error, StringComparison.Ordinal);
    }

    private async Task<ScheduleServer> ImportedAsync()
    {
        var server = await fixture.StartServerAsync(FollowSettings);
        var import = await Netconf.WriteAsync(server, "import", await DemoSchedule.WriteAsync(), "--conference", DemoSchedule.ConferenceId);
        Assert.True(import.Exit == 0, import.Error);
        return server;
    }

    /// <summary>The "following ..." line of netconf conference, once it says what <paramref name="done"/> waits for (within 20 s).</summary>
    private static async Task<string> ConferenceLineAsync(ScheduleServer server, Func<string, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var run = await Netconf.RunAsync(server, "conference", "--conference", DemoSchedule.ConferenceId);
            if (run.Lines.FirstOrDefault(line => line.StartsWith("following", StringComparison.Ordinal)) is { } line && done(line))
            {
                return line;
            }

            await Task.Delay(200, timeout.Token);
        }
    }
}
