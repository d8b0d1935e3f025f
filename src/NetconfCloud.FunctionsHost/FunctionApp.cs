using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetconfCloud.FunctionsHost;

/// <summary>What the host reads from a built Functions app folder: host.json, worker.config.json, local.settings.json.</summary>
internal sealed record FunctionApp(string Directory, string RoutePrefix, string WorkerExecutable, string WorkerPath, IReadOnlyDictionary<string, string> LocalSettings)
{
    public static FunctionApp Load(string directory)
    {
        if (Problem(directory) is { } problem)
        {
            throw new DirectoryNotFoundException(problem);
        }

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

    /// <summary>
    /// Why <paramref name="directory"/> is not a built Functions app (no folder, or no worker.config.json in it), in one
    /// line that says what to pass instead: a built configuration of the same project when there is one (e.g.
    /// bin/Release when bin/Debug was given), else how to build the project, else an example. Null when the folder has
    /// worker.config.json.
    /// </summary>
    public static string? Problem(string? directory)
    {
        var tfm = $"net{Environment.Version.Major}.0";
        if (string.IsNullOrWhiteSpace(directory))
        {
            return $"no Functions app given: pass --app with the folder of a built Functions app, e.g. --app src/NetconfCloud.FeedFunctions/bin/Release/{tfm}";
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (File.Exists(Path.Combine(full, "worker.config.json")))
        {
            return null;
        }

        var what = System.IO.Directory.Exists(full) ? "it has no worker.config.json" : "no such folder";
        var project = ProjectOf(full);
        var built = System.IO.Directory.Exists(Path.Combine(project, "bin"))
            ? System.IO.Directory.EnumerateDirectories(Path.Combine(project, "bin"))
                .SelectMany(configuration => System.IO.Directory.EnumerateDirectories(configuration))
                .Where(output => File.Exists(Path.Combine(output, "worker.config.json")))
                .OrderBy(output => output.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(output => output, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        var isProject = System.IO.Directory.Exists(project) && System.IO.Directory.EnumerateFiles(project, "*.csproj").Any();
        return built is not null ? $"no Functions app at {full} ({what}); the app is built at {built}: pass --app {built}"
            : isProject ? $"no Functions app at {full} ({what}); build it (dotnet build {project} -c Release) and pass --app {Path.Combine(project, "bin", "Release", tfm)}"
            : $"no Functions app at {full} ({what}); pass --app with the output folder of a built Functions app (the one with worker.config.json), e.g. --app src/NetconfCloud.FeedFunctions/bin/Release/{tfm}";
    }

    /// <summary>The project folder of an output folder (the one above its bin/), else the folder itself.</summary>
    private static string ProjectOf(string folder)
    {
        for (var at = folder; Path.GetDirectoryName(at) is { } parent; at = parent)
        {
            if (Path.GetFileName(at) == "bin")
            {
                return parent;
            }
        }

        return folder;
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
