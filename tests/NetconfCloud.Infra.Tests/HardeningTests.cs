using System.Text.Json;

namespace NetconfCloud.Infra.Tests;

/// <summary>
/// What production relies on, read from the ARM template that <c>bicep build infra/main.bicep</c> makes: who may do
/// what (role, scope, identity), where storage can be reached from, probes, logs, and how the feeds are deployed.
/// </summary>
public class HardeningTests
{
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private sealed record Grant(string Identity, string Role, string Module, string ScopeType);

    /// <summary>Every role assignment in the deployment, with the identity module its principal comes from.</summary>
    private static async Task<IReadOnlyList<Grant>> GrantsAsync()
    {
        var main = await ArmDeployment.MainAsync();
        var grants = new List<Grant>();
        foreach (var deployment in main.All)
        {
            foreach (var assignment in deployment.ResourcesOfType("Microsoft.Authorization/roleAssignments"))
            {
                var properties = assignment.GetProperty("properties");
                var role = deployment.Resolve(properties.GetProperty("roleDefinitionId").GetString()!);
                var identities = ArmDeployment.ModulesReferencedBy(deployment.Origin(properties.GetProperty("principalId").GetString()!));
                Assert.NotEmpty(identities);
                var scope = ArmDeployment.ScopeType(assignment.GetProperty("scope").GetString()!);
                grants.AddRange(identities.Select(identity => new Grant(identity, role, deployment.Name, scope)));
            }
        }

        return grants;
    }

