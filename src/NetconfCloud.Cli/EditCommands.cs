using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using ConferenceTimeZone = NetconfCloud.Schedule.ConferenceTimeZone;

namespace NetconfCloud.Cli;

/// <summary>Changing sessions: move, retitle, cancel, restore. Each reads the session and writes with its etag.</summary>
internal static class EditCommands
{
    public static IEnumerable<Command> All() => [Move(), Retitle(), Cancel(), Restore()];

    private static Command Move()
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var start = new Option<string>("--start") { Description = "New start, local time: 'YYYY-MM-DD HH:mm', or 'HH:mm' on the same day.", Required = true };
        var minutes = new Option<int?>("--minutes") { Description = "New length in minutes (default: keep it)." };
        var command = new Command("move", "Move a session to another time (its length is kept unless --minutes is given).") { id, start, minutes };
        command.SetAction((parse, ct) => UpdateAsync(parse, parse.GetValue(id)!, "start_time,end_time", (current, zone) =>
        {
            var newStart = LocalTime(parse.GetValue(start)!, zone, zone.DayOf(current.StartTime.ToDateTimeOffset()));
            var length = parse.GetValue(minutes) is { } m ? TimeSpan.FromMinutes(m) : current.EndTime.ToDateTimeOffset() - current.StartTime.ToDateTimeOffset();
            return new Session { StartTime = Timestamp.FromDateTimeOffset(newStart), EndTime = Timestamp.FromDateTimeOffset(newStart + length) };
        }, ct));
        return command;
    }

    private static Command Retitle()
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var title = new Argument<string>("title") { Description = "The new title." };
        var command = new Command("retitle", "Change a session's title.") { id, title };
        command.SetAction((parse, ct) => UpdateAsync(parse, parse.GetValue(id)!, "title", (_, _) => new Session { Title = parse.GetValue(title)! }, ct));
        return command;
    }

    private static Command Cancel()
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var command = new Command("cancel", "Cancel a session (it stays on the agenda as cancelled; calendars remove it).") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var lines = await connection.SessionLineAsync();
            var current = await connection.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = connection.ConferenceId, SessionId = parse.GetValue(id)! }, connection.Call());
            var cancelled = await connection.Client.CancelSessionAsync(
                new CancelSessionRequest { ConferenceId = connection.ConferenceId, SessionId = current.Id, Etag = current.Etag }, connection.Call());
            await connection.Output.WriteLineAsync(lines.Format(cancelled));
            return 0;
        });
        return command;
    }

    private static Command Restore()
    {
        var id = new Argument<string>("id") { Description = "Session id." };
        var command = new Command("restore", "Restore a cancelled session.") { id };
        command.SetAction((parse, ct) => UpdateAsync(parse, parse.GetValue(id)!, "status", (_, _) => new Session { Status = SessionStatus.Scheduled }, ct));
        return command;
    }

    /// <summary>Reads the session, applies <paramref name="change"/> to the fields in <paramref name="mask"/> with its etag, prints the result.</summary>
    private static async Task<int> UpdateAsync(ParseResult parse, string id, string mask, Func<Session, ConferenceTimeZone, Session> change, CancellationToken ct)
    {
        using var connection = new Connection(parse, ct);
        var lines = await connection.SessionLineAsync();
        var current = await connection.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = connection.ConferenceId, SessionId = id }, connection.Call());
        var session = change(current, lines.Zone);
        session.Id = current.Id;
        session.Etag = current.Etag;
        var changed = await connection.Client.UpdateSessionAsync(
            new UpdateSessionRequest { ConferenceId = connection.ConferenceId, Session = session, UpdateMask = FieldMask.FromString(mask) }, connection.Call());
        await connection.Output.WriteLineAsync(lines.Format(changed));
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
}
