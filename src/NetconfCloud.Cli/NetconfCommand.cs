using System.CommandLine;
using Grpc.Core;

namespace NetconfCloud.Cli;

/// <summary>A command line that cannot be carried out as given (exit code 2).</summary>
public sealed class CommandLineException(string message) : Exception(message);

/// <summary>
/// <c>netconf</c>: the organisers' command line over gRPC, with times shown in the conference's own time zone.
/// Commands by group: conferences (with rooms and tracks), read (sessions, clashes), speakers, sponsors, edit
/// (sessions), transfer (export, import), watch, token. Exit codes: 0 done, 1 the service refused (the message
/// says why), 2 bad command line (also: a command that changes the agenda given no token), 3 service unreachable.
/// Environment: <c>NETCONF_SCHEDULE_ADDRESS</c>, <c>NETCONF_CONFERENCE</c> and <c>NETCONF_TOKEN</c> stand for
/// <c>--address</c>, <c>--conference</c> and <c>--token</c> when those are not given; the help names the variable of
/// the token, never its value.
/// </summary>
public static class NetconfCommand
{
    public const int Refused = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;

    internal static readonly Option<string> Address = new("--address")
    {
        Description = "Schedule service address (env NETCONF_SCHEDULE_ADDRESS).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETCONF_SCHEDULE_ADDRESS") ?? "http://127.0.0.1:5100",
        Recursive = true,
    };

    /// <summary>The conference when neither <c>--conference</c> nor <c>NETCONF_CONFERENCE</c> names one: the one <c>./run</c> seeds.</summary>
    public const string DefaultConference = "netconf-2015";

    public const string ConferenceVariable = "NETCONF_CONFERENCE";

    public const string TokenVariable = "NETCONF_TOKEN";

    internal static readonly Option<string> ConferenceId = new("--conference")
    {
        Description = $"Conference id (env {ConferenceVariable}).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(ConferenceVariable) is { Length: > 0 } named ? named : DefaultConference,
        Recursive = true,
    };

    /// <summary>
    /// No default value of its own, so that the help never prints a token: <see cref="TokenOf"/> falls back to
    /// <c>NETCONF_TOKEN</c>.
    /// </summary>
    internal static readonly Option<string> Token = new("--token")
    {
        Description = $"Bearer token for commands that change the agenda (default: ${TokenVariable}).",
        Recursive = true,
    };

    /// <summary>The token given by <c>--token</c>, else by <c>NETCONF_TOKEN</c>; empty when neither gives one.</summary>
    internal static string TokenOf(ParseResult parse) =>
        parse.GetResult(Token) is not null ? parse.GetValue(Token) ?? "" : Environment.GetEnvironmentVariable(TokenVariable) ?? "";

    /// <summary>What a command that changes the agenda says when it was given no token.</summary>
    public const string NoTokenMessage =
        $"error: this command changes the agenda and needs a bearer token with the Schedule.Write role; none was given (--token or {TokenVariable}).\n"
        + $"  Against a local service (./run, Development): export {TokenVariable}=$(./netconf token)\n"
        + $"  Against Azure: a Microsoft Entra ID token for the API, e.g. export {TokenVariable}=$(az account get-access-token --scope api://netconfcloud-schedule/.default --query accessToken -o tsv)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("netconf — read and change the NetconfCloud agenda over gRPC.") { Address, ConferenceId, Token };
        var commands = ConferenceCommands.All().Concat(ReadCommands.All()).Concat(SpeakerCommands.All()).Concat(SponsorCommands.All())
            .Concat(EditCommands.All()).Concat(TransferCommands.All()).Append(WatchCommand.Create()).Append(TokenCommand.Create()).Append(FollowCommand.Create());
        foreach (var command in commands)
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
            // A status with details was sent by the service itself (its storage is away, say); without, the
            // transport gave up reaching it. Either way one line, and worth trying again later.
            await error.WriteLineAsync(e.GetRpcStatus() is not null
                ? $"error: the schedule service at {parse.GetValue(Address)} is unavailable: {OneLine(e.Status.Detail)}"
                : $"error: the schedule service at {parse.GetValue(Address)} cannot be reached ({OneLine(e.Status.Detail)}).");
            return Unreachable;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated && TokenOf(parse).Length == 0)
        {
            // The service is what knows which calls change the agenda: it asks for a token only there.
            await error.WriteLineAsync(NoTokenMessage);
            return Usage;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            await error.WriteLineAsync($"error: the service did not accept the token ({e.Status.Detail}). Against a local service, mint one: export {TokenVariable}=$(./netconf token)");
            return Refused;
        }
        catch (RpcException e)
        {
            // The message of a refusal with field violations names the first few of them: list them all instead.
            var violations = e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations ?? [];
            await error.WriteLineAsync(violations.Count > 0 ? $"error: {e.StatusCode}:" : $"error: {e.StatusCode}: {e.Status.Detail}");
            foreach (var violation in violations)
            {
                await error.WriteLineAsync($"  {violation.Field}: {violation.Description}");
            }

            return Refused;
        }
        catch (CommandLineException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Usage;
        }
    }

    /// <summary>A status message on one line of at most 300 characters, however long the service made it.</summary>
    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 300 ? line : string.Concat(line.AsSpan(0, 299), "…");
    }
}
