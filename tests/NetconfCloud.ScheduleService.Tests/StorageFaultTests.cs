using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

public class StorageFaultTests
{
    /// <summary>Health answers from a check refreshed every second, so that it notices an outage quickly.</summary>
    private static readonly Dictionary<string, string?> FastHealth = new() { ["HealthProbes:RefreshSeconds"] = "1" };

    [Fact]
    public async Task WhenStorageIsGoneReadsFailFastAsUnavailableAndHealthSaysNotServing()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaFaults", FastHealth);
        await server.WaitUntilServingAsync();

        await azurite.StopAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015" }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("storage", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", error.Status.Detail, StringComparison.Ordinal);
        await server.WaitForHealthAsync(HealthCheckResponse.Types.ServingStatus.NotServing, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task StorageKilledAndRestartedMidRunLosesNoWriteAndTheServiceComesBackByItself()
    {
        var data = Directory.CreateTempSubdirectory("azurite-").FullName;
        await using var azurite = await Azurite.StartAsync(data);
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaRestart", FastHealth);
        await server.WaitUntilServingAsync();
        var client = server.WriterClient;
        var unavailable = 0;
        Task outage = Task.CompletedTask;

        for (var i = 0; i < 30; i++)
        {
            if (i == 10)
            {
                // Azurite writes its disk file every 5 s: let it save the acknowledged writes, then crash it.
                await Task.Delay(TimeSpan.FromSeconds(6));
                await azurite.StopAsync();
                outage = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    // The agenda is held in memory, so health says degraded (still serving reads), not unhealthy.
                    await WaitForHealthAsync(server, status => status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
                    await azurite.StartAgainAsync();
                });
            }

            unavailable += await AppendOnceAsync(client, $"[{i}]");
        }

        await outage;
        var notes = (await client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" })).Notes;
        Assert.Equal(string.Concat(Enumerable.Range(0, 30).Select(i => $"[{i}]")), notes);
        var log = await client.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015", PageSize = 100 });
        Assert.Equal(Enumerable.Range(2, 30).Select(v => (long)v), log.Changes.Select(c => c.AgendaVersion));
        Assert.True(unavailable >= 3, $"writes during the outage should have been refused ({unavailable})");
        await server.WaitUntilServingAsync(TimeSpan.FromSeconds(10));
        Directory.Delete(data, recursive: true);
    }

    private static async Task WaitForHealthAsync(ScheduleServer server, Func<Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus, bool> until)
    {
        var health = server.Services.GetRequiredService<PublishedHealth>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!until(health.Status))
        {
            await Task.Delay(100, timeout.Token);
        }
    }

    /// <summary>
    /// Appends a marker exactly once, as a careful client would: retry while storage is unavailable, and after an
    /// unclear failure read first, since the write may have landed. Returns how many attempts were refused.
    /// </summary>
    private static async Task<int> AppendOnceAsync(Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client, string marker)
    {
        for (var refused = 0; ; refused++)
        {
            try
            {
                var current = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });
                if (current.Notes.EndsWith(marker, StringComparison.Ordinal))
                {
                    return refused;
                }

                await client.UpdateSessionAsync(new UpdateSessionRequest
                {
                    ConferenceId = "netconf-2015",
                    Session = new Session { Id = "bpf-updates", Etag = current.Etag, Notes = current.Notes + marker },
                    UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("notes"),
                });
                return refused;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.FailedPrecondition)
            {
                await Task.Delay(100);
            }
        }
    }
}
