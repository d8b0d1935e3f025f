using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>How our host starts, stops and survives its worker. Each test runs a host of its own.</summary>
public class HostLifecycleTests
{
    private static readonly Uri NoScheduleService = new($"http://127.0.0.1:{FreePort.Next()}");

    private static Process Worker(WebApplication host) =>
        Process.GetProcessById(host.Services.GetRequiredService<WorkerProcess>().Id!.Value);

    [Fact]
    public async Task StoppingTheHostTerminatesTheWorkerWhichExitsByItself()
    {
        var host = await FeedsHostFixture.StartHostAsync(NoScheduleService);
        var worker = host.Services.GetRequiredService<WorkerProcess>();

        var stopwatch = Stopwatch.StartNew();
        await host.StopAsync();

        Assert.True(worker.HasExited);
        Assert.Equal(0, worker.ExitCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
        await host.DisposeAsync();
    }

    [Fact]
    public async Task AFolderThatIsNotAFunctionsAppFailsToStartWithAClearReason()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;
        await using var host = await FeedsHostFixture.StartHostAsync(NoScheduleService, empty, waitUntilReady: false);

        var error = await Assert.ThrowsAsync<WorkerUnavailableException>(() => LocalFunctionsHost.WhenReady(host).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("worker.config.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheScheduleServiceDownTheFeedAnswers503WithRetryAfter()
    {
        await using var host = await FeedsHostFixture.StartHostAsync(NoScheduleService);
        using var http = new HttpClient { BaseAddress = LocalFunctionsHost.HttpAddress(host) };

        using var response = await http.GetAsync("/api/netconf-2015/calendar.ics");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
