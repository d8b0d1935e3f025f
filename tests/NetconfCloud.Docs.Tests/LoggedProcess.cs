using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NetconfCloud.Docs.Tests;

/// <summary>A process whose output goes to a log file (as ./run's do) and can be waited on.</summary>
internal sealed class LoggedProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly StringBuilder output = new();
    private readonly List<(Regex Pattern, TaskCompletionSource Seen)> awaited = [];
    private bool closed;

    private LoggedProcess(Process process, StreamWriter log)
    {
        this.process = process;
        this.log = log;
    }

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

    public static LoggedProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logFile, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var started = new LoggedProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, new StreamWriter(logFile) { AutoFlush = true });
        started.process.OutputDataReceived += (_, e) => started.Record(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Record(e.Data);
        started.process.Exited += (_, _) => started.Fail();
        started.process.Start();
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Completes when a line matches <paramref name="pattern"/>; fails when the process exits first.</summary>
    public Task WhenOutputMatches(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            if (regex.IsMatch(output.ToString()))
            {
                seen.TrySetResult();
            }

            awaited.Add((regex, seen));
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
            if (!closed)
            {
                log.WriteLine(line);
            }

            foreach (var (pattern, seen) in awaited.Where(a => a.Pattern.IsMatch(line)))
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
                seen.TrySetException(new InvalidOperationException($"{process.StartInfo.FileName} exited: {output}"));
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
        lock (output)
        {
            closed = true;
            log.Dispose();
        }
    }
}
