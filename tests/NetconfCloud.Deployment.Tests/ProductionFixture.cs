using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using Grpc.Net.Client;
using NetconfCloud.Testing;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// The schedule service and the feeds as Azure runs them: each published once per test run
/// (<see cref="PublishedApps"/>) and started with the environment its Dockerfile and infra/ module give it. Only
/// what cannot be the cloud's is made local, and each such change is named in
/// <see cref="LocalScheduleServiceEnvironmentAsync"/> and <see cref="LocalFeedsSettingsAsync"/>.
/// </summary>
public sealed partial class ProductionFixture : IAsyncLifetime
{
    /// <summary>What a user-assigned identity's client id looks like; nothing here asks Entra ID for a token with it.</summary>
    public const string ScheduleIdentityClientId = "0b2d7c3e-5a41-4c1e-9f0a-5c6d7e8f9a01";
    public const string FeedsIdentityClientId = "1c3e8d4f-6b52-4d2f-8a1b-6d7e8f9a0b12";

    /// <summary>ENV of the base image, mcr.microsoft.com/dotnet/aspnet:10.0 (dotnet/dotnet-docker), under our Dockerfile's own.</summary>
    private static readonly Dictionary<string, string> BaseImageEnvironment = new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_HTTP_PORTS"] = "8080",
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
        ["APP_UID"] = "1654",
    };

    private Azurite? azurite;
    private AppProcess? service;
    private AppProcess? feeds;

    internal EgressTrap Egress { get; } = new();

    /// <summary>The gRPC address (HTTP/2 cleartext), for the container's port 8080.</summary>
    public Uri ScheduleAddress { get; private set; } = null!;

    /// <summary>The HTTP/1.1 health probe address, for the container's probe port.</summary>
    public Uri ProbeAddress { get; private set; } = null!;

    public Uri FeedsAddress { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> ServiceEnvironment { get; private set; } = null!;

    /// <summary>The published service's entry assembly.</summary>
    public string ServiceDll { get; private set; } = null!;

    public string ServiceOutput => service?.Output ?? "";

    public async Task InitializeAsync()
    {
        var publishing = Task.WhenAll(PublishedApps.ScheduleServiceAsync(), PublishedApps.FeedsAsync());
        azurite = await Azurite.StartAsync();
        var published = await publishing;

        var (environment, ports) = await LocalScheduleServiceEnvironmentAsync(azurite.ConnectionString);
        ServiceEnvironment = environment;
        ScheduleAddress = new Uri($"http://127.0.0.1:{ports[8080]}");
        ProbeAddress = new Uri($"http://127.0.0.1:{ports[8081]}");
        ServiceDll = Path.Combine(published[0], "NetconfCloud.ScheduleService.dll");
        service = AppProcess.Start(ServiceDll, [], With(environment, Egress.Environment));
        Channel = GrpcChannel.ForAddress(ScheduleAddress);
        await WaitUntilServingAsync(service, Channel);

        var feedsPort = FreePort.Next();
        FeedsAddress = new Uri($"http://127.0.0.1:{feedsPort}");
        var settings = await LocalFeedsSettingsAsync(ScheduleAddress, FeedsAddress);
        feeds = AppProcess.Start(
            PublishedApps.FunctionsHostDll,
            ["--app", published[1], "--port", feedsPort.ToString(CultureInfo.InvariantCulture)],
            With(settings, Egress.Environment));
        await feeds.WhenOutputContains("Functions host ready").WaitAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>
    /// The container's environment: the base image's ENV, then the Dockerfile's, then infra's env array (Container
    /// Apps puts the app's env over the image's), with ASPNETCORE_ENVIRONMENT=Production (Container Apps sets none,
    /// and Production is the default). Made local: every container port becomes a free port, and the listen address
    /// http://+:PORT becomes http://127.0.0.1:PORT (tests listen on loopback only); Storage__TableServiceUri (Azure,
    /// managed identity) becomes Storage__ConnectionString (Azurite; exactly one of the two may be set); the
    /// Application Insights settings are dropped (telemetry would leave the machine; unset, nothing is exported).
    /// </summary>
    internal static async Task<(Dictionary<string, string> Environment, Dictionary<int, int> Ports)> LocalScheduleServiceEnvironmentAsync(string storageConnectionString)
    {
        var infra = await InfraSettings.ScheduleServiceAsync();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["identityClientId"] = ScheduleIdentityClientId,
            ["tableServiceUri"] = "https://stexample.table.core.windows.net/",
            ["writerAuthority"] = $"https://login.microsoftonline.com/{InfraSettings.Tenant}/v2.0",
            ["writerAudience"] = await InfraSettings.MainDefaultAsync("writerAudience"),
            ["writerClientId"] = "3f2b8a5e-6c1d-4e0f-9a7b-2c4d6e8f0a1b",
            ["ingressNetwork"] = "10.40.0.0/23",
            ["relayNetwork"] = "10.40.2.0/24",
            ["applicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.in.applicationinsights.azure.com/",
        };
        var environment = new Dictionary<string, string>(BaseImageEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in Dockerfile.Load(Repository.PathOf("src", "NetconfCloud.ScheduleService", "Dockerfile")).Environment)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in infra.Evaluate(parameters))
        {
            environment[name] = value;
        }

        environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var ports = ContainerPorts(environment["ASPNETCORE_URLS"]).ToDictionary(p => p, _ => FreePort.Next());
        environment["ASPNETCORE_URLS"] = PortInUrl().Replace(environment["ASPNETCORE_URLS"], m => $"http://127.0.0.1:{ports[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)]}");
        environment["ASPNETCORE_HTTP_PORTS"] = ports[int.Parse(environment["ASPNETCORE_HTTP_PORTS"], CultureInfo.InvariantCulture)].ToString(CultureInfo.InvariantCulture);
        environment["HealthProbes__Port"] = ports[int.Parse(environment["HealthProbes__Port"], CultureInfo.InvariantCulture)].ToString(CultureInfo.InvariantCulture);
        Assert.True(environment.Remove("Storage__TableServiceUri"));
        environment["Storage__ConnectionString"] = storageConnectionString;
        environment.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        environment.Remove("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        return (environment, ports);
    }

    /// <summary>
    /// The Function app's settings from infra (names and shapes), as the host's environment (App Service gives app
    /// settings to the host and the worker as environment variables). Made local: ScheduleService__Address is the
    /// service started here (infra gives the internal https ingress address); Feeds__PublicBaseUrl is this host's
    /// address (infra: https://{default host name}/api); the Application Insights settings are dropped.
    /// </summary>
    internal static async Task<Dictionary<string, string>> LocalFeedsSettingsAsync(Uri scheduleService, Uri feeds)
    {
        var infra = await InfraSettings.FeedsAsync();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["storageAccountName"] = "stfnexample",
            ["identityClientId"] = FeedsIdentityClientId,
            ["applicationInsightsConnectionString"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.in.applicationinsights.azure.com/",
            ["scheduleServiceAddress"] = scheduleService.ToString(),
        };
        var settings = infra.Evaluate(parameters, skip: "Feeds__PublicBaseUrl");
        settings["Feeds__PublicBaseUrl"] = new Uri(feeds, "/api").ToString();
        settings.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        settings.Remove("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        return settings;
    }

    /// <summary>The ports of a listen address list such as http://+:8080;http://+:8081.</summary>
    internal static IReadOnlyList<int> ContainerPorts(string urls) =>
        [.. PortInUrl().Matches(urls).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    internal static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string> more) =>
        settings.Concat(more).ToDictionary(StringComparer.Ordinal);

    /// <summary>Waits until the started service's gRPC health check says SERVING; fails if it exits or takes 60 s.</summary>
    internal static async Task WaitUntilServingAsync(AppProcess service, GrpcChannel channel)
    {
        var health = new Health.HealthClient(channel);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (service.HasExited)
            {
                throw new InvalidOperationException($"The schedule service exited: {service.Output}");
            }

            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: timeout.Token);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException)
            {
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"The schedule service did not serve on {channel.Target} within 60 s: {service.Output}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (feeds is not null)
        {
            await feeds.DisposeAsync();
        }

        if (service is not null)
        {
            await service.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        await Egress.DisposeAsync();
    }

    [GeneratedRegex(@"http://[^:;/]+:(\d+)")]
    private static partial Regex PortInUrl();
}

[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionFixture>
{
    public const string Name = "the published apps as Azure runs them";
}
