using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using NetconfCloud.Testing;

namespace NetconfCloud.Infra.Tests;

/// <summary>infra/ builds and lints clean with the bicep CLI from NuGet: no error, no warning, offline.</summary>
public class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    public static TheoryData<string> Templates =>
        [.. Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.Root, f)).Order(StringComparer.Ordinal)];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not keep the executable bit.
            File.SetUnixFileMode(Bicep, File.GetUnixFileMode(Bicep) | UnixFileMode.UserExecute);
        }

        var info = new ProcessStartInfo(Bicep, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
            Environment = { ["BICEP_TRACING_ENABLED"] = "false", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task EveryTemplateBuildsWithoutErrorOrWarning(string template)
    {
        var (exit, _, error) = await RunAsync("build", template, "--stdout");

        Assert.True(exit == 0 && error.Length == 0, $"bicep build {template}: {error}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task EveryTemplateLintsClean(string template)
    {
        var (exit, output, error) = await RunAsync("lint", template);

        Assert.True(exit == 0 && error.Length == 0 && output.Trim().Length == 0, $"bicep lint {template}: {output}{error}");
    }

    [Fact]
    public async Task TheDeploymentIsAtSubscriptionScopeAndGivesAzdItsOutputs()
    {
        var (_, json, _) = await RunAsync("build", "infra/main.bicep", "--stdout");
        using var template = JsonDocument.Parse(json);

        Assert.Contains("subscriptionDeploymentTemplate", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var outputs = template.RootElement.GetProperty("outputs").EnumerateObject().Select(o => o.Name).ToArray();
        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9_]*$", name));
        Assert.Contains("FEEDS_BASE_URL", outputs);
        Assert.Contains("AZURE_CONTAINER_REGISTRY_ENDPOINT", outputs);
    }

    [Fact]
    public async Task StorageRefusesSharedKeysAndTheAppsGetTableAccessByRole()
    {
        var (_, json, _) = await RunAsync("build", "infra/app/storage.bicep", "--stdout");

        Assert.Contains("\"allowSharedKeyAccess\": false", json, StringComparison.Ordinal);
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScheduleServiceSpeaksHttp2EndToEndAndReadsItsSettingsInTheShapesItBinds()
    {
        var (_, json, _) = await RunAsync("build", "infra/app/schedule-service.bicep", "--stdout");

        Assert.Contains("\"transport\": \"http2\"", json, StringComparison.Ordinal);
        Assert.Contains("Storage__TableServiceUri", json, StringComparison.Ordinal);
        Assert.Contains("Auth__Authority", json, StringComparison.Ordinal);
    }
}
