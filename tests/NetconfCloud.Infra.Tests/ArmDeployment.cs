using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetconfCloud.Infra.Tests;

/// <summary>
/// One deployment of the compiled infra/main.bicep (the main template or a module inside it, at any depth), with
/// what its parent passes it, so that tests can follow a parameter back to where its value comes from.
/// </summary>
internal sealed partial class ArmDeployment(string name, JsonElement template, JsonElement? parameters, ArmDeployment? parent)
{
    public string Name { get; } = name;

    public JsonElement Template { get; } = template;

    public ArmDeployment? Parent { get; } = parent;

    public static async Task<ArmDeployment> MainAsync() => new("main", await Bicep.BuildAsync("infra/main.bicep"), null, null);

    public IEnumerable<JsonElement> Resources => Template.GetProperty("resources").EnumerateArray();

    public IEnumerable<ArmDeployment> Modules =>
        Resources.Where(r => Type(r) == "Microsoft.Resources/deployments")
            .Select(r => new ArmDeployment(r.GetProperty("name").GetString()!, r.GetProperty("properties").GetProperty("template"), r.GetProperty("properties").GetProperty("parameters"), this));

    /// <summary>This deployment and every module under it.</summary>
    public IEnumerable<ArmDeployment> All => [this, .. Modules.SelectMany(m => m.All)];

    public ArmDeployment Module(string name) => All.Single(d => d.Name == name);

    public IEnumerable<JsonElement> ResourcesOfType(string type) => Resources.Where(r => Type(r) == type);

    public static string Type(JsonElement resource) => resource.GetProperty("type").GetString()!;

    /// <summary>The expression the parent passes for a parameter of this deployment (its default when it passes none).</summary>
    public string ParameterSource(string parameter)
    {
        if (parameters is { } given && given.TryGetProperty(parameter, out var value))
        {
            return value.GetProperty("value").ToString();
        }

        return Template.GetProperty("parameters").GetProperty(parameter).GetProperty("defaultValue").ToString();
    }

    /// <summary>Follows <c>[parameters('x')]</c> up through the parents to the expression that gives it a value.</summary>
    public string Origin(string expression)
    {
        var match = ParameterReference().Match(expression);
        if (!match.Success || Parent is null)
        {
            return expression;
        }

        var source = ParameterSource(match.Groups[1].Value);
        return ParameterReference().IsMatch(source) ? Parent.Origin(source) : source;
    }

    /// <summary>The modules whose outputs an expression reads, e.g. 'identity-schedule'.</summary>
    public static IReadOnlyList<string> ModulesReferencedBy(string expression) =>
        [.. DeploymentReference().Matches(expression).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The value of a template variable, or the literal, named by <c>[variables('x')]</c>.</summary>
    public string Resolve(string expression)
    {
        var match = VariableReference().Match(expression);
        return match.Success ? Template.GetProperty("variables").GetProperty(match.Groups[1].Value).ToString() : expression;
    }

    /// <summary>The resource type in a scope expression such as <c>[resourceId('Microsoft.Storage/storageAccounts', ...)]</c>.</summary>
    public static string ScopeType(string scope) => ResourceIdType().Match(scope).Groups[1].Value;

    [GeneratedRegex(@"^\[parameters\('(\w+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"'Microsoft\.Resources/deployments', '([\w-]+)'")]
    private static partial Regex DeploymentReference();

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();
}
