using System.Diagnostics;
using System.Text;

namespace NetconfCloud.Testing;

/// <summary>
/// A real Azurite table service from the repository's own npm install, in memory, on a free loopback port.
/// Started once by a fixture and stopped with it; it can be stopped and started again on the same port to
/// simulate storage going away.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's published development key (not a secret).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder output = new();
    private Process? process;

    private readonly string? location;

    private Azurite(int port, string? location)
    {
        Port = port;
        this.location = location;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    /// <summary>Starts Azurite in memory, or keeping its data in <paramref name="location"/> so that it survives a restart.</summary>
    public static async Task<Azurite> StartAsync(string? location = null)
    {
        var azurite = new Azurite(FreePort.Next(), location);
        await azurite.StartAgainAsync();
        return azurite;
    }

    public async Task StartAgainAsync()
    {
        var script = Repository.PathOf("node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' in the repository root (the test command does).");
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--disableProductStyleUrl" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (location is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(location);
        }

        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(e.Data, started);
        process.ErrorDataReceived += (_, e) => Record(e.Data, started);
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException($"Azurite exited: {Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Kills Azurite, as a crash would. In memory, its data is lost with it; on disk, what it saved survives (it
    /// saves every 5 s, and on SIGINT only once every client connection has closed).
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            // SIGKILL ends a stopped process too.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>
    /// Freezes Azurite (SIGSTOP), as a hung storage: connections are accepted by the kernel, and nothing answers.
    /// </summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>Lets a paused Azurite run again (SIGCONT); it answers what waited meanwhile.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        var pid = process?.Id ?? throw new InvalidOperationException("Azurite is not running.");
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("kill could not be started.");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {pid} exited with {kill.ExitCode}.");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Record(string? line, TaskCompletionSource started)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }

        if (line.Contains("successfully started", StringComparison.Ordinal))
        {
            started.TrySetResult();
        }
    }
}
