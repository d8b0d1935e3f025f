using System.Diagnostics;
using System.Text;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// A published app started with <c>dotnet app.dll</c> in its folder (as the image's ENTRYPOINT does) and with exactly
/// the environment given: nothing is inherited from the test run but what finds the dotnet host (PATH, HOME,
/// DOTNET_ROOT).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private static readonly string[] Inherited = ["PATH", "HOME", "DOTNET_ROOT"];

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> awaited = [];

    private AppProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Waits for the app to exit by itself and gives its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    public static AppProcess Start(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                info.Environment[name] = value;
            }
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var app = new AppProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        app.process.OutputDataReceived += (_, e) => app.Record(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Record(e.Data);
        app.process.Exited += (_, _) => app.Fail();
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Completes when the app writes a line containing <paramref name="text"/>; fails if it exits first.</summary>
    public Task WhenOutputContains(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            if (output.ToString().Contains(text, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }

            awaited.Add((text, seen));
        }

        if (process.HasExited)
        {
            Fail();
        }

        return seen.Task;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
            foreach (var (text, seen) in awaited.Where(a => line.Contains(a.Text, StringComparison.Ordinal)))
            {
                seen.TrySetResult();
            }
        }
    }

    private void Fail()
    {
        lock (output)
        {
            foreach (var (_, seen) in awaited)
            {
                seen.TrySetException(new InvalidOperationException($"The app exited: {output}"));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
