using System.Globalization;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using NetconfCloud.Cli;
using NetconfCloud.Testing;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// Two replicas of the published schedule service and two feeds hosts on one Azurite, as infra runs them (the
/// service scales to several replicas over one storage account, and Flex Consumption runs several feeds instances):
/// feeds host A reads through replica A, feeds host B through replica B. Each is started with the environment of
/// <see cref="ProductionFixture"/>; one more change is made local: writers' tokens are signed with a key made for
/// this run (<c>Auth__SigningKey</c>) instead of coming from Entra ID (<c>Auth__Authority</c>), so that tests can
/// write. The key is random, never the published development key.
/// </summary>
public sealed class ReplicasFixture : IAsyncLifetime
{
    private readonly string signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    private readonly List<AppProcess> processes = [];
    private Azurite? azurite;

    internal EgressTrap Egress { get; } = new();

    public Replica A { get; private set; } = null!;

    public Replica B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var publishing = Task.WhenAll(PublishedApps.ScheduleServiceAsync(), PublishedApps.FeedsAsync());
        azurite = await Azurite.StartAsync();
        var published = await publishing;

        // The first replica seeds the empty table; the second starts on what the first wrote, as a scaled-out one does.
        var serviceA = await StartServiceAsync(published[0]);
        var serviceB = await StartServiceAsync(published[0]);
        var (feedsA, feedsB) = (StartFeeds(published[1], serviceA.Address), StartFeeds(published[1], serviceB.Address));
        A = new Replica(serviceA.Address, serviceA.Channel, await feedsA, Token);
        B = new Replica(serviceB.Address, serviceB.Channel, await feedsB, Token);
    }

    /// <summary>A writer's bearer token for both replicas.</summary>
    private string Token => DevelopmentTokens.Mint("Replica Test Organiser", canWrite: true, TimeSpan.FromHours(1), signingKey: signingKey);

    private async Task<(Uri Address, GrpcChannel Channel)> StartServiceAsync(string folder)
    {
        var (environment, ports) = await ProductionFixture.LocalScheduleServiceEnvironmentAsync(azurite!.ConnectionString);
        Assert.True(environment.Remove("Auth__Authority"));
        Assert.True(environment.Remove("Auth__ClientId"));
        environment["Auth__SigningKey"] = signingKey;
        var address = new Uri($"http://127.0.0.1:{ports[8080]}");
        var service = AppProcess.Start(Path.Combine(folder, "NetconfCloud.ScheduleService.dll"), [], ProductionFixture.With(environment, Egress.Environment));
        processes.Add(service);
        var channel = GrpcChannel.ForAddress(address);
        await ProductionFixture.WaitUntilServingAsync(service, channel);
        return (address, channel);
    }

    private async Task<Uri> StartFeeds(string folder, Uri scheduleService)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var settings = await ProductionFixture.LocalFeedsSettingsAsync(scheduleService, address);
        var feeds = AppProcess.Start(
            PublishedApps.FunctionsHostDll,
            ["--app", folder, "--port", port.ToString(CultureInfo.InvariantCulture)],
            ProductionFixture.With(settings, Egress.Environment));
        processes.Add(feeds);
        await feeds.WhenOutputContains("Functions host ready").WaitAsync(TimeSpan.FromSeconds(90));
        return address;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        await Egress.DisposeAsync();
    }
}

/// <summary>One replica of the schedule service and the feeds host that reads through it.</summary>
public sealed record Replica(Uri ScheduleAddress, GrpcChannel Channel, Uri FeedsAddress, string WriterToken)
{
    public Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient Reader => new(Channel);

    public Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient Writer =>
        new(Channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", $"Bearer {WriterToken}");
            return metadata;
        }));

    public HttpClient Feeds() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = FeedsAddress, Timeout = TimeSpan.FromSeconds(30) };
}

[CollectionDefinition(Name)]
public sealed class ReplicasCollection : ICollectionFixture<ReplicasFixture>
{
    public const string Name = "two replicas of each published app on one storage";
}
