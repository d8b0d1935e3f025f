using System.CommandLine;
using System.Globalization;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Seed;
using NetconfCloud.Schedule.Wire;

namespace NetconfCloud.Cli;

/// <summary>Moving an agenda in and out: export to the seed file's format, import from it.</summary>
internal static class TransferCommands
{
    public static IEnumerable<Command> All() => [Export(), Import()];

    private static Command Export()
    {
        var file = new Option<FileInfo>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export the agenda as JSON in the seed file's format.") { file };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var agenda = await connection.ReadAgendaAsync();
            using var buffer = new MemoryStream();
            AgendaSeed.Write(agenda, buffer);
            if (parse.GetValue(file) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, buffer.ToArray(), ct);
            }
            else
            {
                await connection.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }

            return 0;
        });
        return command;
    }

    private static Command Import()
    {
        var source = new Argument<string>("source") { Description = "A schedule file or http(s) URL: frab schedule.xml, c3voc schedule.json, or the seed format (as export writes it)." };
        var format = new Option<string?>("--format") { Description = "frab, c3voc or seed; read from the file when not given." };
        format.AcceptOnlyFromAmong("frab", "c3voc", "seed");
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; change nothing." };
        var keepMissing = new Option<bool>("--keep-missing") { Description = "Leave sessions that are not in the source alone (else they are cancelled)." };
        var zone = new Option<string?>("--time-zone") { Description = "The conference's IANA time zone, for a file that names none." };
        var warningsFile = new Option<string?>("--warnings") { Description = "Write every warning (the file's and the plan's) to this file, one a line; - for standard output." };
        var command = new Command("import", "Apply a whole schedule to the conference (--conference), creating it if needed. Prints what will change, then applies it.")
        {
            source, format, dryRun, keepMissing, zone, warningsFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var name = parse.GetValue(source)!;
            var bytes = await ScheduleSource.ReadAsync(name, ct);
            var warningsTo = parse.GetValue(warningsFile);
            var (incoming, readWarnings) = await ScheduleSource.ParseAsync(bytes, name, parse.GetValue(format), parse.GetValue(zone), connection.ConferenceId, connection.Error, listAll: warningsTo is not null);
            var options = new ImportOptions(parse.GetValue(keepMissing), ValidateOnly: true);

            var plan = await ImportAsync(connection, incoming, options);
            await connection.Output.WriteLineAsync(Describe(plan, connection.ConferenceId, applied: false));
            if (warningsTo is not null)
            {
                await WriteWarningsAsync(warningsTo, readWarnings, plan, connection.Output, ct);
            }
            if (parse.GetValue(dryRun))
            {
                await connection.Output.WriteLineAsync("dry run: nothing was changed");
                return 0;
            }

            // Applied even when the plan counts no session or speaker changes: the plan does not count changes to
            // the details, rooms, tracks or sponsors, and an import that changes nothing writes nothing.

            var done = await ImportAsync(connection, incoming, options with { ValidateOnly = false });
            await connection.Output.WriteLineAsync(done.Applied
                ? string.Create(CultureInfo.InvariantCulture, $"applied: {connection.ConferenceId} is now at agenda version {done.AgendaVersion}")
                : "nothing to apply: the agenda already matches");
            return 0;
        });
        return command;
    }

    private static Task<ImportAgendaResponse> ImportAsync(Connection connection, IncomingAgenda incoming, ImportOptions options) =>
        connection.Client.ImportAgendaAsync(connection.ConferenceId, incoming, options, connection.Call(TimeSpan.FromMinutes(5)));

    private static string Describe(ImportAgendaResponse plan, string conferenceId, bool applied)
    {
        var text = new System.Text.StringBuilder();
        var verb = applied ? "" : "will ";
        text.AppendLine(CultureInfo.InvariantCulture, $"{conferenceId}{(plan.ConferenceCreated ? " (new conference)" : "")}: sessions {verb}create {plan.CreatedSessionIds.Count}, {verb}update {plan.UpdatedSessionIds.Count}, {verb}cancel {plan.CancelledSessionIds.Count}, untouched {plan.UnchangedSessionCount}; speakers new {plan.CreatedSpeakerIds.Count}, updated {plan.UpdatedSpeakerIds.Count}");
        if (plan.ConferenceChanged || plan.SponsorsChanged)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {verb}change {string.Join(" and ", new[] { plan.ConferenceChanged ? "the conference's details (rooms, tracks, days, ...)" : "", plan.SponsorsChanged ? "the sponsors" : "" }.Where(t => t.Length > 0))}");
        }

        AppendIds(text, "updated", plan.UpdatedSessionIds);
        foreach (var session in plan.SessionChanges.GroupBy(c => c.SessionId).Take(MaxListed))
        {
            foreach (var change in session)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {change.SessionId}.{change.Field}: {Short(change.Before)} → {Short(change.After)}");
            }
        }

        AppendIds(text, "cancelled", plan.CancelledSessionIds);
        if (plan.WarningCount > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"warnings ({plan.WarningCount}): kept as published, listed by 'netconf clashes'");
            foreach (var warning in plan.Warnings.Take(MaxListed))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {warning.Path}{(warning.SourceLocation.Length > 0 ? $" (at {warning.SourceLocation})" : "")}: {warning.Message}");
            }

            if (plan.WarningCount > MaxListed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {plan.WarningCount - MaxListed} more");
            }
        }

        return text.ToString().TrimEnd();
    }

    private const int MaxListed = 20;

    /// <summary>Every warning, one a line: the file's (as read here, all of them) and the plan's (as many as the service lists, with their count).</summary>
    private static async Task WriteWarningsAsync(string path, IReadOnlyList<string> read, ImportAgendaResponse plan, TextWriter output, CancellationToken cancellationToken)
    {
        var lines = read.Concat(plan.Warnings.Select(w => $"{w.Path}{(w.SourceLocation.Length > 0 ? $" (at {w.SourceLocation})" : "")}: {w.Message}")).ToList();
        if (plan.WarningCount > plan.Warnings.Count)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"... and {plan.WarningCount - plan.Warnings.Count} more clashes: 'netconf clashes' lists every clash once imported"));
        }

        if (path == "-")
        {
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }

            return;
        }

        await File.WriteAllLinesAsync(path, lines, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{lines.Count} warnings written to {path}"));
    }

    /// <summary>A value on one line, cut to 80 characters.</summary>
    private static string Short(string value)
    {
        var line = string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? "(empty)" : line.Length <= 80 ? $"'{line}'" : $"'{line[..79]}…'";
    }

    private static void AppendIds(System.Text.StringBuilder text, string what, Google.Protobuf.Collections.RepeatedField<string> ids)
    {
        if (ids.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {what}: {string.Join(", ", ids.Take(MaxListed))}{(ids.Count > MaxListed ? $", ... ({ids.Count - MaxListed} more)" : "")}");
        }
    }
}
