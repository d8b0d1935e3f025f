using System.Globalization;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Testing;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Health answers from the last background check: grpc.health.v1 <c>Check</c> and <c>Watch</c> and the readiness
/// probe, all through the real transport.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class HealthTests(ScheduleFixture fixture)
{
    private static readonly string ScheduleServiceName = Contracts.Schedule.V1.ScheduleService.Descriptor.FullName;

    [Fact]
    public async Task ManyChecksAndProbesReadNothingFromStorage()
    {
        var table = $"Agenda{Guid.NewGuid():N}";
        var storageRequests = new CountingPolicy();
        var clientOptions = new TableClientOptions();
        clientOptions.AddPolicy(storageRequests, HttpPipelinePosition.PerRetry);
        // The storage client the service reads with (and the health check too), counting what it sends; a refresh
        // period longer than the test, so that only the check at start runs in the background.
        await using var server = new ScheduleServer(
            fixture.Azurite.ConnectionString, table, Settings(refreshSeconds: 300),
            services => services.AddSingleton(new TableClient(fixture.Azurite.ConnectionString, table, clientOptions)));
        await server.WaitUntilServingAsync();
        var health = new Health.HealthClient(server.Channel);
        using var probes = new HttpClient { BaseAddress = server.ProbeAddress };
        var afterStart = storageRequests.Count;

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
            Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = ScheduleServiceName })).Status);
            using var ready = await probes.GetAsync(HealthProbes.ReadyPath);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        Assert.True(afterStart > 0, "the counting client should have seen the seeding and the first health check");
        Assert.Equal(afterStart, storageRequests.Count);
    }

    [Fact]
    public async Task HealthIsNotServingUntilStorageAnswersAndTheAgendaIsSeeded()
    {
        await using var azurite = await Azurite.StartAsync();
        await azurite.StopAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaLateStorage", Settings(refreshSeconds: 1));
        using var probes = new HttpClient { BaseAddress = server.ProbeAddress };

        var before = (await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest())).Status;
        using var readyBefore = await probes.GetAsync(HealthProbes.ReadyPath);
        await azurite.StartAgainAsync();

        Assert.Equal(ServingStatus.NotServing, before);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyBefore.StatusCode);
        await server.WaitUntilServingAsync();
        await WaitForProbeAsync(probes, HttpStatusCode.OK);
    }

    [Fact]
    public async Task CheckWatchAndTheProbeTurnNotServingWhenStorageGoesAndServingWhenItReturns()
    {
        var data = Directory.CreateTempSubdirectory("azurite-").FullName;
        await using var azurite = await Azurite.StartAsync(data);
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaHealth", Settings(refreshSeconds: 1));
        await server.WaitUntilServingAsync();
        using var probes = new HttpClient { BaseAddress = server.ProbeAddress };
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var watch = new Health.HealthClient(server.Channel).Watch(new HealthCheckRequest { Service = ScheduleServiceName }, cancellationToken: cts.Token);
        await WaitForWatchAsync(watch, ServingStatus.Serving, cts.Token);
        // Azurite writes its disk file every 5 s: let it save the seeded table, then crash it.
        await Task.Delay(TimeSpan.FromSeconds(6));

        await azurite.StopAsync();

        // One refresh period is 1 s here; 10 s leaves room for a loaded machine.
        await server.WaitForHealthAsync(ServingStatus.NotServing, TimeSpan.FromSeconds(10));
        await WaitForWatchAsync(watch, ServingStatus.NotServing, cts.Token);
        await WaitForProbeAsync(probes, HttpStatusCode.ServiceUnavailable);

        await azurite.StartAgainAsync();

        await server.WaitForHealthAsync(ServingStatus.Serving, TimeSpan.FromSeconds(10));
        await WaitForWatchAsync(watch, ServingStatus.Serving, cts.Token);
        await WaitForProbeAsync(probes, HttpStatusCode.OK);
        Directory.Delete(data, recursive: true);
    }

    private static Dictionary<string, string?> Settings(int refreshSeconds) => new()
    {
        ["HealthProbes:Port"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["HealthProbes:RefreshSeconds"] = refreshSeconds.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task WaitForWatchAsync(AsyncServerStreamingCall<HealthCheckResponse> watch, ServingStatus status, CancellationToken cancellationToken)
    {
        while (await watch.ResponseStream.MoveNext(cancellationToken))
        {
            if (watch.ResponseStream.Current.Status == status)
            {
                return;
            }
        }

        Assert.Fail($"Watch ended before it said {status}.");
    }

    private static async Task WaitForProbeAsync(HttpClient probes, HttpStatusCode status)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            using var ready = await probes.GetAsync(HealthProbes.ReadyPath, cts.Token);
            if (ready.StatusCode == status)
            {
                return;
            }

            await Task.Delay(100, cts.Token);
        }
    }

    /// <summary>Counts every request a storage client sends, retries included.</summary>
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
    }
}
