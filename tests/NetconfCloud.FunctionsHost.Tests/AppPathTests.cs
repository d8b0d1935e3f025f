using System.Diagnostics;
using System.Reflection;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>
/// <c>functions-host</c> run as a process, as ./run and a newcomer start it, with a wrong <c>--app</c>: it ends at once
/// with one error line that says what to pass, exit code 2, and no stack trace.
/// </summary>
public class AppPathTests
{
    private static readonly string Configuration = typeof(AppPathTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static readonly string FeedFunctions = Repository.PathOf("src", "NetconfCloud.FeedFunctions");

    private sealed record HostRun(int Exit, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<HostRun> RunHostAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Repository.PathOf("src", "NetconfCloud.FunctionsHost", "bin", Configuration, "net10.0", "functions-host.dll"), .. args, "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var host = Process.Start(info)!;
        var output = host.StandardOutput.ReadToEndAsync();
        var error = host.StandardError.ReadToEndAsync();
        try
        {
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
        }

        return new HostRun(host.ExitCode, await output, await error);
    }

    private static void AssertNoStackTrace(HostRun run)
    {
        Assert.DoesNotContain("Exception", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderThatDoesNotExistEndsWithOneErrorLineAndExitCodeTwo()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-app-{Guid.NewGuid():N}");

        var run = await RunHostAsync("--app", missing);

        Assert.Equal(LocalFunctionsHost.NoApp, run.Exit);
        Assert.StartsWith($"error: no Functions app at {missing} (no such folder); pass --app with the output folder of a built Functions app", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task AProjectThatWasNotBuiltSaysHowToBuildIt()
    {
        var project = Directory.CreateTempSubdirectory("unbuilt-functions-").FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "Unbuilt.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var debug = Path.Combine(project, "bin", "Debug", "net10.0");

        var run = await RunHostAsync("--app", debug);

        Assert.Equal(LocalFunctionsHost.NoApp, run.Exit);
        Assert.Equal(
            $"error: no Functions app at {debug} (no such folder); build it (dotnet build {project} -c Release) and pass --app {Path.Combine(project, "bin", "Release", "net10.0")}",
            Assert.Single(run.ErrorLines));
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task AConfigurationThatWasNotBuiltNamesTheOneThatWas()
    {
        var other = Path.Combine(FeedFunctions, "bin", "NotBuilt", "net10.0");

        var run = await RunHostAsync("--app", other);

        Assert.Equal(LocalFunctionsHost.NoApp, run.Exit);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: no Functions app at {other} (no such folder); the app is built at ", line, StringComparison.Ordinal);
        var suggested = line[(line.LastIndexOf("--app ", StringComparison.Ordinal) + "--app ".Length)..].Trim();
        Assert.StartsWith(Path.Combine(FeedFunctions, "bin"), suggested, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(suggested, "worker.config.json")), suggested);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task AFolderWithoutAFunctionsAppSaysSo()
    {
        var empty = Directory.CreateTempSubdirectory("not-an-app-").FullName;

        var run = await RunHostAsync("--app", empty);

        Assert.Equal(LocalFunctionsHost.NoApp, run.Exit);
        Assert.StartsWith($"error: no Functions app at {empty} (it has no worker.config.json)", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task NoAppGivenSaysToPassOne()
    {
        var run = await RunHostAsync();

        Assert.Equal(LocalFunctionsHost.NoApp, run.Exit);
        Assert.StartsWith("error: no Functions app given: pass --app", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task AWorkerThatCannotStartEndsTheHostWithExitCodeOneAndNoStackTrace()
    {
        var app = Directory.CreateTempSubdirectory("broken-app-").FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "host.json"), """{ "version": "2.0" }""");
        await File.WriteAllTextAsync(Path.Combine(app, "worker.config.json"), """
            { "description": { "language": "dotnet-isolated", "defaultExecutablePath": "dotnet", "defaultWorkerPath": "NoSuchWorker.dll" } }
            """);

        var run = await RunHostAsync("--app", app);

        Assert.Equal(LocalFunctionsHost.WorkerFailed, run.Exit);
        Assert.Contains("The worker process exited unexpectedly", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Output + run.Error, StringComparison.Ordinal);
    }
}
