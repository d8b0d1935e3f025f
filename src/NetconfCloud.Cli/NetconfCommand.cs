using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>
/// <c>netconf</c>: read the agenda over gRPC, with times shown in the conference's own time zone.
/// Exit codes: 0 done, 1 the service refused (the message says why), 2 bad command line, 3 service unreachable.
/// </summary>
public static partial class NetconfCommand
{
    public const int Refused = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;

    private static readonly Option<string> Address = new("--address")
    {
        Description = "Schedule service address (env NETCONF_SCHEDULE_ADDRESS).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETCONF_SCHEDULE_ADDRESS") ?? "http://127.0.0.1:5100",
        Recursive = true,
    };

    private static readonly Option<string> ConferenceId = new("--conference")
    {
        Description = "Conference id.",
        DefaultValueFactory = _ => "netconf-2015",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("netconf — read the NetconfCloud agenda over gRPC.") { Address, ConferenceId };
        root.Subcommands.Add(ConferenceCommand());
        root.Subcommands.Add(SessionsCommand());
        root.Subcommands.Add(SessionCommand());
        root.Subcommands.Add(SpeakersCommand());
        root.Subcommands.Add(SponsorsCommand());
        root.Options.Add(Token);
        foreach (var command in WriteCommands())
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            await error.WriteLineAsync($"error: the schedule service at {parse.GetValue(Address)} cannot be reached ({e.Status.Detail}).");
            return Unreachable;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            await error.WriteLineAsync("error: this command changes the agenda and needs a token with the write permission: --token, or export NETCONF_TOKEN=$(./netconf token)");
            return Refused;
        }
        catch (RpcException e)
        {
            await error.WriteLineAsync($"error: {e.StatusCode}: {e.Status.Detail}");
            return Refused;
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Usage;
        }
    }

    private static Command ConferenceCommand()
    {
        var command = new Command("conference", "Show the conference: dates, place, time zone, committee, agenda version.");
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var c = await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = conferenceId }, Call(ct));
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{c.FullName} ({c.Subtitle})");
            await output.WriteLineAsync($"  {string.Join(", ", new[] { c.Venue, c.City, c.Country }.Where(p => p.Length > 0))}; times in {c.TimeZone}");
            await output.WriteLineAsync($"  days: {string.Join(", ", c.Days.Select(d => d.Title))}");
            await output.WriteLineAsync($"  committee: {string.Join(", ", c.Committee.Select(m => m.Role.Length > 0 ? $"{m.Name} ({m.Role})" : m.Name))}");
            if (c.CoLocatedEvent is { } e)
            {
                await output.WriteLineAsync($"  with {e.Name}, {e.StartDate} to {e.EndDate}, {e.City}");
            }

            await output.WriteLineAsync($"  agenda version {c.AgendaVersion.ToString(CultureInfo.InvariantCulture)} ({c.AgendaStatus.ToLowerInvariant()})");
            return 0;
        });
        return command;
    }

    private static Command SessionsCommand()
    {
        var day = new Option<string>("--day") { Description = "Only this day, YYYY-MM-DD." };
        var speaker = new Option<string>("--speaker") { Description = "Only this speaker's sessions (speaker id, e.g. jamal-hadi-salim)." };
        var kind = new Option<string>("--kind") { Description = "Only talks, breaks or meals." };
        kind.AcceptOnlyFromAmong("talk", "break", "meal");
        var command = new Command("sessions", "List sessions in start order, with local times.") { day, speaker, kind };
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var zone = await ZoneAsync(client, conferenceId, ct);
            var request = new ListSessionsRequest
            {
                ConferenceId = conferenceId,
                Day = parse.GetValue(day) ?? "",
                SpeakerId = parse.GetValue(speaker) ?? "",
                Kind = parse.GetValue(kind) switch
                {
                    "talk" => Proto.SessionKind.Talk,
                    "break" => Proto.SessionKind.Break,
                    "meal" => Proto.SessionKind.Meal,
                    _ => Proto.SessionKind.Unspecified,
                },
            };
            var output = parse.InvocationConfiguration.Output;
            do
            {
                var page = await client.ListSessionsAsync(request, Call(ct));
                foreach (var s in page.Sessions)
                {
                    await output.WriteLineAsync(Line(s, zone));
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return 0;
        });
        return command;
    }

    private static Command SessionCommand()
    {
        var id = new Argument<string>("id") { Description = "Session id, e.g. bpf-updates." };
        var command = new Command("session", "Show one session in full.") { id };
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var zone = await ZoneAsync(client, conferenceId, ct);
            var s = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = conferenceId, SessionId = parse.GetValue(id)! }, Call(ct));
            var output = parse.InvocationConfiguration.Output;
            await output.WriteLineAsync(Line(s, zone));
            foreach (var (label, value) in new[]
            {
                ("id", s.Id), ("abstract", s.Abstract), ("notes", s.Notes),
                ("slides", s.SlideCount > 0 ? s.SlideCount.ToString(CultureInfo.InvariantCulture) : ""),
                ("sequence", s.Sequence.ToString(CultureInfo.InvariantCulture)), ("etag", s.Etag),
                ("updated", s.UpdateTime.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)),
            })
            {
                if (value.Length > 0)
                {
                    await output.WriteLineAsync($"  {label,-9} {value}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command SpeakersCommand()
    {
        var command = new Command("speakers", "List speakers with their ids.");
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var request = new ListSpeakersRequest { ConferenceId = conferenceId };
            do
            {
                var page = await client.ListSpeakersAsync(request, Call(ct));
                foreach (var s in page.Speakers)
                {
                    var aka = s.AlsoKnownAs.Count > 0 ? $" (also {string.Join(", ", s.AlsoKnownAs)})" : "";
                    await parse.InvocationConfiguration.Output.WriteLineAsync($"{s.Id,-22} {s.Name}{aka}");
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return 0;
        });
        return command;
    }

    private static Command SponsorsCommand()
    {
        var command = new Command("sponsors", "List sponsors in published order.");
        command.SetAction(async (parse, ct) =>
        {
            var (client, conferenceId) = Connect(parse);
            var reply = await client.ListSponsorsAsync(new ListSponsorsRequest { ConferenceId = conferenceId }, Call(ct));
            foreach (var s in reply.Sponsors)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(s.Tagline.Length > 0 ? $"{s.Name}, {s.Tagline}" : s.Name);
            }

            return 0;
        });
        return command;
    }

    private static (Proto.ScheduleService.ScheduleServiceClient Client, string ConferenceId) Connect(ParseResult parse)
    {
        var channel = GrpcChannel.ForAddress(parse.GetValue(Address)!);
        var token = parse.GetValue(Token);
        var invoker = string.IsNullOrEmpty(token)
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return metadata;
            });
        return (new Proto.ScheduleService.ScheduleServiceClient(invoker), parse.GetValue(ConferenceId)!);
    }

    /// <summary>Every call has a deadline: a service that hangs does not hang the command.</summary>
    private static CallOptions Call(CancellationToken ct) => new(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct);

    private static async Task<ConferenceTimeZone> ZoneAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, CancellationToken ct) =>
        ConferenceTimeZone.FromId((await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = conferenceId }, Call(ct))).TimeZone);

    private static string Line(Proto.Session s, ConferenceTimeZone zone)
    {
        var start = zone.ToLocal(s.StartTime.ToDateTimeOffset());
        var end = zone.ToLocal(s.EndTime.ToDateTimeOffset());
        var title = s.Title.Length > 0 ? s.Title : "(no title published)";
        var speakers = s.SpeakerNames.Count > 0 ? $" — {string.Join(", ", s.SpeakerNames)}" : "";
        var cancelled = s.Status == Proto.SessionStatus.Cancelled ? " [CANCELLED]" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{start:ddd yyyy-MM-dd HH:mm}–{end:HH:mm} {start:zzz}  {title}{speakers}{cancelled}");
    }
}
