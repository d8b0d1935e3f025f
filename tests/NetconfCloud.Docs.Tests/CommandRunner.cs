using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetconfCloud.Docs.Tests;

/// <summary>
/// Runs the commands of one file's runnable blocks, in order, in one bash (so an <c>export</c> holds for the rest of
/// the file), in the local system's working directory with its ports put in for the documented ones. It stops at the
/// first command that ends with another exit code than the one it expects, or whose shown output does not appear.
/// </summary>
public static partial class CommandRunner
{
    /// <summary>How long a command whose comment mentions Ctrl+C runs before it is interrupted.</summary>
    public static readonly TimeSpan UntilStopped = TimeSpan.FromSeconds(20);

    /// <summary>How long such a command with output shown under it may take to print that output; it is stopped once it has.</summary>
    public static readonly TimeSpan UntilShown = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan FileTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The problems found, each naming the file and line of the command (empty when every command did as shown).</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(LocalSystem system, IReadOnlyList<DocumentedCommand> commands)
    {
        var problems = new List<string>();
        var toRun = new List<DocumentedCommand>();
        foreach (var command in commands)
        {
            if (OfflineChecks.IsNeverRun(command))
            {
                problems.AddRange(OfflineChecks.Check(command));
            }
            else
            {
                toRun.Add(command);
            }
        }

        if (toRun.Count == 0)
        {
            return problems;
        }

        var output = await RunScriptAsync(system, Script(system, toRun));
        var results = Results(output);
        for (var i = 0; i < toRun.Count; i++)
        {
            var command = toRun[i];
            if (!results.TryGetValue(i, out var result))
            {
                problems.Add($"{command.Where}: did not run to its end (in: {command.Text}){Environment.NewLine}{Tail(output)}");
                break;
            }

            if (result.ExitCode != command.ExpectedExitCode)
            {
                problems.Add($"{command.Where}: exited {result.ExitCode}, expected {command.ExpectedExitCode} (in: {command.Text}){Environment.NewLine}{Tail(result.Output)}");
                break;
            }

            var missing = command.ExpectedOutput.Select(system.Localise).Where(line => !Shows(result.Output, line)).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"{command.Where}: the output shown is not what it printed; missing: {string.Join(" | ", missing)} (in: {command.Text}){Environment.NewLine}{Tail(result.Output)}");
                break;
            }
        }

        return problems;
    }

    /// <summary>
    /// True when a shown output line appears in what the command printed. Blank lines and <c>...</c> match anything;
    /// a line with <c>...</c> or <c>…</c> inside matches a printed line holding the parts around it, in order.
    /// </summary>
    public static bool Shows(string printed, string shown)
    {
        var parts = Parts(shown);
        if (parts.Count == 0)
        {
            return true;
        }

        return printed.ReplaceLineEndings("\n").Split('\n').Any(line =>
        {
            var at = 0;
            foreach (var part in parts)
            {
                var found = line.IndexOf(part, at, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }

                at = found + part.Length;
            }

            return true;
        });
    }

    private static string Script(LocalSystem system, List<DocumentedCommand> commands)
    {
        var script = new StringBuilder();
        script.AppendLine("exec 2>&1 </dev/null");
        script.AppendLine("set -o pipefail");
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            var text = system.Localise(command.Text);
            script.AppendLine(CultureInfo.InvariantCulture, $"printf '\\n@@begin {i}\\n'");
            if (command.RunsUntilStopped && command.ExpectedOutput.Any(line => Parts(system.Localise(line)).Count > 0))
            {
                // Runs until what the block shows has appeared (or UntilShown has passed), then is stopped: timeout passes
                // the SIGTERM on to the command (a background job ignores SIGINT) and kills its process group 5 s later
                // if it lingers. Stopped by us once its output was there, it did its part.
                var shown = command.ExpectedOutput.SelectMany(line => Parts(system.Localise(line)))
                    .Select(part => $"grep -qF -- {Quote(part)} \"$__out\"");
                script.AppendLine("__out=$(mktemp)");
                script.AppendLine(CultureInfo.InvariantCulture, $"timeout -k 5 -s INT {UntilShown.TotalSeconds} bash -c {Quote(text)} >\"$__out\" 2>&1 &");
                script.AppendLine("__pid=$!; __stopped=0");
                script.AppendLine("while kill -0 \"$__pid\" 2>/dev/null; do");
                script.AppendLine(CultureInfo.InvariantCulture, $"  if {string.Join(" && ", shown)}; then __stopped=1; kill -TERM \"$__pid\"; break; fi");
                script.AppendLine("  sleep 0.2");
                script.AppendLine("done");
                script.AppendLine("wait \"$__pid\"; __rc=$?; cat \"$__out\"; rm -f \"$__out\"");
                script.AppendLine("{ [ \"$__stopped\" -eq 1 ] || [ \"$__rc\" -eq 124 ]; } && __rc=0");
            }
            else if (command.RunsUntilStopped)
            {
                // timeout signals the command's whole process group, then kills what is left 5 s later; 124 says it
                // was still running when stopped, which is what such a command should be.
                script.AppendLine(CultureInfo.InvariantCulture, $"timeout -k 5 -s INT {UntilStopped.TotalSeconds} bash -c {Quote(text)}");
                script.AppendLine("__rc=$?; [ \"$__rc\" -eq 124 ] && __rc=0");
            }
            else
            {
                script.AppendLine(text);
                script.AppendLine("__rc=$?");
            }

            script.AppendLine(CultureInfo.InvariantCulture, $"printf '\\n@@end {i} %d\\n' \"$__rc\"");
            script.AppendLine(CultureInfo.InvariantCulture, $"[ \"$__rc\" -eq {command.ExpectedExitCode} ] || exit 0");
        }

        return script.ToString();
    }

    private static async Task<string> RunScriptAsync(LocalSystem system, string script)
    {
        var file = Path.Combine(system.WorkingDirectory, $".docs-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(file, script);
        var info = new ProcessStartInfo("bash", [file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = system.WorkingDirectory,
        };
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("NETCONF_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in system.Environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(FileTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        finally
        {
            File.Delete(file);
        }

        return await output + await error;
    }

    private static Dictionary<int, (int ExitCode, string Output)> Results(string output)
    {
        var results = new Dictionary<int, (int, string)>();
        var current = new StringBuilder();
        foreach (var line in output.ReplaceLineEndings("\n").Split('\n'))
        {
            if (Begin().Match(line) is { Success: true })
            {
                current.Clear();
            }
            else if (End().Match(line) is { Success: true } end)
            {
                results[int.Parse(end.Groups["index"].Value, CultureInfo.InvariantCulture)] =
                    (int.Parse(end.Groups["code"].Value, CultureInfo.InvariantCulture), current.ToString());
            }
            else
            {
                current.AppendLine(line);
            }
        }

        return results;
    }

    private static List<string> Parts(string shown) => [.. Elision().Split(shown.Trim()).Where(p => p.Length > 0)];

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string Tail(string output)
    {
        var lines = output.Trim().ReplaceLineEndings("\n").Split('\n');
        return string.Join(Environment.NewLine, lines.TakeLast(30).Select(l => "  | " + l));
    }

    [GeneratedRegex(@"^@@begin (?<index>\d+)$")]
    private static partial Regex Begin();

    [GeneratedRegex(@"^@@end (?<index>\d+) (?<code>\d+)$")]
    private static partial Regex End();

    [GeneratedRegex(@"\.\.\.|…")]
    private static partial Regex Elision();
}
