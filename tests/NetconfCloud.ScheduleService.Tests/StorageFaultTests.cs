using Grpc.Core;
using Grpc.Health.V1;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

public class StorageFaultTests
{
    [Fact]
    public async Task WhenStorageIsGoneReadsFailFastAsUnavailableAndHealthSaysNotServing()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = new ScheduleServer(azurite.ConnectionString, "AgendaFaults");
        await server.WaitUntilServingAsync();

        await azurite.StopAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015" }).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("storage", error.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", error.Status.Detail, StringComparison.Ordinal);
        var health = await new Health.HealthClient(server.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, health.Status);
    }
}
