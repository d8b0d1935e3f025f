using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>Following the change log as it grows.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var after = new Option<long>("--after") { Description = "Show changes after this agenda version (0: the whole log first)." };
        var count = new Option<int?>("--count") { Description = "Stop after this many changes (default: until Ctrl+C)." };
        var command = new Command("watch", "Print changes to the agenda as they happen: sessions with their local times, other changes (imports, speakers, sponsors, the conference) by what they changed.") { after, count };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var lines = await connection.SessionLineAsync();
            using var watch = connection.Client.WatchSchedule(new WatchScheduleRequest { ConferenceId = connection.ConferenceId, AfterVersion = parse.GetValue(after) }, cancellationToken: ct);
            var left = parse.GetValue(count) ?? int.MaxValue;
            try
            {
                while (left-- > 0 && await watch.ResponseStream.MoveNext(ct))
                {
                    await connection.Output.WriteLineAsync(Describe(watch.ResponseStream.Current, lines));
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// One change on one line: a change to a session shows the session as it became; any other change (an import, a
    /// speaker, a sponsor, the conference) shows what it changed and its summary.
    /// </summary>
    private static string Describe(ScheduleChange c, SessionLine lines)
    {
        var what = c.Session is { } session
            ? lines.Format(session)
            : c.Summary.Length > 0 ? $"{c.Subject}: {c.Summary}" : c.Subject;
        return string.Create(CultureInfo.InvariantCulture, $"v{c.AgendaVersion} {c.Kind.ToString().ToLowerInvariant()} by {c.Actor} at {c.ChangeTime.ToDateTimeOffset():u}: {what}");
    }
}
