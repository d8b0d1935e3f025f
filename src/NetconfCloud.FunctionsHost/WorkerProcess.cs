using System.Diagnostics;
using System.Globalization;

namespace NetconfCloud.FunctionsHost;

/// <summary>
/// The worker as a child process, started with the arguments and environment the real host gives it. Started again
/// after a crash, it is a new process; events of an earlier one are ignored, and nothing it writes after this host
/// has let it go reaches our (possibly disposed) logging.
/// </summary>
internal sealed partial class WorkerProcess(ILogger<WorkerProcess> logger) : IDisposable
{
    /// <summary>Functions:Worker:WorkerId as an environment variable.</summary>
    public const string WorkerIdVariable = "Functions__Worker__WorkerId";

    private Process? process;
    private volatile bool disposed;

    public int? Id => process?.Id;

    public bool HasExited => process is null || disposed || process.HasExited;

    /// <summary>The worker's exit code once it has exited.</summary>
    public int? ExitCode { get; private set; }

    public event Action<int>? Exited;

    public void Start(FunctionApp app, string workerId, Uri functionsUri, IReadOnlyDictionary<string, string> settings)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Release(process);
        ExitCode = null;
        var requestId = Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo(app.WorkerExecutable)
        {
            ArgumentList =
            {
                app.WorkerPath,
                "--functions-uri", functionsUri.ToString(),
                "--functions-request-id", requestId,
                "--functions-grpc-max-message-length", int.MaxValue.ToString(CultureInfo.InvariantCulture),
            },
            WorkingDirectory = app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // As with Core Tools: the host's own environment reaches the worker; local.settings.json fills what it
        // leaves unset; settings given to this host win over both.
        foreach (var (key, value) in app.LocalSettings.Where(s => !info.Environment.ContainsKey(s.Key)))
        {
            info.Environment[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        // The worker id proves the worker to our event stream. A command line is readable by every local user
        // (/proc/PID/cmdline); the environment only by the worker's own user. The worker reads its configuration
        // from environment variables as well as switches (--functions-worker-id is Functions:Worker:WorkerId).
        info.Environment[WorkerIdVariable] = workerId;
        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Directory;
        info.Environment["AzureWebJobsScriptRoot"] = app.Directory;

        var started = new Process { StartInfo = info, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => Output(started, e.Data, error: false);
        started.ErrorDataReceived += (_, e) => Output(started, e.Data, error: true);
        started.Exited += (_, _) => OnExited(started);
        process = started;
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        LogStarted(started.Id, app.WorkerPath);
    }

    private void OnExited(Process exited)
    {
        if (disposed || !ReferenceEquals(exited, process))
        {
            return;
        }

        int code;
        try
        {
            code = exited.ExitCode;
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            return;
        }

        ExitCode = code;
        Exited?.Invoke(code);
    }

    /// <summary>Lets an earlier process go: killed if it still runs, its output no longer read.</summary>
    private static void Release(Process? earlier)
    {
        if (earlier is null)
        {
            return;
        }

        try
        {
            if (!earlier.HasExited)
            {
                earlier.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }

        earlier.Dispose();
    }

    /// <summary>Waits for the worker to exit by itself; kills it (and its children) when the grace period runs out.</summary>
    public async Task<bool> WaitOrKillAsync(TimeSpan grace)
    {
        if (process is null || process.HasExited)
        {
            return true;
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(grace);
            return true;
        }
        catch (TimeoutException)
        {
            LogKilled(process.Id, grace.TotalSeconds);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return false;
        }
    }

    public void Dispose()
    {
        disposed = true;
        Release(process);
    }

    private void Output(Process from, string? line, bool error)
    {
        if (line is null || disposed || !ReferenceEquals(from, process))
        {
            return;
        }

        if (error)
        {
            LogStandardError(line);
        }
        else
        {
            LogStandardOutput(line);
        }
    }

    [LoggerMessage(LogLevel.Information, "Worker process {ProcessId} started: {WorkerPath}")]
    private partial void LogStarted(int processId, string workerPath);

    [LoggerMessage(LogLevel.Warning, "Worker process {ProcessId} did not exit within {Seconds} s; killed.")]
    private partial void LogKilled(int processId, double seconds);

    [LoggerMessage(LogLevel.Error, "worker stderr: {Line}")]
    private partial void LogStandardError(string line);

    [LoggerMessage(LogLevel.Debug, "worker stdout: {Line}")]
    private partial void LogStandardOutput(string line);
}
