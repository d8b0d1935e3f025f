using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>
/// The feeds as users reach them: real HTTP to the real isolated worker, through our local Functions host, reading
/// the agenda from the schedule service over Azurite. Set FEEDS_BASE_URL (e.g. http://127.0.0.1:7071 for a
/// <c>func start</c> against a seeded schedule service) to run the same tests against any running Functions host.
/// </summary>
public sealed class FeedsHostFixture : IAsyncLifetime
{
    private ScheduleFixture? schedule;

    public WebApplication? Host { get; private set; }

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public bool IsLocalHost => Host is not null;

    /// <summary>The schedule service behind the local host (null when the tests target another host).</summary>
    public Uri? ScheduleAddress => schedule?.Server.Address;

    public static string FeedFunctionsDirectory
    {
        get
        {
            var configuration = typeof(FeedsHostFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            return Repository.PathOf("src", "NetconfCloud.FeedFunctions", "bin", configuration, "net10.0");
        }
    }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("FEEDS_BASE_URL") is { Length: > 0 } external)
        {
            BaseAddress = new Uri(external);
        }
        else
        {
            schedule = new ScheduleFixture();
            await schedule.InitializeAsync();
            Host = await StartHostAsync(schedule.Server.Address);
            BaseAddress = LocalFunctionsHost.HttpAddress(Host);
        }

        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Our host running the built feeds app, serving on a free port, its worker reading from <paramref name="scheduleService"/>.</summary>
    public static async Task<WebApplication> StartHostAsync(
        Uri scheduleService, string? appDirectory = null, bool waitUntilReady = true, CapturingLoggerProvider? logs = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = LocalFunctionsHost.Build([], builder =>
        {
            builder.Configuration["FunctionsHost:AppDirectory"] = appDirectory ?? FeedFunctionsDirectory;
            builder.Configuration["FunctionsHost:Port"] = "0";
            builder.Configuration["FunctionsHost:StartTimeoutSeconds"] = "60";
            builder.Configuration["FunctionsHost:Settings:ScheduleService__Address"] = scheduleService.ToString();
            builder.Configuration["FunctionsHost:Settings:Feeds__PublicBaseUrl"] = "https://feeds.example.test/api";
            builder.Configuration["FunctionsHost:Settings:AZURE_FUNCTIONS_ENVIRONMENT"] = "Development";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.Configuration[$"FunctionsHost:Settings:{key}"] = value;
            }

            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });
        await host.StartAsync();
        if (waitUntilReady)
        {
            await LocalFunctionsHost.WhenReady(host).WaitAsync(TimeSpan.FromSeconds(90));
        }

        return host;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null)
        {
            await Host.StopAsync();
            await Host.DisposeAsync();
        }

        if (schedule is not null)
        {
            await schedule.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FeedsHostCollection : ICollectionFixture<FeedsHostFixture>
{
    public const string Name = "feeds through the local Functions host";
}
