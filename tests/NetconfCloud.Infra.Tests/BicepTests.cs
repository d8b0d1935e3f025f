using System.Text.Json;
using NetconfCloud.Testing;

namespace NetconfCloud.Infra.Tests;

/// <summary>infra/ builds and lints clean with the bicep CLI from NuGet: no error, no warning, offline.</summary>
public class BicepTests
{
    public static TheoryData<string> Templates =>
        [.. Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.Root, f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task EveryTemplateBuildsWithoutErrorOrWarning(string template)
    {
        var (exit, _, error) = await Bicep.RunAsync("build", template, "--stdout");

        Assert.True(exit == 0 && error.Length == 0, $"bicep build {template}: {error}");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task EveryTemplateLintsClean(string template)
    {
        var (exit, output, error) = await Bicep.RunAsync("lint", template);

        Assert.True(exit == 0 && error.Length == 0 && output.Trim().Length == 0, $"bicep lint {template}: {output}{error}");
    }

    [Fact]
    public async Task TheDeploymentIsAtSubscriptionScopeAndGivesAzdItsOutputs()
    {
        var (_, json, _) = await Bicep.RunAsync("build", "infra/main.bicep", "--stdout");
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
        var (_, json, _) = await Bicep.RunAsync("build", "infra/app/storage.bicep", "--stdout");

        Assert.Contains("\"allowSharedKeyAccess\": false", json, StringComparison.Ordinal);
        Assert.Contains("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheScheduleServiceSpeaksHttp2EndToEndAndReadsItsSettingsInTheShapesItBinds()
    {
        var (_, json, _) = await Bicep.RunAsync("build", "infra/app/schedule-service.bicep", "--stdout");

        Assert.Contains("\"transport\": \"http2\"", json, StringComparison.Ordinal);
        Assert.Contains("Storage__TableServiceUri", json, StringComparison.Ordinal);
        Assert.Contains("Auth__Authority", json, StringComparison.Ordinal);
    }
}
