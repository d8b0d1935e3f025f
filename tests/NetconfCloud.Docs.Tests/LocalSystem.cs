using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using NetconfCloud.Testing;

namespace NetconfCloud.Docs.Tests;

/// <summary>
/// What <c>./run</c> brings up, started the way it starts it, on free loopback ports: Azurite (in memory), the schedule
/// service (Development, seeded with Netconf 2015) and the feeds (the real worker under our Functions host). The
/// documented commands run in <see cref="WorkingDirectory"/>: a folder of links to the repository's top-level entries,
/// so that <c>./netconf</c>, <c>docs/</c> and <c>src/</c> resolve while files a command writes stay out of the
/// repository; its <c>.data/logs/</c> holds the service's and the feeds' logs, as ./run's does.
/// </summary>
public sealed partial class LocalSystem : IAsyncLifetime
{
    /// <summary>The defaults of ./run that documented commands may name; each is replaced by this system's port.</summary>
    public const int DefaultSchedulePort = 5100;
    public const int DefaultFeedsPort = 7071;
    public const int DefaultSparePort = 7072;
    public const int DefaultSpareSchedulePort = 5101;
    public const int DefaultAzuritePort = 10002;

    private Azurite? azurite;
    private LoggedProcess? service;
    private LoggedProcess? feeds;

    public string WorkingDirectory { get; private set; } = null!;

    /// <summary>Documented port → the port it stands for here.</summary>
    public IReadOnlyDictionary<int, int> Ports { get; private set; } = null!;

    public static string Configuration =>
        typeof(LocalSystem).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    public string ScheduleAddress => $"http://127.0.0.1:{Ports[DefaultSchedulePort]}";

    public string FeedsAddress => $"http://127.0.0.1:{Ports[DefaultFeedsPort]}/api";

    /// <summary>What a documented command gets besides the test run's own environment.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["NETCONF_SCHEDULE_ADDRESS"] = ScheduleAddress,
        ["SCHEDULE_URL"] = ScheduleAddress,
        ["FEEDS_PORT"] = Ports[DefaultFeedsPort].ToString(CultureInfo.InvariantCulture),
        ["AZURITE_TABLE_PORT"] = Ports[DefaultAzuritePort].ToString(CultureInfo.InvariantCulture),
        ["NETCONF_DATA_DIR"] = Path.Combine(WorkingDirectory, ".data"),
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>
    /// A documented command or output line with this system's ports in place of ./run's defaults: 127.0.0.1 or
    /// localhost with port 5100 (the schedule service), 7071 (the feeds), 10002 (Azurite), or 5101 and 7072 (free ports
    /// for an example that starts a second service or feeds host).
    /// </summary>
    public string Localise(string text) =>
        DocumentedPort().Replace(text, m => $"{m.Groups["host"].Value}:{Ports[int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture)]}");

    public async Task InitializeAsync()
    {
        // ./netconf runs the Release build of the CLI (and would build it, from inside this test, when missing).
        var cli = Repository.PathOf("src", "NetconfCloud.Cli", "bin", "Release", "net10.0", "netconf.dll");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"{cli} is missing: run these tests in Release (./test does), which builds it first.");
        }

        WorkingDirectory = Directory.CreateTempSubdirectory("netconf-docs-").FullName;
        foreach (var entry in Directory.EnumerateFileSystemEntries(Repository.Root))
        {
            var name = Path.GetFileName(entry);
            if (name is not ".data")
            {
                File.CreateSymbolicLink(Path.Combine(WorkingDirectory, name), entry);
            }
        }

        var logs = Directory.CreateDirectory(Path.Combine(WorkingDirectory, ".data", "logs")).FullName;

        azurite = await Azurite.StartAsync();
        Ports = new Dictionary<int, int>
        {
            [DefaultSchedulePort] = FreePort.Next(),
            [DefaultFeedsPort] = FreePort.Next(),
            [DefaultSparePort] = FreePort.Next(),
            [DefaultSpareSchedulePort] = FreePort.Next(),
            [DefaultAzuritePort] = azurite.Port,
        };

        var bin = Path.Combine("bin", Configuration, "net10.0");
        var serviceBin = Repository.PathOf("src", "NetconfCloud.ScheduleService", bin);
        service = LoggedProcess.Start(
            "dotnet",
            [Path.Combine(serviceBin, "NetconfCloud.ScheduleService.dll"), "--urls", ScheduleAddress, "--contentRoot", serviceBin],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = azurite.ConnectionString,
            },
            Path.Combine(logs, "schedule-service.log"),
            Repository.Root);
        await service.WhenOutputMatches("Seeded conference|in storage already").WaitAsync(TimeSpan.FromSeconds(90));

        feeds = LoggedProcess.Start(
            "dotnet",
            [
                Repository.PathOf("src", "NetconfCloud.FunctionsHost", bin, "functions-host.dll"),
                "--app", Repository.PathOf("src", "NetconfCloud.FeedFunctions", bin),
                "--port", Ports[DefaultFeedsPort].ToString(CultureInfo.InvariantCulture),
            ],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ScheduleService__Address"] = ScheduleAddress,
                ["Feeds__PublicBaseUrl"] = FeedsAddress,
                ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
            },
            Path.Combine(logs, "feeds.log"),
            Repository.Root);
        await feeds.WhenOutputMatches("Functions host ready").WaitAsync(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
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

        if (WorkingDirectory is not null)
        {
            // The links first, so that nothing they point at is touched; then what the commands wrote.
            foreach (var entry in Directory.EnumerateFileSystemEntries(WorkingDirectory))
            {
                if (new FileInfo(entry).LinkTarget is not null)
                {
                    File.Delete(entry);
                }
            }

            Directory.Delete(WorkingDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"(?<host>127\.0\.0\.1|localhost):(?<port>5100|5101|7071|7072|10002)\b")]
    private static partial Regex DocumentedPort();
}

[CollectionDefinition(Name)]
public sealed class LocalSystemCollection : ICollectionFixture<LocalSystem>
{
    public const string Name = "documented commands against a local system";
}
