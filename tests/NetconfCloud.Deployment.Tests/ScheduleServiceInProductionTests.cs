using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;
using ScheduleRpc = NetconfCloud.Contracts.Schedule.V1.ScheduleService;

namespace NetconfCloud.Deployment.Tests;

/// <summary>The published schedule service in Production, started with the image's and infra's environment.</summary>
[Collection(ProductionCollection.Name)]
public class ScheduleServiceInProductionTests(ProductionFixture fixture)
{
    [Fact]
    public async Task HealthSaysServingOnThePortTheEnvironmentNames()
    {
        var health = new Health.HealthClient(fixture.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest { Service = ScheduleRpc.Descriptor.FullName });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task GetConferenceReadsTheSeededConferenceOverHttp2Cleartext()
    {
        var client = new ScheduleRpc.ScheduleServiceClient(fixture.Channel);

        var conference = await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });

        Assert.Equal("America/Toronto", conference.TimeZone);
    }

    [Fact]
    public async Task ReflectionIsUnimplementedInProduction()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = reflection.ServerReflectionInfo();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Theory]
    [InlineData("/healthz/ready")]
    [InlineData("/healthz/live")]
    public async Task TheProbePortAnswersContainerAppsProbesOverHttp11(string path)
    {
        using var http = new HttpClient { BaseAddress = fixture.ProbeAddress, DefaultRequestVersion = HttpVersion.Version11 };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadsAndStartupNeedNothingFromOutsideTheMachine()
    {
        var client = new ScheduleRpc.ScheduleServiceClient(fixture.Channel);

        await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });
        await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", Day = "2015-02-12" });

        // Auth:Authority is a real tenant authority, yet its metadata is fetched only for a call that carries a token.
        Assert.StartsWith("https://login.microsoftonline.com/", fixture.ServiceEnvironment["Auth__Authority"], StringComparison.Ordinal);
        Assert.Empty(fixture.Egress.Attempts);
    }

    [Fact]
    public void TheDevelopmentSigningKeyIsNotInTheEnvironment()
    {
        Assert.DoesNotContain(fixture.ServiceEnvironment.Keys, k => k.StartsWith("Auth__SigningKey", StringComparison.Ordinal));
        Assert.Equal("Production", fixture.ServiceEnvironment["ASPNETCORE_ENVIRONMENT"]);
    }

    [Fact]
    public async Task ThePublishedDevelopmentKeyStopsTheServiceAtStartNamingTheSetting()
    {
        var environment = fixture.ServiceEnvironment.Where(e => !e.Key.StartsWith("Auth__", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);
        var (grpcPort, probePort) = (FreePort.Next(), FreePort.Next());
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{grpcPort};http://127.0.0.1:{probePort}";
        environment["ASPNETCORE_HTTP_PORTS"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["HealthProbes__Port"] = probePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["Auth__SigningKey"] = NetconfCloud.Contracts.ScheduleAuthorization.DevelopmentSigningKey;
        await using var service = AppProcess.Start(fixture.ServiceDll, [], environment);

        var exitCode = await service.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:SigningKey (Auth__SigningKey) is the development key published in the repository", service.Output, StringComparison.Ordinal);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
    }
}
