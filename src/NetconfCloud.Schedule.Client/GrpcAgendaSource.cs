using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule.Wire;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client;

/// <summary>
/// The agenda read over gRPC (ReadAgenda: one stream, one version). A cached agenda is revalidated at most once per
/// <see cref="ScheduleClientOptions.RevalidateMilliseconds"/>: the call names the version held, and an unchanged
/// agenda costs one small message. Every call has a deadline; every failure but "no such conference" is
/// <see cref="AgendaSourceUnavailableException"/>, so that readers fall back to what they had.
/// </summary>
internal sealed class GrpcAgendaSource(GrpcClientFactory clients, IOptions<ScheduleClientOptions> options, TimeProvider time)
    : IAgendaSource
{
    private readonly Dictionary<string, (AgendaSnapshot Agenda, DateTimeOffset CheckedAt)> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public async Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        AgendaSnapshot? held;
        lock (gate)
        {
            held = cache.TryGetValue(conferenceId, out var recent) ? recent.Agenda : null;
            if (held is not null && now - recent.CheckedAt < TimeSpan.FromMilliseconds(options.Value.RevalidateMilliseconds))
            {
                return held;
            }
        }

        // A client from the factory per load, so that its HTTP handler is recycled as the factory intends.
        var client = clients.CreateClient<Proto.ScheduleService.ScheduleServiceClient>(nameof(Proto.ScheduleService.ScheduleServiceClient));
        var request = new Proto.ReadAgendaRequest { ConferenceId = conferenceId, KnownAgendaVersion = held?.Conference.AgendaVersion ?? 0 };
        try
        {
            using var call = client.ReadAgenda(request, Options(cancellationToken));
            var agenda = await AgendaChunks.AssembleAsync(call.ResponseStream.ReadAllAsync(cancellationToken), cancellationToken) ?? held!;
            lock (gate)
            {
                cache[conferenceId] = (agenda, now);
            }

            return agenda;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new AgendaSourceUnavailableException($"The schedule service answered {e.StatusCode}: {e.Status.Detail}", e);
        }
        catch (Exception e) when (e is InvalidDataException or AgendaException)
        {
            throw new AgendaSourceUnavailableException($"The schedule service sent an agenda that cannot be read: {e.Message}", e);
        }
    }

    public async Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken)
    {
        var client = clients.CreateClient<Proto.ScheduleService.ScheduleServiceClient>(nameof(Proto.ScheduleService.ScheduleServiceClient));
        try
        {
            var reply = await client.ListConferencesAsync(new Proto.ListConferencesRequest(), Options(cancellationToken));
            return [.. reply.Conferences.Select(WireMapping.ToDomain)];
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new AgendaSourceUnavailableException($"The schedule service answered {e.StatusCode}: {e.Status.Detail}", e);
        }
    }

    private CallOptions Options(CancellationToken cancellationToken) =>
        new(deadline: time.GetUtcNow().UtcDateTime.AddSeconds(options.Value.DeadlineSeconds), cancellationToken: cancellationToken);
}
