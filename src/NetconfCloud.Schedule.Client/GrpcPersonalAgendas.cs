using Google.Rpc;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using NetconfCloud.Contracts;
using NetconfCloud.Schedule.Wire;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client;

/// <summary>
/// Personal agendas through the schedule service. Its refusals come back as the domain's errors (the field
/// violations, not found, revoked, changed meanwhile), so that callers handle one set of errors whichever side of
/// the wire they are on; anything else is <see cref="AgendaSourceUnavailableException"/>.
/// A personal agenda read is kept for <see cref="ScheduleClientOptions.RevalidateMilliseconds"/>, like the agenda
/// itself (a calendar polling its feed costs the service at most one read a second per instance), and a change made
/// through this instance replaces it at once; at most <see cref="MaxKept"/> are kept.
/// </summary>
internal sealed class GrpcPersonalAgendas(GrpcClientFactory clients, IOptions<ScheduleClientOptions> options, TimeProvider time) : IPersonalAgendas
{
    public const int MaxKept = 10_000;

    private readonly Dictionary<(string Conference, string Id), (PersonalAgenda Agenda, DateTimeOffset ReadAt)> kept = [];
    private readonly Lock gate = new();

    public Task<PersonalAgenda> CreateAsync(string conferenceId, IEnumerable<string> sessionIds, CancellationToken cancellationToken) =>
        CallAsync(client => client.CreatePersonalAgendaAsync(
            new Proto.CreatePersonalAgendaRequest { ConferenceId = conferenceId, SessionIds = { sessionIds } }, Options(cancellationToken)), cancellationToken);

    /// <summary>Passes the end user's address on (<see cref="ClientAddresses.RelayedHeader"/>); the service believes it from its relays only.</summary>
    public Task<PersonalAgenda> CreateAsync(string conferenceId, IEnumerable<string> sessionIds, string clientAddress, CancellationToken cancellationToken) =>
        CallAsync(client => client.CreatePersonalAgendaAsync(
            new Proto.CreatePersonalAgendaRequest { ConferenceId = conferenceId, SessionIds = { sessionIds } },
            Options(cancellationToken).WithHeaders(new Metadata { { ClientAddresses.RelayedHeader, clientAddress } })), cancellationToken);

    public async Task<PersonalAgenda> GetAsync(string conferenceId, string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (kept.TryGetValue((conferenceId, id), out var recent)
                && time.GetUtcNow() - recent.ReadAt < TimeSpan.FromMilliseconds(options.Value.RevalidateMilliseconds))
            {
                return recent.Agenda;
            }
        }

        return await CallAsync(client => client.GetPersonalAgendaAsync(
            new Proto.GetPersonalAgendaRequest { ConferenceId = conferenceId, Id = id }, Options(cancellationToken)), cancellationToken);
    }

    public Task<PersonalAgenda> UpdateAsync(string conferenceId, string id, IEnumerable<string> sessionIds, string etag, CancellationToken cancellationToken) =>
        CallAsync(client => client.UpdatePersonalAgendaAsync(
            new Proto.UpdatePersonalAgendaRequest { ConferenceId = conferenceId, Id = id, SessionIds = { sessionIds }, Etag = etag }, Options(cancellationToken)), cancellationToken);

    public Task<PersonalAgenda> RevokeAsync(string conferenceId, string id, CancellationToken cancellationToken) =>
        CallAsync(client => client.RevokePersonalAgendaAsync(
            new Proto.RevokePersonalAgendaRequest { ConferenceId = conferenceId, Id = id }, Options(cancellationToken)), cancellationToken);

    private async Task<PersonalAgenda> CallAsync(
        Func<Proto.PersonalAgendaService.PersonalAgendaServiceClient, AsyncUnaryCall<Proto.PersonalAgenda>> call, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient<Proto.PersonalAgendaService.PersonalAgendaServiceClient>(nameof(Proto.PersonalAgendaService.PersonalAgendaServiceClient));
        try
        {
            var agenda = PersonalAgendaMapping.ToDomain(await call(client));
            Keep(agenda);
            return agenda;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw ToDomainError(e);
        }
    }

    private void Keep(PersonalAgenda agenda)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (kept.Count >= MaxKept)
            {
                var fresh = TimeSpan.FromMilliseconds(options.Value.RevalidateMilliseconds);
                foreach (var stale in kept.Where(entry => now - entry.Value.ReadAt >= fresh).Select(entry => entry.Key).ToList())
                {
                    kept.Remove(stale);
                }
            }

            if (kept.Count < MaxKept)
            {
                kept[(agenda.ConferenceId, agenda.Id)] = (agenda, now);
            }
        }
    }

    private static Exception ToDomainError(RpcException e)
    {
        var status = e.GetRpcStatus();
        var resource = status?.GetDetail<ResourceInfo>()?.ResourceName ?? "personal agenda";
        return e.StatusCode switch
        {
            StatusCode.InvalidArgument when status?.GetDetail<BadRequest>() is { FieldViolations.Count: > 0 } request =>
                new InvalidArgumentException([.. request.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description))]),
            StatusCode.InvalidArgument => new InvalidArgumentException("request", e.Status.Detail),
            StatusCode.NotFound => new NotFoundException(resource),
            StatusCode.FailedPrecondition when status?.GetDetail<ErrorInfo>() is { Reason: ScheduleErrors.PersonalAgendaRevoked, Domain: ScheduleErrors.Domain } =>
                new PersonalAgendaRevokedException(resource),
            StatusCode.FailedPrecondition => new ConcurrencyConflictException(resource),
            StatusCode.Aborted => new ConcurrencyConflictException(resource, etagWasSupplied: false),
            StatusCode.ResourceExhausted when status?.GetDetail<RetryInfo>() is { RetryDelay: { } delay } =>
                new RateLimitedException(e.Status.Detail, delay.ToTimeSpan()),
            _ => new AgendaSourceUnavailableException($"The schedule service answered {e.StatusCode}: {e.Status.Detail}", e),
        };
    }

    private CallOptions Options(CancellationToken cancellationToken) =>
        new(deadline: time.GetUtcNow().UtcDateTime.AddSeconds(options.Value.DeadlineSeconds), cancellationToken: cancellationToken);
}
