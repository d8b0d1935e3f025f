using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using NetconfCloud.Feeds;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client;

/// <summary>
/// The agenda read over gRPC. Each load asks for the conference (one small call) and reads the sessions, speakers
/// and sponsors again only when the agenda version has moved. Every call has a deadline.
/// </summary>
internal sealed class GrpcAgendaSource(GrpcClientFactory clients, IOptions<ScheduleClientOptions> options, TimeProvider time)
    : IAgendaSource
{
    private readonly Dictionary<string, (AgendaSnapshot Agenda, DateTimeOffset CheckedAt)> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public async Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (cache.TryGetValue(conferenceId, out var recent) && now - recent.CheckedAt < TimeSpan.FromMilliseconds(options.Value.RevalidateMilliseconds))
            {
                return recent.Agenda;
            }
        }

        // A client from the factory per load, so that its HTTP handler is recycled as the factory intends.
        var client = clients.CreateClient<Proto.ScheduleService.ScheduleServiceClient>(nameof(Proto.ScheduleService.ScheduleServiceClient));
        try
        {
            var conference = await client.GetConferenceAsync(new Proto.GetConferenceRequest { ConferenceId = conferenceId }, Options(cancellationToken));
            lock (gate)
            {
                if (cache.TryGetValue(conferenceId, out var cached) && cached.Agenda.Conference.AgendaVersion == conference.AgendaVersion)
                {
                    cache[conferenceId] = (cached.Agenda, now);
                    return cached.Agenda;
                }
            }

            var snapshot = await AgendaReader.ReadAsync(client, conference, Options, cancellationToken);
            lock (gate)
            {
                cache[conferenceId] = (snapshot, now);
            }

            return snapshot;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Aborted)
        {
            throw new AgendaSourceUnavailableException($"The schedule service answered {e.StatusCode}: {e.Status.Detail}", e);
        }
    }

    private CallOptions Options(CancellationToken cancellationToken) =>
        new(deadline: time.GetUtcNow().UtcDateTime.AddSeconds(options.Value.DeadlineSeconds), cancellationToken: cancellationToken);

}
