using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Wire;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>
/// What every command starts from: a client of the service at <c>--address</c> (with the bearer token when one is
/// given), the conference, where to write, and calls with a deadline, so that a service that hangs does not hang the command.
/// </summary>
internal sealed class Connection : IDisposable
{
    private readonly GrpcChannel channel;

    public Connection(ParseResult parse, CancellationToken cancellationToken)
    {
        channel = GrpcChannel.ForAddress(parse.GetValue(NetconfCommand.Address)!);
        var token = NetconfCommand.TokenOf(parse);
        var invoker = string.IsNullOrEmpty(token)
            ? channel.CreateCallInvoker()
            : channel.Intercept(metadata =>
            {
                metadata.Add("Authorization", $"Bearer {token}");
                return metadata;
            });
        Client = new Proto.ScheduleService.ScheduleServiceClient(invoker);
        ConferenceId = parse.GetValue(NetconfCommand.ConferenceId)!;
        Output = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
        CancellationToken = cancellationToken;
    }

    public Proto.ScheduleService.ScheduleServiceClient Client { get; }

    public string ConferenceId { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public CancellationToken CancellationToken { get; }

    public CallOptions Call() => Call(TimeSpan.FromSeconds(30));

    public CallOptions Call(TimeSpan deadline) => new(deadline: DateTime.UtcNow.Add(deadline), cancellationToken: CancellationToken);

    public async Task<Proto.Conference> ConferenceAsync() =>
        await Client.GetConferenceAsync(new Proto.GetConferenceRequest { ConferenceId = ConferenceId }, Call());

    /// <summary>How this conference's sessions read: in its time zone, with its rooms and tracks by name.</summary>
    public async Task<SessionLine> SessionLineAsync() => new(await ConferenceAsync());

    /// <summary>The whole agenda at one version (ReadAgenda).</summary>
    public async Task<AgendaSnapshot> ReadAgendaAsync()
    {
        using var call = Client.ReadAgenda(new Proto.ReadAgendaRequest { ConferenceId = ConferenceId }, Call());
        return await AgendaChunks.AssembleAsync(call.ResponseStream.ReadAllAsync(CancellationToken), CancellationToken)
            ?? throw new InvalidDataException("The service said the agenda was unchanged, though no version was given.");
    }

    public void Dispose() => channel.Dispose();
}
