using System.Text.Json;
using NetconfCloud.Infra.Tests;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// The settings infra/ gives each app, read from the ARM JSON that <c>bicep build</c> makes of its module: the
/// schedule service container's <c>env</c> array and the Function app's <c>appsettings</c>. Values are ARM expressions
/// until evaluated with the module's parameters.
/// </summary>
internal sealed class InfraSettings(JsonElement template, IReadOnlyList<KeyValuePair<string, string>> settings)
{
    public const string ScheduleServiceModule = "infra/app/schedule-service.bicep";
    public const string FeedsModule = "infra/app/feeds.bicep";

    /// <summary>A tenant as Entra ID names it; the authority is never contacted by the reads the tests make.</summary>
    public const string Tenant = "72f988bf-0000-4000-8000-000000000001";

    public JsonElement Template { get; } = template;

    /// <summary>Names and (unevaluated) values, in template order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; } = settings;

    public IEnumerable<string> Names => Settings.Select(s => s.Key);

    public static async Task<InfraSettings> ScheduleServiceAsync()
    {
        var template = await Bicep.BuildAsync(ScheduleServiceModule);
        var env = ContainerApp(template).GetProperty("template").GetProperty("containers")[0].GetProperty("env");
        return new InfraSettings(template, [.. env.EnumerateArray().Select(e => KeyValuePair.Create(e.GetProperty("name").GetString()!, e.GetProperty("value").GetString()!))]);
    }

    public static async Task<InfraSettings> FeedsAsync()
    {
        var template = await Bicep.BuildAsync(FeedsModule);
        var config = template.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites/config");
        return new InfraSettings(template, [.. config.GetProperty("properties").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()!))]);
    }

    /// <summary>The container app resource's properties (ingress, probes, env).</summary>
    public static JsonElement ContainerApp(JsonElement template) =>
        template.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.App/containerApps").GetProperty("properties");

    /// <summary>An expression of this template evaluated with the given parameters (an unknown parameter fails).</summary>
    public string Evaluate(string expression, IReadOnlyDictionary<string, string> parameters) =>
        ArmExpression.Evaluate(expression, name => parameters.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No test value for the parameter '{name}'."), Template);

    /// <summary>Every setting evaluated, except those named in <paramref name="skip"/> (values known only in Azure).</summary>
    public Dictionary<string, string> Evaluate(IReadOnlyDictionary<string, string> parameters, params string[] skip) =>
        Settings.Where(s => !skip.Contains(s.Key, StringComparer.Ordinal)).ToDictionary(s => s.Key, s => Evaluate(s.Value, parameters), StringComparer.Ordinal);

    /// <summary>The default main.bicep gives one of its parameters (e.g. the writer audience).</summary>
    public static async Task<string> MainDefaultAsync(string parameter) =>
        (await Bicep.BuildAsync("infra/main.bicep")).GetProperty("parameters").GetProperty(parameter).GetProperty("defaultValue").GetString()!;
}
