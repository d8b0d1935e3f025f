using System.CommandLine;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Wire;

namespace NetconfCloud.Cli;

/// <summary>Reading the agenda: sessions, one session, and the clashes in it.</summary>
internal static class ReadCommands
{
    public static IEnumerable<Command> All() => [Sessions(), Session(), Clashes()];

    private static Command Sessions()
    {
        var day = new Option<string>("--day") { Description = "Only this day, YYYY-MM-DD." };
        var speaker = new Option<string>("--speaker") { Description = "Only this speaker's sessions (speaker id, e.g. jamal-hadi-salim)." };
        var kind = new Option<string>("--kind") { Description = "Only talks, breaks or meals." };
        kind.AcceptOnlyFromAmong(Enum.GetNames<Schedule.SessionKind>().Select(k => k.ToLowerInvariant()).ToArray());
        var room = new Option<string>("--room") { Description = "Only sessions in this room (room id, as 'netconf rooms' lists them)." };
        var track = new Option<string>("--track") { Description = "Only sessions of this track (track id, as 'netconf tracks' lists them)." };
        var command = new Command("sessions", "List sessions in start order, with local times, speakers and rooms.") { day, speaker, kind, room, track };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var lines = await connection.SessionLineAsync();
            var request = new ListSessionsRequest
            {
                ConferenceId = connection.ConferenceId,
                Day = parse.GetValue(day) ?? "",
                SpeakerId = parse.GetValue(speaker) ?? "",
                Kind = parse.GetValue(kind) is { } named ? WireMapping.ToWire(Enum.Parse<Schedule.SessionKind>(named, ignoreCase: true)) : Contracts.Schedule.V1.SessionKind.Unspecified,
                RoomId = parse.GetValue(room) ?? "",
                TrackId = parse.GetValue(track) ?? "",
            };
            do
            {
                var page = await connection.Client.ListSessionsAsync(request, connection.Call());
                foreach (var s in page.Sessions)
                {
                    await connection.Output.WriteLineAsync(lines.Format(s));
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return 0;
        });
        return command;
    }

    private static Command Session()
    {
        var id = new Argument<string>("id") { Description = "Session id, e.g. bpf-updates." };
        var command = new Command("session", "Show one session in full: local times, room, track, subtitle, language, links.") { id };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var lines = await connection.SessionLineAsync();
            var s = await connection.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = connection.ConferenceId, SessionId = parse.GetValue(id)! }, connection.Call());
            await connection.Output.WriteLineAsync(lines.Format(s));
            foreach (var (label, value) in lines.Details(s).Where(field => field.Value.Length > 0))
            {
                await connection.Output.WriteLineAsync($"  {label,-9} {value}");
            }

            return 0;
        });
        return command;
    }

    private static Command Clashes()
    {
        var command = new Command(
            "clashes",
            "List the agenda's clashes: a speaker in two sessions at once, or two sessions in one room at once (cancelled sessions aside), with local times. Exits 0 either way.");
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var agenda = await connection.ReadAgendaAsync();
            var lines = new SessionLine(WireMapping.ToWire(agenda.Conference));
            var clashes = AgendaClashes.Find(agenda.Sessions).OrderBy(c => c.First.Start).ThenBy(c => c.Second.Start).ThenBy(c => c.Kind).ToArray();
            if (clashes.Length == 0)
            {
                await connection.Output.WriteLineAsync($"no clashes in {agenda.Conference.Id}");
                return 0;
            }

            foreach (var clash in clashes)
            {
                var subject = clash.Kind == ClashKind.Speaker
                    ? $"speaker {clash.First.Speakers.Concat(clash.Second.Speakers).First(s => s.Id == clash.Subject).Name} ({clash.Subject})"
                    : $"room {lines.RoomName(clash.Subject)} ({clash.Subject})";
                await connection.Output.WriteLineAsync($"{subject}: {Describe(clash.First, lines)} and {Describe(clash.Second, lines)}");
            }

            return 0;
        });
        return command;
    }

    private static string Describe(Schedule.Session session, SessionLine lines) =>
        $"{lines.Times(session.Start, session.End)} {(session.HasTitle ? session.Title : "(no title published)")} [{session.Id}]";
}