    [Fact]
    public async Task TheScheduleServiceMayUseItsTwoTablesAndPullItsImageAndNothingMore()
    {
        var grants = (await GrantsAsync()).Where(g => g.Identity == "identity-schedule").OrderBy(g => g.Role, StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                new Grant("identity-schedule", TableDataContributor, "storage", "Microsoft.Storage/storageAccounts/tableServices/tables"),
                new Grant("identity-schedule", TableDataContributor, "storage", "Microsoft.Storage/storageAccounts/tableServices/tables"),
                new Grant("identity-schedule", MonitoringMetricsPublisher, "monitoring", "Microsoft.Insights/components"),
                new Grant("identity-schedule", AcrPull, "registry", "Microsoft.ContainerRegistry/registries"),
            }.OrderBy(g => g.Role, StringComparer.Ordinal),
            grants);
    }

    [Fact]
    public async Task TheFeedsMayUseOnlyTheirOwnRuntimeStorageAndNotTheAgenda()
    {
        var grants = (await GrantsAsync()).Where(g => g.Identity == "identity-feeds").OrderBy(g => g.Role, StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                new Grant("identity-feeds", MonitoringMetricsPublisher, "monitoring", "Microsoft.Insights/components"),
                new Grant("identity-feeds", BlobDataOwner, "feeds-storage", "Microsoft.Storage/storageAccounts"),
            }.OrderBy(g => g.Role, StringComparer.Ordinal),
            grants);
    }

    [Fact]
    public async Task EveryRoleAssignmentBelongsToOneOfTheTwoAppIdentities()
    {
        var grants = await GrantsAsync();

        Assert.All(grants, g => Assert.Contains(g.Identity, new[] { "identity-schedule", "identity-feeds" }));
    }

    [Fact]
    public async Task TheTableRolesAreScopedEachToItsOwnTable()
    {
        var storage = (await ArmDeployment.MainAsync()).Module("storage");

        var scopes = storage.ResourcesOfType("Microsoft.Authorization/roleAssignments").Select(a => a.GetProperty("scope").GetString()).ToList();

        Assert.Collection(
            scopes,
            scope => Assert.EndsWith("'default', 'Agenda')]", scope, StringComparison.Ordinal),
            scope => Assert.EndsWith("'default', 'PersonalAgendas')]", scope, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("storage", "table")]
    [InlineData("feeds-storage", "blob")]
    public async Task StorageIsReachableOnlyThroughItsPrivateEndpointWithIdentities(string module, string service)
    {
        var main = await ArmDeployment.MainAsync();
        var deployment = main.Module(module);

        var account = Assert.Single(deployment.ResourcesOfType("Microsoft.Storage/storageAccounts")).GetProperty("properties");
        var endpoint = Assert.Single(deployment.Modules);

        Assert.Equal("Disabled", account.GetProperty("publicNetworkAccess").GetString());
        Assert.Equal("Deny", account.GetProperty("networkAcls").GetProperty("defaultAction").GetString());
        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.Equal(service, endpoint.ParameterSource("groupId"));
        Assert.Equal(["network"], ArmDeployment.ModulesReferencedBy(endpoint.Origin("[parameters('subnetId')]")));
        var privateEndpoint = Assert.Single(endpoint.ResourcesOfType("Microsoft.Network/privateEndpoints")).GetProperty("properties");
        Assert.Equal("[parameters('groupId')]", privateEndpoint.GetProperty("privateLinkServiceConnections")[0].GetProperty("properties").GetProperty("groupIds")[0].GetString());
        Assert.Single(endpoint.ResourcesOfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"));
        Assert.Single(endpoint.ResourcesOfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks"));
    }

    [Fact]
    public async Task TheScheduleServiceIsProbedForReadinessAndLivenessOverHttpOnItsProbePort()
    {
        var service = (await ArmDeployment.MainAsync()).Module("schedule-service");
        var app = Assert.Single(service.ResourcesOfType("Microsoft.App/containerApps")).GetProperty("properties");
        var container = Assert.Single(app.GetProperty("template").GetProperty("containers").EnumerateArray());

        var probes = container.GetProperty("probes").EnumerateArray().ToDictionary(p => p.GetProperty("type").GetString()!, p => p.GetProperty("httpGet"));

        Assert.Equal(["Liveness", "Readiness"], probes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/healthz/ready", probes["Readiness"].GetProperty("path").GetString());
        Assert.Equal("/healthz/live", probes["Liveness"].GetProperty("path").GetString());
        var probePort = Assert.Single(probes.Values.Select(p => service.Resolve(p.GetProperty("port").GetString()!)).Distinct());
        var targetPort = service.Resolve(app.GetProperty("configuration").GetProperty("ingress").GetProperty("targetPort").GetString()!);
        Assert.NotEqual(targetPort, probePort);
        var env = container.GetProperty("env").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
        Assert.Equal("[string(variables('probePort'))]", env["HealthProbes__Port"]);
    }

    [Theory]
    [InlineData("storage", "Microsoft.Storage/storageAccounts/tableServices")]
    [InlineData("feeds", "Microsoft.Web/sites")]
    [InlineData("schedule-service", "Microsoft.App/managedEnvironments")]
    public async Task LogsAndMetricsGoToLogAnalytics(string module, string scopeType)
    {
        var deployment = (await ArmDeployment.MainAsync()).Module(module);

        var settings = Assert.Single(deployment.ResourcesOfType("Microsoft.Insights/diagnosticSettings"));

        Assert.Equal(scopeType, ArmDeployment.ScopeType(settings.GetProperty("scope").GetString()!));
        var properties = settings.GetProperty("properties");
        var workspace = deployment.Origin(properties.GetProperty("workspaceId").GetString()!);
        Assert.Equal(["monitoring"], ArmDeployment.ModulesReferencedBy(workspace));
        Assert.Contains(".outputs.logAnalyticsId.value", workspace, StringComparison.Ordinal);
        Assert.NotEmpty(properties.GetProperty("logs").EnumerateArray());
        Assert.All(properties.GetProperty("logs").EnumerateArray(), log => Assert.True(log.GetProperty("enabled").GetBoolean()));
        Assert.NotEmpty(properties.GetProperty("metrics").EnumerateArray());
    }

    [Fact]
    public async Task TheContainerAppsEnvironmentLogsThroughAzureMonitorWithoutTheWorkspaceKey()
    {
        var main = await ArmDeployment.MainAsync();
        var environment = Assert.Single(main.Module("schedule-service").ResourcesOfType("Microsoft.App/managedEnvironments")).GetProperty("properties");

        var logs = environment.GetProperty("appLogsConfiguration");

        Assert.Equal("azure-monitor", logs.GetProperty("destination").GetString());
        Assert.False(logs.TryGetProperty("logAnalyticsConfiguration", out _));
        Assert.DoesNotContain("listKeys(", main.Template.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public async Task TheFeedsAppRefusesBasicPublishingCredentials(string policy)
    {
        var feeds = (await ArmDeployment.MainAsync()).Module("feeds");

        var resource = Assert.Single(
            feeds.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            r => r.GetProperty("name").GetString()!.EndsWith($"'{policy}')]", StringComparison.Ordinal));

        Assert.False(resource.GetProperty("properties").GetProperty("allow").GetBoolean());
    }

    [Fact]
    public async Task TheFeedsRuntimeStorageIsNotTheAgendaAccount()
    {
        var feeds = (await ArmDeployment.MainAsync()).Module("feeds");

        Assert.Equal(["feeds-storage"], ArmDeployment.ModulesReferencedBy(feeds.Origin("[parameters('storageAccountName')]")));
    }
}
