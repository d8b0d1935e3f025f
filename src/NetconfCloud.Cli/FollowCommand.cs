using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;

namespace NetconfCloud.Cli;

/// <summary>
/// <c>netconf follow URL [--every 10m]</c>: the service fetches the organisers' published schedule and imports it on
/// its own; <c>netconf follow --stop</c> ends that. <c>netconf conference</c> shows how it goes (<see cref="Describe"/>).
/// </summary>
internal static partial class FollowCommand
{
    public static Command Create()
    {
        var url = new Argument<string?>("url") { Description = "The published schedule: frab schedule.xml or c3voc schedule.json, an https URL.", Arity = ArgumentArity.ZeroOrOne };
        var every = new Option<string?>("--every") { Description = "How often it is fetched, e.g. 10m, 1h, 90s (default 10m, at least 1m)." };
        var stop = new Option<bool>("--stop") { Description = "Stop following; the agenda stays as it is." };
        var command = new Command("follow", "Follow the conference's (--conference) published schedule: the service fetches it every interval and imports what changed. Needs a token.")
        {
            url, every, stop,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var connection = new Connection(parse, ct);
            var source = parse.GetValue(url);
            Contracts.Schedule.V1.Conference conference;
            if (parse.GetValue(stop))
            {
                if (source is not null)
                {
                    throw new CommandLineException("--stop takes no URL.");
                }

                conference = await connection.Client.StopFollowingAsync(new StopFollowingRequest { ConferenceId = connection.ConferenceId }, connection.Call());
                await connection.Output.WriteLineAsync($"{conference.Id} follows no source; its agenda stays at version {conference.AgendaVersion.ToString(CultureInfo.InvariantCulture)}");
                return 0;
            }

            if (source is null)
            {
                throw new CommandLineException("give the schedule's URL, or --stop.");
            }

            var request = new FollowSourceRequest { ConferenceId = connection.ConferenceId, Url = source };
            if (parse.GetValue(every) is { } text)
            {
                request.Interval = Duration.FromTimeSpan(ParseInterval(text));
            }

            conference = await connection.Client.FollowSourceAsync(request, connection.Call());
            await connection.Output.WriteLineAsync($"{conference.Id}: {Describe(conference.Follow, DateTimeOffset.UtcNow)}");
            return 0;
        });
        return command;
    }

    /// <summary>"10m", "1h30m", "90s" or "00:10:00".</summary>
    public static TimeSpan ParseInterval(string text)
    {
        if (Interval().Match(text.Trim()) is { Success: true } match && match.Length > 0)
        {
            int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
            return new TimeSpan(Part("h"), Part("m"), Part("s"));
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new CommandLineException($"--every '{text}' is not an interval: write e.g. 10m, 1h or 90s.");
    }

    /// <summary>"following https://…, checked 3 minutes ago, next in 7 minutes; last error 1 minute ago: the source answered 500".</summary>
    public static string Describe(Contracts.Schedule.V1.SourceFollow follow, DateTimeOffset now)
    {
        var text = new System.Text.StringBuilder($"following {follow.Url} every {Elapsed.InWords(follow.Interval.ToTimeSpan())}");
        text.Append(follow.LastCheckTime is { } check ? $", checked {Elapsed.InWords(now - check.ToDateTimeOffset())} ago" : ", not checked yet");
        var next = follow.NextFetchTime.ToDateTimeOffset() - now;
        text.Append(next > TimeSpan.Zero ? $", next in {Elapsed.InWords(next)}" : ", next now");
        if (follow.LastSuccessTime is { } success)
        {
            text.Append(CultureInfo.InvariantCulture, $"; last success {Elapsed.InWords(now - success.ToDateTimeOffset())} ago at agenda version {follow.LastSuccessAgendaVersion}");
        }

        if (follow.LastError.Length > 0)
        {
            var when = follow.LastErrorTime is { } error ? $" {Elapsed.InWords(now - error.ToDateTimeOffset())} ago" : "";
            text.Append(CultureInfo.InvariantCulture, $"; last error{when}: {follow.LastError} (the agenda was left as it was)");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,3})h)?(?:(?<m>\d{1,4})m)?(?:(?<s>\d{1,5})s)?$")]
    private static partial Regex Interval();
}
