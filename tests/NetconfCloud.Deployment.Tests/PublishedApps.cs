using System.Diagnostics;
using System.Reflection;
using NetconfCloud.Testing;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// The apps published once per test run with <c>dotnet publish -c Release</c> to temporary folders, shared by every
/// fixture that starts them, and removed when the run ends. When this test run is itself Release, the build it made
/// is published as it is (<c>--no-build</c>), which is quick and leaves the build output alone.
/// </summary>
internal static class PublishedApps
{
    private static readonly Lazy<Task<string>> ScheduleService = new(() => PublishAsync("src/NetconfCloud.ScheduleService"));
    private static readonly Lazy<Task<string>> Feeds = new(() => PublishAsync("src/NetconfCloud.FeedFunctions"));
    private static readonly List<string> Folders = [];

    static PublishedApps() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveFolders();

    /// <summary>The folder of the published schedule service (its <c>NetconfCloud.ScheduleService.dll</c>).</summary>
    public static Task<string> ScheduleServiceAsync() => ScheduleService.Value;

    /// <summary>The folder of the published Functions app, as the Functions host takes it with <c>--app</c>.</summary>
    public static Task<string> FeedsAsync() => Feeds.Value;

    /// <summary>Our local Functions host, from this build's output.</summary>
    public static string FunctionsHostDll => Repository.PathOf("src", "NetconfCloud.FunctionsHost", "bin", Configuration, "net10.0", "functions-host.dll");

    private static string Configuration => typeof(PublishedApps).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static async Task<string> PublishAsync(string project)
    {
        var folder = Directory.CreateTempSubdirectory("netconf-publish-").FullName;
        lock (Folders)
        {
            Folders.Add(folder);
        }

        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Repository.PathOf(project), "-c", "Release", "-o", folder, "--nologo", "-v", "quiet" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
            Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
        };
        if (Configuration == "Release")
        {
            info.ArgumentList.Add("--no-build");
        }

        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed: {await output}{await error}");
        }

        return folder;
    }

    private static void RemoveFolders()
    {
        lock (Folders)
        {
            foreach (var folder in Folders.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
