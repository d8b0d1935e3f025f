using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>
/// The host survives its worker: a worker that dies is started again, requests meanwhile get 503 with Retry-After
/// (never 502, never a crash), and a worker that keeps dying stops the host with exit code 1 and one line.
/// </summary>
public partial class WorkerRestartTests(ScheduleFixture schedule) : IClassFixture<ScheduleFixture>
{
    private const string Feed = "/api/netconf-2015/calendar.ics";

    private static int WorkerId(WebApplication host) => host.Services.GetRequiredService<WorkerProcess>().Id!.Value;

    [Fact]
    public async Task AKilledWorkerIsRestartedAndRequestsMeanwhileGet503WithRetryAfter()
    {
        await using var host = await FeedsHostFixture.StartHostAsync(schedule.Server.Address);
        using var http = new HttpClient { BaseAddress = LocalFunctionsHost.HttpAddress(host), Timeout = TimeSpan.FromSeconds(30) };
        var first = WorkerId(host);
        using (var before = await http.GetAsync(Feed))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var worker = Process.GetProcessById(first))
        {
            worker.Kill();
            await worker.WaitForExitAsync();
        }

        var statuses = new List<HttpStatusCode>();
        using (var during = await http.GetAsync(Feed))
        {
            statuses.Add(during.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.NotNull(during.Headers.RetryAfter);
        }

        using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (statuses[^1] != HttpStatusCode.OK)
        {
            await Task.Delay(100, waiting.Token);
            using var next = await http.GetAsync(Feed, waiting.Token);
            statuses.Add(next.StatusCode);
        }

        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.NotEqual(first, WorkerId(host));
        Assert.Null(LocalFunctionsHost.Failure(host));
        Assert.False(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task AWorkerThatKeepsDyingStopsTheHostWithExitCode1AndOneLineNoStackTrace()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { FunctionsHostDll, "--app", FeedsHostFixture.FeedFunctionsDirectory, "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["FunctionsHost__MaxRestarts"] = "1",
                ["FunctionsHost__Settings__ScheduleService__Address"] = schedule.Server.Address.ToString(),
            },
        };
        using var host = Process.Start(info)!;
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var workers = new List<(int Id, TaskCompletionSource Ready)>();
        var ready = 0;
        host.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data is { } line && WorkerStarted().Match(line) is { Success: true } started)
                {
                    workers.Add((int.Parse(started.Groups[1].Value, CultureInfo.InvariantCulture), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
                }

                if (e.Data?.Contains("Functions host ready", StringComparison.Ordinal) == true && ready < workers.Count)
                {
                    workers[ready++].Ready.TrySetResult();
                }
            }
        };
        host.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            for (var round = 0; round < 2; round++)
            {
                var worker = await WorkerAsync(round);
                await worker.Ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
                using var process = Process.GetProcessById(worker.Id);
                process.Kill();
            }

            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }
        }

        var all = output.ToString() + errors;
        Assert.Equal(1, host.ExitCode);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        var line = Assert.Single(errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: The worker process exited unexpectedly", line, StringComparison.Ordinal);
        Assert.Contains("not restarted again", line, StringComparison.Ordinal);

        async Task<(int Id, TaskCompletionSource Ready)> WorkerAsync(int round)
        {
            using var waiting = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (true)
            {
                lock (output)
                {
                    if (workers.Count > round)
                    {
                        return workers[round];
                    }
                }

                Assert.False(host.HasExited, $"the host exited: {output}{errors}");
                await Task.Delay(50, waiting.Token);
            }
        }
    }

    /// <summary>The host as ./run starts it: from its own build folder, with its own appsettings.json.</summary>
    private static string FunctionsHostDll
    {
        get
        {
            var configuration = typeof(WorkerRestartTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
            return Repository.PathOf("src", "NetconfCloud.FunctionsHost", "bin", configuration, "net10.0", "functions-host.dll");
        }
    }

    [GeneratedRegex(@"Worker process (\d+) started")]
    private static partial Regex WorkerStarted();
}
