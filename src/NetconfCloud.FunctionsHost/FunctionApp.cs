using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetconfCloud.FunctionsHost;

/// <summary>What the host reads from a built Functions app folder: host.json, worker.config.json, local.settings.json.</summary>
internal sealed record FunctionApp(string Directory, string RoutePrefix, string WorkerExecutable, string WorkerPath, IReadOnlyDictionary<string, string> LocalSettings)
{
    public static FunctionApp Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        var workerConfig = Read(full, "worker.config.json", required: true)!;
        var description = workerConfig["description"] ?? throw new InvalidDataException("worker.config.json has no 'description'.");
        var language = (string?)description["language"];
        if (!string.Equals(language, "dotnet-isolated", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"worker.config.json is for '{language}'; this host runs the .NET isolated worker only.");
        }

        var hostJson = Read(full, "host.json", required: true)!;
        var prefix = (string?)hostJson["extensions"]?["http"]?["routePrefix"] ?? "api";
        var localSettings = Read(full, "local.settings.json", required: false)?["Values"]?.AsObject()
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            ?? [];

        return new FunctionApp(
            full,
            prefix.Trim('/'),
            (string?)description["defaultExecutablePath"] ?? "dotnet",
            Path.Combine(full, (string?)description["defaultWorkerPath"] ?? throw new InvalidDataException("worker.config.json has no 'defaultWorkerPath'.")),
            localSettings);
    }

    private static JsonNode? Read(string directory, string file, bool required)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return required
                ? throw new FileNotFoundException($"{file} is missing from {directory}: is this a built Functions app (dotnet build)?", path)
                : null;
        }

        return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }
}
