using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using NetconfCloud.Testing;

namespace NetconfCloud.Infra.Tests;

/// <summary>
/// The bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (its path is stamped into the test assembly
/// as the "BicepPath" metadata), and the ARM JSON it compiles from infra/, built once per file and test run.
/// </summary>
internal static class Bicep
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonElement>>> Compiled = new(StringComparer.Ordinal);

    private static string Executable =>
        Assembly.GetExecutingAssembly().GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;

    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var bicep = Executable;
        if (!OperatingSystem.IsWindows())
        {
            // NuGet does not keep the executable bit.
            File.SetUnixFileMode(bicep, File.GetUnixFileMode(bicep) | UnixFileMode.UserExecute);
        }

        var info = new ProcessStartInfo(bicep, args)
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

    /// <summary>The ARM template <c>bicep build</c> makes of <paramref name="template"/> (relative to the repository root).</summary>
    public static Task<JsonElement> BuildAsync(string template) =>
        Compiled.GetOrAdd(template, t => new Lazy<Task<JsonElement>>(async () =>
        {
            var (exit, json, error) = await RunAsync("build", t, "--stdout");
            if (exit != 0)
            {
                throw new InvalidOperationException($"bicep build {t}: {error}");
            }

            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        })).Value;
}
