using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>
/// The README's run command, as a newcomer types it: it brings up Azurite, the schedule service and the feeds,
/// prints where they are, and the calendar it prints is served. (Here on free ports, a temporary data folder, and
/// the binaries this test run built.)
/// </summary>
public class RunCommandTests
{
    [Fact]
    public async Task TheRunCommandServesTheThursdayCalendarAndPrintsWhereEverythingIs()
    {
        var feedsPort = FreePort.Next();
        var data = Directory.CreateTempSubdirectory("netconf-run-").FullName;
        var info = new ProcessStartInfo("bash", [Repository.PathOf("run")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
            Environment =
            {
                ["CONFIGURATION"] = typeof(RunCommandTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration,
                ["NETCONF_SKIP_BUILD"] = "1",
                ["NETCONF_DATA_DIR"] = data,
                ["AZURITE_TABLE_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["SCHEDULE_URL"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["FEEDS_PORT"] = feedsPort.ToString(CultureInfo.InvariantCulture),
            },
        };
        using var run = Process.Start(info)!;
        var output = new StringBuilder();
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        run.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ctrl+C stops everything", StringComparison.Ordinal) == true)
            {
                up.TrySetResult();
            }
        };
        run.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        run.Exited += (_, _) => up.TrySetException(new InvalidOperationException($"run stopped: {output}"));
        run.EnableRaisingEvents = true;
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        try
        {
            await up.Task.WaitAsync(TimeSpan.FromMinutes(3));
            var thursday = $"http://127.0.0.1:{feedsPort}/api/netconf-2015/days/2015-02-12.ics";
            Assert.Contains(thursday, output.ToString(), StringComparison.Ordinal);
            Assert.Contains($"webcal://127.0.0.1:{feedsPort}/api/netconf-2015/calendar.ics", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("netconf.schedule.v1.ScheduleService", output.ToString(), StringComparison.Ordinal);

            using var http = new HttpClient();
            var calendar = await IcalJs.ParseAsync(await http.GetStringAsync(new Uri(thursday)));
            Assert.Equal(12, calendar.Events.Count(e => e.Categories.Contains("Talk")));
        }
        finally
        {
            // What Ctrl+C does: the script's trap stops what it started.
            using var stop = Process.Start("kill", ["-TERM", run.Id.ToString(CultureInfo.InvariantCulture)]);
            await stop.WaitForExitAsync();
            await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Directory.Delete(data, recursive: true);
        }

        using var probe = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => probe.ConnectAsync("127.0.0.1", feedsPort));
    }
}
