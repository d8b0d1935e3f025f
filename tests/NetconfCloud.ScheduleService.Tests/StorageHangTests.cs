using System.Diagnostics;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;
using Xunit.Abstractions;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Storage that hangs (Azurite stopped with SIGSTOP: connections open, nothing answers) or is set back in time,
/// through the real transport against a real Azurite of each test's own.
/// </summary>
public class StorageHangTests(ITestOutputHelper output)
{
    private const string Netconf = "netconf-2015";

    /// <summary>
    /// The test servers give a storage call 2 s a try (<c>Storage:TimeoutSeconds</c>) and retry a read once: a hung
    /// read is given up after about 4.1 s. The bound asserted leaves room for a busy test machine; before the
    /// storage edge knew a time-out for what it is, the answer came after 15 s.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static Dictionary<string, string?> Settings(int? probePort = null) => new()
    {
        ["HealthProbes:RefreshSeconds"] = "1",
        ["HealthProbes:Port"] = probePort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task WhenStorageHangsAnUncachedReadIsUnavailableWithinTheBoundWithAShortMessageEvenInDevelopment()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaHungRead", Settings(), environment: "Development");
        await server.WaitUntilServingAsync();
        await azurite.PauseAsync();

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = Netconf }).ResponseAsync);
        clock.Stop();

        output.WriteLine($"{error.StatusCode} after {clock.Elapsed.TotalSeconds:F1} s, message of {error.Status.Detail.Length} characters: {error.Status.Detail}");
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.True(error.Status.Detail.Length < 1024, $"the message has {error.Status.Detail.Length} characters");
        Assert.DoesNotContain("Exception", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Bound, $"UNAVAILABLE came after {clock.Elapsed}");
        await azurite.ResumeAsync();
    }

    [Fact]
    public async Task WhenStorageHangsACachedConferenceIsStillReadAndHealthSaysDegradedUntilStorageAnswersAgain()
    {
        await using var azurite = await Azurite.StartAsync();
        var probePort = FreePort.Next();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaHungCached", Settings(probePort));
        await server.WaitUntilServingAsync();
        using var probes = new HttpClient { BaseAddress = server.ProbeAddress };
        var before = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = Netconf });
        await azurite.PauseAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the revalidation interval: the next read asks storage

        var clock = Stopwatch.StartNew();
        var during = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = Netconf });
        clock.Stop();
        var degraded = await WaitForProbeAsync(probes, body => body.StartsWith("Degraded", StringComparison.Ordinal));
        var grpcHealth = (await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest())).Status;
        await azurite.ResumeAsync();
        var recovered = await WaitForProbeAsync(probes, body => body == "Healthy");

        output.WriteLine($"read from memory after {clock.Elapsed.TotalSeconds:F1} s; probe said: {degraded}");
        Assert.Equal(before.Sessions.Select(s => s.Id), during.Sessions.Select(s => s.Id));
        Assert.True(clock.Elapsed < Bound, $"the read from memory took {clock.Elapsed}");
        Assert.Contains("serving 1 conference from memory", degraded, StringComparison.Ordinal);
        Assert.Contains("storage unreachable since", degraded, StringComparison.Ordinal);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, grpcHealth);
        Assert.Equal("Healthy", recovered);
    }

    [Fact]
    public async Task AWriteWhileStorageHangsIsUnavailableAndLandsWholeOrNotAtAll()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaHungWrite", Settings());
        await server.WaitUntilServingAsync();
        var writer = server.WriterClient;
        var session = await writer.GetSessionAsync(new GetSessionRequest { ConferenceId = Netconf, SessionId = "bpf-updates" });
        var version = (await writer.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion;
        await azurite.PauseAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => writer.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = Netconf,
            Session = new Session { Id = "bpf-updates", Etag = session.Etag, Notes = "written while storage hung" },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("notes"),
        }).ResponseAsync);
        await azurite.ResumeAsync();
        // The request may wait in the socket of the stopped Azurite and be answered once it runs again: the writer
        // was told UNAVAILABLE (outcome unknown), and whichever way it went, it went whole.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await writer.GetSessionAsync(new GetSessionRequest { ConferenceId = Netconf, SessionId = "bpf-updates" });
        var afterVersion = (await writer.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion;
        var log = await writer.ListChangesAsync(new ListChangesRequest { ConferenceId = Netconf, AfterVersion = version });

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        var landed = after.Notes == "written while storage hung";
        Assert.Equal(landed ? version + 1 : version, afterVersion);
        Assert.Equal(landed ? 1 : 0, log.Changes.Count);
    }

    [Fact]
    public async Task StorageSetBackIsBelievedWithinTheRevalidationIntervalAndWritesWorkAgain()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaSetBack", Settings());
        await server.WaitUntilServingAsync();
        var writer = server.WriterClient;
        var table = new TableClient(azurite.ConnectionString, server.TableName);
        var older = await RowsAsync(table);
        var v1 = (await writer.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion;
        await UpdateNotesAsync(writer, "[lost]");
        Assert.Equal(v1 + 1, (await writer.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion);

        await RestoreAsync(table, older);
        var clock = Stopwatch.StartNew();
        long served;
        do
        {
            await Task.Delay(100);
            served = (await writer.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion;
        }
        while (served != v1 && clock.Elapsed < TimeSpan.FromSeconds(15));
        clock.Stop();
        var notes = await UpdateNotesAsync(writer, "[after the restore]");

        output.WriteLine($"the restored version was served after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(v1, served);
        Assert.DoesNotContain("[lost]", notes, StringComparison.Ordinal);
        Assert.EndsWith("[after the restore]", notes, StringComparison.Ordinal);
        Assert.Equal(v1 + 1, (await writer.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion);
    }

    [Fact]
    public async Task WatchersOpenedWhileStorageHangsStayOpenBeyondTheCapAreRefusedAndNoneEndsInternal()
    {
        // 30 and 33 by default; NETCONF_WATCHERS_CAP=1000 NETCONF_WATCHERS_OPENED=1010 measures the issue's burst.
        var cap = int.Parse(Environment.GetEnvironmentVariable("NETCONF_WATCHERS_CAP") ?? "30", System.Globalization.CultureInfo.InvariantCulture);
        var opened = int.Parse(Environment.GetEnvironmentVariable("NETCONF_WATCHERS_OPENED") ?? "33", System.Globalization.CultureInfo.InvariantCulture);
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(
            azurite.ConnectionString, "AgendaHungWatch", Settings(),
            services => services.AddSingleton(new Schedule.AgendaServiceSettings { MaxWatchers = cap }));
        await server.WaitUntilServingAsync();
        var version = (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Netconf })).AgendaVersion;
        await azurite.PauseAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var calls = Enumerable.Range(0, opened)
            .Select(i => server.ClientWithToken(Cli.DevelopmentTokens.Mint($"Watcher {i}", canWrite: false, TimeSpan.FromHours(1)))
                .WatchSchedule(new WatchScheduleRequest { ConferenceId = Netconf, AfterVersion = version }))
            .ToList();
        var first = calls.Select(call => call.ResponseStream.MoveNext(CancellationToken.None)).ToList();
        var feed = server.Services.GetRequiredService<Schedule.ChangeFeed>();
        var clock = Stopwatch.StartNew();
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30 + opened / 10)))
        {
            while (first.Count(t => t.IsCompleted) < opened - cap || feed.Count < cap)
            {
                await Task.Delay(100, wait.Token);
            }
        }

        var settled = clock.Elapsed;
        // Past the poller's first read, which storage leaves unanswered until it gives up.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var refused = first.Where(t => t.IsCompleted).Select(t => Assert.ThrowsAsync<RpcException>(() => t).Result.StatusCode).ToList();
        var openDuringOutage = first.Count(t => !t.IsCompleted);
        await azurite.ResumeAsync();
        await UpdateNotesAsync(server.WriterClient, "[seen by the watchers]");
        var delivered = await Task.WhenAll(first.Where(t => !t.IsCompleted).Select(t => t.WaitAsync(TimeSpan.FromSeconds(30 + opened / 10))));

        output.WriteLine($"{openDuringOutage} open through the outage, refused: {string.Join(", ", refused.CountBy(code => code).Select(c => $"{c.Value} {c.Key}"))} (settled after {settled.TotalSeconds:F1} s); {delivered.Count(d => d)} received the change");
        Assert.Equal(Enumerable.Repeat(StatusCode.ResourceExhausted, opened - cap), refused);
        Assert.Equal(cap, openDuringOutage);
        Assert.All(delivered, Assert.True);
        calls.ForEach(call => call.Dispose());
    }

    [Fact]
    public async Task APythonGrpcClientReadsTheUnavailableStatusOfAHungStorageInDevelopment()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaHungPython", Settings(), environment: "Development");
        await server.WaitUntilServingAsync();
        await azurite.PauseAsync();

        var (exit, stdout, stderr) = await RunPythonAsync(Path.Combine(AppContext.BaseDirectory, "python", "list_sessions.py"), $"127.0.0.1:{server.Address.Port}", Netconf);
        await azurite.ResumeAsync();

        output.WriteLine(stdout + stderr);
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("UNAVAILABLE", lines[0]);
        Assert.DoesNotContain("Exception", lines[1], StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunPythonAsync(string script, params string[] args)
    {
        // Debian's python3, where python3-grpcio installs (./test installs it), ahead of any other on the path.
        var python3 = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var info = new ProcessStartInfo(python3) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var python = Process.Start(info) ?? throw new InvalidOperationException("python3 could not be started.");
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (python.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> WaitForProbeAsync(HttpClient probes, Func<string, bool> until)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var ready = await probes.GetAsync(HealthProbes.ReadyPath, timeout.Token);
            var body = await ready.Content.ReadAsStringAsync(timeout.Token);
            if (until(body))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                return body;
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private static async Task<string> UpdateNotesAsync(Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient writer, string marker)
    {
        var current = await writer.GetSessionAsync(new GetSessionRequest { ConferenceId = Netconf, SessionId = "bpf-updates" });
        var updated = await writer.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = Netconf,
            Session = new Session { Id = "bpf-updates", Etag = current.Etag, Notes = current.Notes + marker },
            UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("notes"),
        });
        return updated.Notes;
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Netconf}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Puts the partition back as <paramref name="older"/> had it, as a restore from a backup would.</summary>
    private static async Task RestoreAsync(TableClient table, List<TableEntity> older)
    {
        var keep = older.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        foreach (var row in await RowsAsync(table))
        {
            if (!keep.Contains(row.RowKey))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
            }
        }

        foreach (var row in older)
        {
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }
    }
}
