using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// ConfClerk (Debian's <c>confclerk</c>, a Qt desktop app that reads frab/Pentabarf <c>schedule.xml</c>) driven
/// without a person: it runs on its own Xvfb display with a throwaway HOME and XDG directories, so it creates a fresh
/// SQLite database; a conference whose URL is the schedule file is added to that database, made active, and the app's
/// own "Reload Conference" shortcut (Ctrl+R, sent with xdotool) makes it fetch and parse the file as it would a
/// conference's URL. When the parse has committed, the app is stopped and what it stored is read back.
/// </summary>
/// <remarks>
/// ConfClerk has no command-line options (its man page says "None"); the reload action reads the active conference
/// from the database when it fires, so no dialog has to be driven.
/// </remarks>
public static class ConfClerk
{
    /// <summary>Set by <c>./test</c> once it has installed the tools: then a missing tool fails the test instead of skipping it.</summary>
    public const string RequiredVariable = "NETCONF_REQUIRE_CONFCLERK";

    private const string Placeholder = "(waiting for ConfClerk to import the schedule)";

    private static readonly string[] Tools = ["confclerk", "Xvfb", "xdotool"];

    /// <summary>The tools this machine lacks to run ConfClerk, as a sentence; null when it has them all.</summary>
    public static string? MissingTools()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "ConfClerk under Xvfb needs Linux";
        }

        var missing = Tools.Where(tool => FindOnPath(tool) is null).ToArray();
        return missing.Length == 0
            ? null
            : $"{string.Join(", ", missing)} not installed (apt-get install confclerk xvfb xdotool; ./test installs them)";
    }

    /// <summary>Has ConfClerk import <paramref name="scheduleXml"/> and returns what it stored.</summary>
    /// <exception cref="TimeoutException">ConfClerk did not store the schedule within <paramref name="timeout"/>.</exception>
    public static async Task<ConfClerkDatabase> ImportAsync(string scheduleXml, TimeSpan timeout)
    {
        var work = Directory.CreateTempSubdirectory("confclerk-");
        using var deadline = new CancellationTokenSource(timeout);
        var log = new StringBuilder();
        Process? xvfb = null;
        Process? app = null;
        try
        {
            var schedule = Path.Combine(work.FullName, "schedule.xml");
            await File.WriteAllTextAsync(schedule, scheduleXml, deadline.Token);

            xvfb = Start("Xvfb", ["-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp"], new Dictionary<string, string>(), log, readOutput: false);
            var display = ":" + (await xvfb.StandardOutput.ReadLineAsync(deadline.Token))?.Trim();
            var environment = IsolatedEnvironment(work.FullName, display);

            app = Start("confclerk", [], environment, log, readOutput: true);
            var window = (await RunAsync("xdotool", ["search", "--sync", "--onlyvisible", "--pid", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment, deadline.Token))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];

            // The window is shown after the app has created its schema, so the database is there to add the conference to.
            var database = Path.Combine(work.FullName, "data", "Toastfreeware", "ConfClerk", "ConfClerk.sqlite");
            await AddActiveConferenceAsync(database, new Uri(schedule).AbsoluteUri);
            await RunAsync("xdotool", ["windowfocus", "--sync", window, "key", "--clearmodifiers", "ctrl+r"], environment, deadline.Token);

            while (!await HasImportedAsync(database))
            {
                if (app.HasExited)
                {
                    throw new InvalidOperationException($"ConfClerk exited with {app.ExitCode} before importing the schedule:\n{log}");
                }

                await Task.Delay(200, deadline.Token);
            }

            Stop(app);
            return await ConfClerkDatabase.ReadAsync(database);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"ConfClerk did not import the schedule within {timeout.TotalSeconds:0} s; it printed:\n{log}");
        }
        finally
        {
            Stop(app);
            Stop(xvfb);
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> IsolatedEnvironment(string root, string display)
    {
        return new Dictionary<string, string>
        {
            ["DISPLAY"] = display,
            ["HOME"] = Directory.CreateDirectory(Path.Combine(root, "home")).FullName,
            ["XDG_DATA_HOME"] = Path.Combine(root, "data"),
            ["XDG_CONFIG_HOME"] = Path.Combine(root, "config"),
            ["XDG_CACHE_HOME"] = Path.Combine(root, "cache"),
            ["QT_QPA_PLATFORM"] = "xcb",
        };
    }

    private static async Task AddActiveConferenceAsync(string database, string url)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO conference (title, start, end, active, url) VALUES ($title, 0, 0, 1, $url)";
        insert.Parameters.AddWithValue("$title", Placeholder);
        insert.Parameters.AddWithValue("$url", url);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>ConfClerk writes the conference's title and its events in one transaction: once both show, the parse is complete.</summary>
    private static async Task<bool> HasImportedAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT (SELECT count(*) FROM conference WHERE title <> $title) > 0 AND (SELECT count(*) FROM event) > 0";
        query.Parameters.AddWithValue("$title", Placeholder);
        return Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    private static Process Start(string tool, string[] arguments, IReadOnlyDictionary<string, string> environment, StringBuilder log, bool readOutput)
    {
        var info = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        process.ErrorDataReceived += (_, line) => Append(log, tool, line.Data);
        process.BeginErrorReadLine();
        if (readOutput)
        {
            process.OutputDataReceived += (_, line) => Append(log, tool, line.Data);
            process.BeginOutputReadLine();
        }

        return process;
    }

    private static void Append(StringBuilder log, string tool, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.Append(tool).Append(": ").AppendLine(line);
            }
        }
    }

    private static async Task<string> RunAsync(string tool, string[] arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellation)
    {
        var log = new StringBuilder();
        using var process = Start(tool, arguments, environment, log, readOutput: false);
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(cancellation);
            await process.WaitForExitAsync(cancellation);
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{log}");
        }
        finally
        {
            Stop(process);
        }
    }

    private static void Stop(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}

