using System.Globalization;
using System.Reflection;
using System.Text.Json;
using NetconfCloud.Feeds;
using NetconfCloud.Infra.Tests;
using NetconfCloud.Schedule.Client;
using NetconfCloud.Schedule.Storage;
using NetconfCloud.ScheduleService;
using NetconfCloud.Testing;

namespace NetconfCloud.Deployment.Tests;

/// <summary>The image, infra/ and the apps' options agree: ports, probe paths and every setting's spelling.</summary>
public class DriftTests
{
    /// <summary>Settings read by name, not bound to an options class (telemetry, the listen address, the Functions runtime).</summary>
    private static readonly string[] ReadByName =
    [
        "ASPNETCORE_URLS", "AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    private static Dockerfile Image => Dockerfile.Load(Repository.PathOf("src", "NetconfCloud.ScheduleService", "Dockerfile"));

    [Fact]
    public async Task TheImageAndInfraListenOnTheSamePortsAndTheIngressAndProbesUseThem()
    {
        var infra = await InfraSettings.ScheduleServiceAsync();
        var none = new Dictionary<string, string>();
        var env = infra.Settings.ToDictionary(s => s.Key, s => s.Value);
        var app = InfraSettings.ContainerApp(infra.Template);
        var targetPort = int.Parse(infra.Evaluate(app.GetProperty("configuration").GetProperty("ingress").GetProperty("targetPort").GetString()!, none), CultureInfo.InvariantCulture);
        var probePorts = app.GetProperty("template").GetProperty("containers")[0].GetProperty("probes").EnumerateArray()
            .Select(p => int.Parse(infra.Evaluate(p.GetProperty("httpGet").GetProperty("port").ToString(), none), CultureInfo.InvariantCulture)).Distinct().ToArray();

        var imagePorts = ProductionFixture.ContainerPorts(Image.Environment["ASPNETCORE_URLS"]);
        var infraPorts = ProductionFixture.ContainerPorts(infra.Evaluate(env["ASPNETCORE_URLS"], none));
        var imageProbePort = int.Parse(Image.Environment["HealthProbes__Port"], CultureInfo.InvariantCulture);
        var infraProbePort = int.Parse(infra.Evaluate(env["HealthProbes__Port"], none), CultureInfo.InvariantCulture);

        Assert.Equal(imagePorts, infraPorts);
        Assert.Equal(imagePorts.Order(), Image.ExposedPorts.Order());
        Assert.Equal(imageProbePort, infraProbePort);
        Assert.Equal([imageProbePort], probePorts);
        Assert.Equal([targetPort, imageProbePort], imagePorts.Order());
        Assert.NotEqual(targetPort, imageProbePort);
        Assert.Equal(targetPort, int.Parse(Image.Environment.GetValueOrDefault("ASPNETCORE_HTTP_PORTS", targetPort.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheProbesAskForThePathsTheServiceServes()
    {
        var infra = await InfraSettings.ScheduleServiceAsync();

        var paths = InfraSettings.ContainerApp(infra.Template).GetProperty("template").GetProperty("containers")[0].GetProperty("probes").EnumerateArray()
            .ToDictionary(p => p.GetProperty("type").GetString()!, p => p.GetProperty("httpGet").GetProperty("path").GetString());

        Assert.Equal(HealthProbes.ReadyPath, paths["Readiness"]);
        Assert.Equal(HealthProbes.LivePath, paths["Liveness"]);
    }

    [Fact]
    public async Task EverySettingInfraGivesTheServiceIsSpelledAsItsOptionsBindIt()
    {
        var infra = await InfraSettings.ScheduleServiceAsync();

        AssertBound(infra.Names.Concat(Image.Environment.Keys), [typeof(AgendaStorageOptions), typeof(WriterAuthenticationOptions), typeof(HealthProbeOptions), typeof(Schedule.ClientAddressRules)]);
    }

    [Fact]
    public async Task TheTablesInfraMakesAreTheTablesTheServiceUsesByDefault()
    {
        var storage = await Bicep.BuildAsync("infra/app/storage.bicep");

        var tables = storage.GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "Microsoft.Storage/storageAccounts/tableServices/tables")
            .Select(r => r.GetProperty("name").GetString()!.Split(['\'', '/']).Last(part => part.Length > 0 && part.All(char.IsLetterOrDigit)))
            .Order(StringComparer.Ordinal);

        var defaults = new AgendaStorageOptions();
        Assert.Equal(new[] { defaults.TableName, defaults.PersonalAgendaTableName }.Order(StringComparer.Ordinal), tables);
    }

    [Fact]
    public async Task EverySettingInfraGivesTheFeedsIsSpelledAsTheirOptionsBindIt()
    {
        var infra = await InfraSettings.FeedsAsync();

        // AzureWebJobsStorage__* is the Functions runtime's own storage connection (identity-based), read by the host.
        AssertBound(infra.Names.Where(n => !n.StartsWith("AzureWebJobsStorage__", StringComparison.Ordinal)), [typeof(ScheduleClientOptions), typeof(FeedOptions)]);
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Production.json")]
    public void NoSettingsFileOutsideDevelopmentDecidesWhereTheServiceListens(string file)
    {
        var path = Repository.PathOf("src", "NetconfCloud.ScheduleService", file);
        if (!File.Exists(path))
        {
            return;
        }

        using var settings = JsonDocument.Parse(File.ReadAllText(path));
        var keys = settings.RootElement.EnumerateObject().Select(p => p.Name).ToArray();

        // Configuration files override ASPNETCORE_URLS: a Urls here is what bound 127.0.0.1:5100 in Production.
        Assert.DoesNotContain(keys, k => k.Equals("Urls", StringComparison.OrdinalIgnoreCase) || k.Equals("http_ports", StringComparison.OrdinalIgnoreCase));
        Assert.False(settings.RootElement.TryGetProperty("Kestrel", out var kestrel) && kestrel.TryGetProperty("Endpoints", out _), "Kestrel:Endpoints would override ASPNETCORE_URLS");
    }

    private static void AssertBound(IEnumerable<string> names, Type[] options)
    {
        var sections = options.ToDictionary(o => (string)o.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!, StringComparer.Ordinal);
        foreach (var name in names.Where(n => !ReadByName.Contains(n, StringComparer.Ordinal)))
        {
            var parts = name.Split("__");
            // Section__Key, or Section__List__N for an entry of a list.
            var isListEntry = parts.Length == 3 && int.TryParse(parts[2], CultureInfo.InvariantCulture, out _);
            Assert.True(parts.Length == 2 || isListEntry, $"{name} is neither Section__Key, Section__List__N nor a setting read by name");
            Assert.True(sections.TryGetValue(parts[0], out var type), $"{name}: no options class binds the section '{parts[0]}' (sections: {string.Join(", ", sections.Keys)})");
            Assert.True(type!.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance)?.CanWrite == true, $"{name}: {type.Name} has no settable property '{parts[1]}'");
        }
    }
}
