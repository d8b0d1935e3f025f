using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace NetconfCloud.FunctionsHost;

/// <summary>A function as the worker indexed it, with its trigger read from the raw bindings.</summary>
internal sealed record FunctionDescriptor(string Id, string Name, string TriggerType, string TriggerBindingName, string? Route, IReadOnlyList<string> Methods, RpcFunctionMetadata Metadata)
{
    public bool IsHttp => string.Equals(TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>The route pattern below the prefix; an HTTP function without a route is served at its name.</summary>
    public string RoutePattern(string prefix)
    {
        var route = (Route ?? Name).Trim('/');
        return prefix.Length == 0 ? route : $"{prefix}/{route}";
    }

    public static FunctionDescriptor From(RpcFunctionMetadata metadata)
    {
        foreach (var raw in metadata.RawBindings)
        {
            var binding = JsonNode.Parse(raw)?.AsObject();
            var type = (string?)binding?["type"];
            if (binding is null || type is null || !type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var methods = binding["methods"]?.AsArray().Select(m => ((string?)m ?? "").ToUpperInvariant()).Where(m => m.Length > 0).ToArray() ?? [];
            return new FunctionDescriptor(
                metadata.FunctionId,
                metadata.Name,
                type,
                (string?)binding["name"] ?? "req",
                (string?)binding["route"],
                methods.Length > 0 ? methods : ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"],
                metadata);
        }

        return new FunctionDescriptor(metadata.FunctionId, metadata.Name, "(no trigger)", "", null, [], metadata);
    }
}
