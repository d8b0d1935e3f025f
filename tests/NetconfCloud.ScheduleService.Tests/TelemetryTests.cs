using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Testing;
using OpenTelemetry.Trace;

namespace NetconfCloud.ScheduleService.Tests;

[Collection(ScheduleCollection.Name)]
public class TelemetryTests(ScheduleFixture fixture)
{
    [Fact]
    public void WithoutAConnectionStringNothingIsExported() =>
        Assert.Null(fixture.Server.Services.GetService<TracerProvider>());

    [Fact]
    public async Task WithAConnectionStringTheServiceExportsAndStillServes()
    {
        await using var server = await fixture.StartServerAsync(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        });

        Assert.NotNull(server.Services.GetService<TracerProvider>());
        Assert.Equal("netconf-2015", (await server.Client.GetConferenceAsync(new Contracts.Schedule.V1.GetConferenceRequest { ConferenceId = "netconf-2015" })).Id);
    }
}