/// <summary>What ConfClerk stored for the one conference it imported: its events (with room) and its event–person links.</summary>
public sealed record ConfClerkDatabase(IReadOnlyDictionary<int, ConfClerkEvent> Events, IReadOnlyList<ConfClerkSpeakerLink> SpeakerLinks)
{
    public static async Task<ConfClerkDatabase> ReadAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();

        var events = new Dictionary<int, ConfClerkEvent>();
        await using (var query = connection.CreateCommand())
        {
            // start: ConfClerk's "timezone-less timestamp", the conference's clock time counted as if it were UTC.
            query.CommandText = """
                SELECT e.id, e.start, e.duration, e.title, group_concat(r.name, ' | ')
                FROM event e
                LEFT JOIN event_room er ON er.xid_conference = e.xid_conference AND er.xid_event = e.id
                LEFT JOIN room r ON r.id = er.xid_room
                GROUP BY e.xid_conference, e.id
                """;
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt32(0);
                events[id] = new ConfClerkEvent(
                    id,
                    DateTime.SpecifyKind(DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1)).DateTime, DateTimeKind.Unspecified),
                    TimeSpan.FromSeconds(reader.GetInt64(2)),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        var links = new List<ConfClerkSpeakerLink>();
        await using (var query = connection.CreateCommand())
        {
            query.CommandText = """
                SELECT ep.xid_event, ep.xid_person, p.name
                FROM event_person ep
                LEFT JOIN person p ON p.xid_conference = ep.xid_conference AND p.id = ep.xid_person
                """;
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                links.Add(new ConfClerkSpeakerLink(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        return new ConfClerkDatabase(events, links);
    }
}

public sealed record ConfClerkEvent(int Id, DateTime ClockStart, TimeSpan Duration, string Title, string? Room);

public sealed record ConfClerkSpeakerLink(int EventId, int PersonId, string? PersonName);
