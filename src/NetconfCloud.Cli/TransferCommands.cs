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
        var file = new Argument<FileInfo>("file") { Description = "An agenda in the seed file's format (as export writes it)." };
        var command = new Command("import", "Make the agenda's sessions match a file: create the missing ones, update the changed ones. Sessions not in the file are left alone.") { file };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var path = parse.GetValue(file)!;
            AgendaSnapshot wanted;
            try
            {
                await using var stream = path.OpenRead();
                wanted = AgendaSeed.Load(stream, DateTimeOffset.UtcNow);
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException or AgendaException)
            {
                throw new CommandLineException($"{path.Name} is not an agenda file: {e.Message}");
            }

            if (wanted.Conference.Id != connection.ConferenceId)
            {
                throw new CommandLineException($"{path.Name} is the agenda of '{wanted.Conference.Id}', not of '{connection.ConferenceId}'.");
            }

            var current = (await connection.ReadAgendaAsync()).Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var (created, updated, unchanged) = (0, 0, 0);
            foreach (var session in wanted.Sessions)
            {
                if (!current.TryGetValue(session.Id, out var existing))
                {
                    await connection.Client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = connection.ConferenceId, Session = WireMapping.ToWireFields(session) }, connection.Call());
                    created++;
                    continue;
                }

                var mask = EditableSessionFields.Differences(existing, session);
                if (mask.Paths.Count == 0)
                {
                    unchanged++;
                    continue;
                }

                var change = WireMapping.ToWireFields(session);
                change.Etag = existing.ETag;
                await connection.Client.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = connection.ConferenceId, Session = change, UpdateMask = mask }, connection.Call());
                updated++;
            }

            var untouched = current.Keys.Except(wanted.Sessions.Select(s => s.Id), StringComparer.Ordinal).Count();
            await connection.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"created {created}, updated {updated}, unchanged {unchanged}, left alone (not in the file) {untouched}"));
            return 0;
        });
        return command;
    }
}
