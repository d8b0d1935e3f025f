using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Client;
using NetconfCloud.Schedule.Seed;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>A command line that cannot be carried out as given (exit code 2).</summary>
public sealed class CommandLineException(string message) : Exception(message);

/// <summary>The commands that change the agenda or move it in and out, and the development token.</summary>
public static partial class NetconfCommand
{
    private static readonly Option<string> Token = new("--token")
    {
        Description = "Bearer token for commands that change the agenda (env NETCONF_TOKEN).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETCONF_TOKEN") ?? "",
        Recursive = true,
    };

    private static IEnumerable<Command> WriteCommands()
    {
        yield return TokenCommand();
        yield return MoveCommand();
        yield return RetitleCommand();
        yield return StatusCommand("cancel", "Cancel a session (it stays on the agenda as cancelled; calendars remove it).", Proto.SessionStatus.Cancelled);
        yield return StatusCommand("restore", "Restore a cancelled session.", Proto.SessionStatus.Scheduled);
        yield return ExportCommand();
        yield return ImportCommand();
        yield return WatchCommand();
    }

    private static Command TokenCommand()
    {
        var name = new Option<string>("--name") { Description = "Who the token names (the change log's actor).", DefaultValueFactory = _ => Environment.UserName };
        var readOnly = new Option<bool>("--read-only") { Description = "A token without the write permission." };
        var hours = new Option<int>("--hours") { Description = "Lifetime in hours.", DefaultValueFactory = _ => 12 };
        var command = new Command("token", "Mint a development token (accepted only by a service running in Development).") { name, readOnly, hours };
        command.SetAction(async parse =>
        {
            await parse.InvocationConfiguration.Output.WriteLineAsync(DevelopmentTokens.Mint(parse.GetValue(name)!, !parse.GetValue(readOnly), TimeSpan.FromHours(parse.GetValue(hours))));
            return 0;
        });
        return command;
    }

    private static Command MoveCommand()
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var start = new Option<string>("--start") { Description = "New start, local time: 'YYYY-MM-DD HH:mm', or 'HH:mm' on the same day.", Required = true };
        var minutes = new Option<int?>("--minutes") { Description = "New length in minutes (default: keep it)." };
        var command = new Command("move", "Move a session to another time (its length is kept unless --minutes is given).") { id, start, minutes };
        command.SetAction((parse, ct) => ChangeAsync(parse, parse.GetValue(id)!, "start_time,end_time", (current, zone) =>
        {
            var newStart = LocalTime(parse.GetValue(start)!, zone, zone.DayOf(current.StartTime.ToDateTimeOffset()));
            var length = parse.GetValue(minutes) is { } m ? TimeSpan.FromMinutes(m) : current.EndTime.ToDateTimeOffset() - current.StartTime.ToDateTimeOffset();
            return new Proto.Session { StartTime = Timestamp.FromDateTimeOffset(newStart), EndTime = Timestamp.FromDateTimeOffset(newStart + length) };
        }, ct));
        return command;
    }

    private static Command RetitleCommand()
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var title = new Argument<string>("title") { Description = "The new title." };
        var command = new Command("retitle", "Change a session's title.") { id, title };
        command.SetAction((parse, ct) => ChangeAsync(parse, parse.GetValue(id)!, "title", (_, _) => new Proto.Session { Title = parse.GetValue(title)! }, ct));
        return command;
    }

    private static Command StatusCommand(string name, string description, Proto.SessionStatus status)
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var command = new Command(name, description) { id };
        command.SetAction((parse, ct) => ChangeAsync(parse, parse.GetValue(id)!, "status", (_, _) => new Proto.Session { Status = status }, ct));
        return command;
    }

    private static Command ExportCommand()
    {
        var file = new Option<FileInfo>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export the agenda as JSON in the seed file's format.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var conference = await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = conferenceId }, Call(ct));
            var agenda = await AgendaReader.ReadAsync(client, conference, Call, ct);
            using var buffer = new MemoryStream();
            AgendaSeed.Write(agenda, buffer);
            if (parse.GetValue(file) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, buffer.ToArray(), ct);
            }
            else
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }

            return 0;
        });
        return command;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "An agenda in the seed file's format (as export writes it)." };
        var command = new Command("import", "Make the agenda's sessions match a file: create the missing ones, update the changed ones. Sessions not in the file are left alone.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
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

            if (wanted.Conference.Id != conferenceId)
            {
                throw new CommandLineException($"{path.Name} is the agenda of '{wanted.Conference.Id}', not of '{conferenceId}'.");
            }

            var conference = await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = conferenceId }, Call(ct));
            var current = (await AgendaReader.ReadAsync(client, conference, Call, ct)).Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var (created, updated, unchanged) = (0, 0, 0);
            foreach (var session in wanted.Sessions)
            {
                if (!current.TryGetValue(session.Id, out var existing))
                {
                    await client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = conferenceId, Session = ToProto(session) }, Call(ct));
                    created++;
                    continue;
                }

                var mask = Differences(existing, session);
                if (mask.Paths.Count == 0)
                {
                    unchanged++;
                    continue;
                }

                var change = ToProto(session);
                change.Etag = existing.ETag;
                await client.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = conferenceId, Session = change, UpdateMask = mask }, Call(ct));
                updated++;
            }

            var untouched = current.Keys.Except(wanted.Sessions.Select(s => s.Id), StringComparer.Ordinal).Count();
            await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"created {created}, updated {updated}, unchanged {unchanged}, left alone (not in the file) {untouched}"));
            return 0;
        });
        return command;
    }

    private static Command WatchCommand()
    {
        var after = new Option<long>("--after") { Description = "Show changes after this agenda version (0: the whole log first)." };
        var count = new Option<int?>("--count") { Description = "Stop after this many changes (default: until Ctrl+C)." };
        var command = new Command("watch", "Print changes to the agenda as they happen.") { after, count };
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var zone = await ZoneAsync(client, conferenceId, ct);
            using var watch = client.WatchSchedule(new WatchScheduleRequest { ConferenceId = conferenceId, AfterVersion = parse.GetValue(after) }, cancellationToken: ct);
            var left = parse.GetValue(count) ?? int.MaxValue;
            try
            {
                while (left-- > 0 && await watch.ResponseStream.MoveNext(ct))
                {
                    var c = watch.ResponseStream.Current;
                    await parse.InvocationConfiguration.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"v{c.AgendaVersion} {c.Kind.ToString().ToLowerInvariant()} by {c.Actor} at {c.ChangeTime.ToDateTimeOffset():u}: {Line(c.Session, zone)}"));
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads the session, applies <paramref name="change"/> to the fields in <paramref name="mask"/> with its etag, prints the result.</summary>
    private static async Task<int> ChangeAsync(ParseResult parse, string id, string mask, Func<Proto.Session, ConferenceTimeZone, Proto.Session> change, CancellationToken ct)
    {
        var (client, conferenceId) = Connect(parse);
        var zone = await ZoneAsync(client, conferenceId, ct);
        var current = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = conferenceId, SessionId = id }, Call(ct));
        var session = change(current, zone);
        session.Id = current.Id;
        session.Etag = current.Etag;
        var changed = await client.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = conferenceId, Session = session, UpdateMask = FieldMask.FromString(mask) }, Call(ct));
        await parse.InvocationConfiguration.Output.WriteLineAsync(Line(changed, zone));
        return 0;
    }

    private static DateTimeOffset LocalTime(string text, ConferenceTimeZone zone, DateOnly sameDay)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return zone.ToInstant(DateOnly.FromDateTime(full), TimeOnly.FromDateTime(full));
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return zone.ToInstant(sameDay, time);
        }

        throw new CommandLineException($"'{text}' is not a time as 'YYYY-MM-DD HH:mm' or 'HH:mm'.");
    }

    private static Proto.Session ToProto(Schedule.Session s) => new()
    {
        Id = s.Id,
        Kind = s.Kind switch
        {
            Schedule.SessionKind.Break => Proto.SessionKind.Break,
            Schedule.SessionKind.Meal => Proto.SessionKind.Meal,
            _ => Proto.SessionKind.Talk,
        },
        Title = s.Title,
        Abstract = s.Abstract,
        Notes = s.Notes,
        SpeakerIds = { s.Speakers.Select(r => r.Id) },
        StartTime = Timestamp.FromDateTimeOffset(s.Start),
        EndTime = Timestamp.FromDateTimeOffset(s.End),
        SlideCount = s.SlideCount,
        Status = s.Status == Schedule.SessionStatus.Cancelled ? Proto.SessionStatus.Cancelled : Proto.SessionStatus.Scheduled,
    };

    private static FieldMask Differences(Schedule.Session current, Schedule.Session wanted)
    {
        var mask = new FieldMask();
        void Add(bool differs, string path)
        {
            if (differs)
            {
                mask.Paths.Add(path);
            }
        }

        Add(current.Kind != wanted.Kind, "kind");
        Add(current.Title != wanted.Title, "title");
        Add(current.Abstract != wanted.Abstract, "abstract");
        Add(current.Notes != wanted.Notes, "notes");
        Add(!current.Speakers.Select(s => s.Id).SequenceEqual(wanted.Speakers.Select(s => s.Id)), "speaker_ids");
        Add(current.Start != wanted.Start, "start_time");
        Add(current.End != wanted.End, "end_time");
        Add(current.SlideCount != wanted.SlideCount, "slide_count");
        Add(current.Status != wanted.Status, "status");
        return mask;
    }
}
