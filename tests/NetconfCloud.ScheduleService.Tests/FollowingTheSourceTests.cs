using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Following a published schedule, through the real gRPC transport over Azurite, from a real HTTP server on 127.0.0.1
/// that serves a real schedule of the corpus (DebConf 23, frab XML), changes it, answers 304, fails and is slow.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class FollowingTheSourceTests(ScheduleFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const string ConferenceId = "debconf23";

    private static readonly Dictionary<string, string?> FollowSettings = new()
    {
        ["Follow:AllowHttpAndLoopback"] = "true",
        ["Follow:MinimumInterval"] = "00:00:01",
        ["Follow:CheckEvery"] = "00:00:00.200",
        ["Follow:FetchTimeout"] = "00:00:02",
        ["Follow:Lease"] = "00:00:10",
    };

    private static string Published => ScheduleFiles.Text("debconf23.xml");

    [Fact]
    public async Task AFollowedSourceIsAppliedAsANewAgendaVersionWhenItChanges()
    {
        var (server, source, imported) = await FollowingAsync(TimeSpan.FromSeconds(1));
        await using var _ = source;

        source.Body = Encoding.UTF8.GetBytes(Published.Replace("<title>Opening Ceremony</title>", "<title>Opening Ceremony (moved)</title>", StringComparison.Ordinal));
        var changed = await UntilAsync(server, c => c.AgendaVersion > imported);

        Assert.Equal(imported + 1, changed.AgendaVersion);
        Assert.Equal(changed.AgendaVersion, changed.Follow.LastSuccessAgendaVersion);
        var agenda = await ScheduleFiles.ReadAsync(server.Client, ConferenceId);
        Assert.Contains(agenda.Sessions, s => s.Title == "Opening Ceremony (moved)");
        Assert.DoesNotContain(agenda.Sessions, s => s.Title == "Opening Ceremony");
    }

    [Fact]
    public async Task AnUnchangedSourceAnswers304ToTheValidatorAndMakesNoVersion()
    {
        var (server, source, imported) = await FollowingAsync(TimeSpan.FromSeconds(1));
        await using var _ = source;
        var before = source.Requests.Count;

        await UntilAsync(server, _ => source.Requests.Count >= before + 2);

        var later = source.Requests.Skip(1).ToList();
        Assert.All(later, r => Assert.Equal(source.ETag, r.IfNoneMatch));
        var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = ConferenceId });
        Assert.Equal(imported, conference.AgendaVersion);
        Assert.Equal(imported, conference.Follow.LastSuccessAgendaVersion);
        Assert.Equal("", conference.Follow.LastError);
    }

    [Fact]
    public async Task AFailingSourceKeepsTheLastGoodAgendaAndSaysWhy()
    {
        var (server, source, imported) = await FollowingAsync(TimeSpan.FromSeconds(1));
        await using var _ = source;

        var sessions = (await ScheduleFiles.ReadAsync(server.Client, ConferenceId)).Sessions.Count;

        source.FailWith = 500;
        var failed = await UntilAsync(server, c => c.Follow.LastError.Length > 0);

        Assert.Equal("the source answered 500", failed.Follow.LastError);
        Assert.NotNull(failed.Follow.LastErrorTime);
        Assert.Equal(imported, failed.AgendaVersion);
        Assert.True(failed.Follow.NextFetchTime.ToDateTimeOffset() > failed.Follow.LastErrorTime.ToDateTimeOffset());
        Assert.Equal(sessions, (await ScheduleFiles.ReadAsync(server.Client, ConferenceId)).Sessions.Count);
    }

    [Fact]
    public async Task ASlowSourceIsReportedAsTimedOut()
    {
        var (server, source, imported) = await FollowingAsync(TimeSpan.FromSeconds(1));
        await using var _ = source;

        source.Delay = TimeSpan.FromSeconds(30);
        var failed = await UntilAsync(server, c => c.Follow.LastError.Length > 0);

        Assert.Equal("timed out after 2 s", failed.Follow.LastError);
        Assert.Equal(imported, failed.AgendaVersion);
    }

    [Fact]
    public async Task ASourceWithErrorsIsNotApplied()
    {
        var (server, source, imported) = await FollowingAsync(TimeSpan.FromSeconds(1));
        await using var _ = source;

        // Half a file, as an upload cut off: not well-formed.
        source.Body = Encoding.UTF8.GetBytes(Published[..(Published.Length / 2)]);
        var failed = await UntilAsync(server, c => c.Follow.LastError.Length > 0);

        Assert.StartsWith("the schedule has ", failed.Follow.LastError, StringComparison.Ordinal);
        Assert.Contains("was not applied", failed.Follow.LastError, StringComparison.Ordinal);
        Assert.Equal(imported, failed.AgendaVersion);
    }

    [Fact]
    public async Task TwoReplicasFetchASourceOncePerInterval()
    {
        var first = await fixture.StartServerAsync(FollowSettings);
        await using var second = new ScheduleServer(fixture.Azurite.ConnectionString, first.TableName, FollowSettings);
        await second.WaitUntilServingAsync();
        await ScheduleFiles.ImportAsync(first.WriterClient, ConferenceId, Published, "debconf23.xml");
        await using var source = new ScheduleSourceServer(Encoding.UTF8.GetBytes(Published));
        var interval = TimeSpan.FromSeconds(2);

        await first.WriterClient.FollowSourceAsync(new FollowSourceRequest { ConferenceId = ConferenceId, Url = source.Url.AbsoluteUri, Interval = Duration.FromTimeSpan(interval) });
        await Task.Delay(TimeSpan.FromSeconds(9));

        var times = source.Requests.Select(r => r.Time).Order().ToList();
        output.WriteLine($"two replicas, interval {interval.TotalSeconds} s, 9 s: {times.Count} fetches, gaps {string.Join(", ", times.Zip(times.Skip(1)).Select(p => $"{(p.Second - p.First).TotalMilliseconds:0} ms"))}");
        Assert.InRange(times.Count, 3, 6);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= interval * 0.75, $"two fetches {(pair.Second - pair.First).TotalMilliseconds:0} ms apart"));
        var seenBySecond = await second.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = ConferenceId });
        Assert.Equal(source.Url.AbsoluteUri, seenBySecond.Follow.Url);
        Assert.NotNull(seenBySecond.Follow.LastSuccessTime);
    }

    [Fact]
    public async Task StopFollowingEndsTheFetchesAndLeavesTheAgenda()
    {
        var (server, source, imported) = await FollowingAsync(TimeSpan.FromSeconds(1));
        await using var _ = source;

        var stopped = await server.WriterClient.StopFollowingAsync(new StopFollowingRequest { ConferenceId = ConferenceId });
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var count = source.Requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Null(stopped.Follow);
        Assert.Equal(count, source.Requests.Count);
        var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = ConferenceId });
        Assert.Null(conference.Follow);
        Assert.Equal(imported, conference.AgendaVersion);
    }

    [Theory]
    [InlineData("http://schedule.example.org/schedule.xml", "url")]
    [InlineData("https://169.254.169.254/metadata/identity/oauth2/token", "url")]
    [InlineData("https://10.0.0.7/schedule.xml", "url")]
    [InlineData("https://[::ffff:127.0.0.1]/schedule.xml", "url")]
    [InlineData("not a url", "url")]
    public async Task FollowSourceRefusesAnAddressThePolicyRefuses(string url, string field)
    {
        await RpcAssert.InvalidField(field, () => fixture.Server.WriterClient.FollowSourceAsync(new FollowSourceRequest { ConferenceId = "netconf-2015", Url = url }).ResponseAsync);
    }

    [Fact]
    public async Task FollowSourceRefusesAnIntervalUnderAMinute()
    {
        await RpcAssert.InvalidField("interval", () => fixture.Server.WriterClient.FollowSourceAsync(new FollowSourceRequest
        {
            ConferenceId = "netconf-2015",
            Url = "https://schedule.example.org/schedule.xml",
            Interval = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)),
        }).ResponseAsync);
    }

    [Fact]
    public async Task FollowSourceNeedsTheWritePermission()
    {
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => fixture.Server.Client.FollowSourceAsync(new FollowSourceRequest
        {
            ConferenceId = "netconf-2015",
            Url = "https://schedule.example.org/schedule.xml",
        }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => fixture.Server.ReaderClient.StopFollowingAsync(new StopFollowingRequest { ConferenceId = "netconf-2015" }).ResponseAsync);
    }

    [Fact]
    public async Task FollowSourceNamesAConferenceThatDoesNotExist()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => fixture.Server.WriterClient.FollowSourceAsync(new FollowSourceRequest
        {
            ConferenceId = "no-such-conference",
            Url = "https://schedule.example.org/schedule.xml",
        }).ResponseAsync);
    }

    [Theory]
    [InlineData("Follow:AllowHttpAndLoopback", "true", "Follow:AllowHttpAndLoopback is for Development only")]
    [InlineData("Follow:MinimumInterval", "00:00:10", "Follow:MinimumInterval must be at least 00:01:00 outside Development")]
    public async Task OutsideDevelopmentTheTestAllowancesStopTheServiceAtStart(string key, string value, string message)
    {
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaFollowConfig", new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            [key] = value,
        }, environment: "Production");

        var error = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => server.Services);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Not a timed assertion: how long a follow of FOSDEM 2026 (2.7 MB, 883 events) takes, written to the test output.</summary>
    [Fact]
    public async Task FollowingFosdemCostsOneReadThenOnlyConditionalGets()
    {
        var server = await fixture.StartServerAsync(FollowSettings);
        var text = ScheduleFiles.Text("fosdem-2026.xml");
        var imported = (await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", text, "fosdem-2026.xml")).AgendaVersion;
        await using var source = new ScheduleSourceServer(Encoding.UTF8.GetBytes(text));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await server.WriterClient.FollowSourceAsync(new FollowSourceRequest { ConferenceId = "fosdem-2026", Url = source.Url.AbsoluteUri, Interval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) });
        var first = await UntilAsync(server, c => c.Follow?.LastSuccessTime is not null, "fosdem-2026");
        var firstCycle = clock.Elapsed;
        clock.Restart();
        source.Body = Encoding.UTF8.GetBytes(text.Replace("<title>Welcome to FOSDEM 2026</title>", "<title>Welcome to FOSDEM 2026!</title>", StringComparison.Ordinal));
        var changed = await UntilAsync(server, c => c.AgendaVersion > imported, "fosdem-2026");
        var changeCycle = clock.Elapsed;
        var before = source.Requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var conditional = source.Requests.Skip(before).ToList();

        output.WriteLine($"fosdem-2026: follow to first check (200, read, import with no change) {firstCycle.TotalMilliseconds:0} ms; published change to new version {changeCycle.TotalMilliseconds:0} ms (interval 1 s, checks every 200 ms); then {conditional.Count} conditional GETs in 3 s, all 304: {conditional.All(r => r.IfNoneMatch == source.ETag)}");
        Assert.Equal(imported, first.AgendaVersion);
        Assert.Equal(imported + 1, changed.AgendaVersion);
        Assert.All(conditional, r => Assert.Equal(source.ETag, r.IfNoneMatch));
    }

    /// <summary>A service of its own with DebConf 23 imported, following a local copy of the same file, after its first fetch.</summary>
    private async Task<(ScheduleServer Server, ScheduleSourceServer Source, long Imported)> FollowingAsync(TimeSpan interval)
    {
        var server = await fixture.StartServerAsync(FollowSettings);
        var imported = (await ScheduleFiles.ImportAsync(server.WriterClient, ConferenceId, Published, "debconf23.xml")).AgendaVersion;
        var source = new ScheduleSourceServer(Encoding.UTF8.GetBytes(Published));

        var following = await server.WriterClient.FollowSourceAsync(new FollowSourceRequest { ConferenceId = ConferenceId, Url = source.Url.AbsoluteUri, Interval = Duration.FromTimeSpan(interval) });
        Assert.Equal(source.Url.AbsoluteUri, following.Follow.Url);
        var first = await UntilAsync(server, c => c.Follow?.LastSuccessTime is not null);
        Assert.Equal(imported, first.AgendaVersion);
        return (server, source, imported);
    }

    /// <summary>GetConference until <paramref name="done"/> holds (the follow shown is at most a few seconds old), within 20 s.</summary>
    private static async Task<Conference> UntilAsync(ScheduleServer server, Func<Conference, bool> done, string conferenceId = ConferenceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = conferenceId }, cancellationToken: timeout.Token);
            if (done(conference))
            {
                return conference;
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
