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
        var command = new Command("watch", "Print changes to the agenda as they happen.") { after, count };
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
                    var c = watch.ResponseStream.Current;
                    await connection.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"v{c.AgendaVersion} {c.Kind.ToString().ToLowerInvariant()} by {c.Actor} at {c.ChangeTime.ToDateTimeOffset():u}: {lines.Format(c.Session)}"));
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }

            return 0;
        });
        return command;
    }
}
