using System.Globalization;
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
    private readonly Dictionary<string, AgendaSnapshot> cache = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public async Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        // A client from the factory per load, so that its HTTP handler is recycled as the factory intends.
        var client = clients.CreateClient<Proto.ScheduleService.ScheduleServiceClient>(nameof(Proto.ScheduleService.ScheduleServiceClient));
        try
        {
            var conference = await client.GetConferenceAsync(new Proto.GetConferenceRequest { ConferenceId = conferenceId }, Options(cancellationToken));
            lock (gate)
            {
                if (cache.TryGetValue(conferenceId, out var cached) && cached.Conference.AgendaVersion == conference.AgendaVersion)
                {
                    return cached;
                }
            }

            var snapshot = new AgendaSnapshot(ToDomain(conference), await SessionsAsync(client, conferenceId, cancellationToken), await SpeakersAsync(client, conferenceId, cancellationToken), await SponsorsAsync(client, conferenceId, cancellationToken));
            lock (gate)
            {
                cache[conferenceId] = snapshot;
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

    private async Task<IReadOnlyList<Session>> SessionsAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, CancellationToken cancellationToken)
    {
        var sessions = new List<Session>();
        var request = new Proto.ListSessionsRequest { ConferenceId = conferenceId, PageSize = 100 };
        do
        {
            var page = await client.ListSessionsAsync(request, Options(cancellationToken));
            sessions.AddRange(page.Sessions.Select(ToDomain));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return sessions;
    }

    private async Task<IReadOnlyList<Speaker>> SpeakersAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, CancellationToken cancellationToken)
    {
        var speakers = new List<Speaker>();
        var request = new Proto.ListSpeakersRequest { ConferenceId = conferenceId, PageSize = 100 };
        do
        {
            var page = await client.ListSpeakersAsync(request, Options(cancellationToken));
            speakers.AddRange(page.Speakers.Select(s => new Speaker(s.Id, s.Name, [.. s.AlsoKnownAs])));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return speakers;
    }

    private async Task<IReadOnlyList<Sponsor>> SponsorsAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, CancellationToken cancellationToken)
    {
        var sponsors = new List<Sponsor>();
        var request = new Proto.ListSponsorsRequest { ConferenceId = conferenceId, PageSize = 100 };
        do
        {
            var page = await client.ListSponsorsAsync(request, Options(cancellationToken));
            sponsors.AddRange(page.Sponsors.Select(s => new Sponsor(s.Id, s.Name, s.Tagline, s.Order)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return sponsors;
    }

    private static Conference ToDomain(Proto.Conference c) => new(
        c.Id, c.Name, c.FullName, c.Subtitle, c.Description, c.TimeZone, c.City, c.Country, c.Venue, c.AgendaStatus,
        [.. c.Days.Select(d => Date(d.Date))],
        [.. c.Committee.Select(m => new CommitteeMember(m.PersonId, m.Name, m.Role))],
        c.CoLocatedEvent is { } e ? new CoLocatedEvent(e.Name, Date(e.StartDate), Date(e.EndDate), e.City) : null,
        c.AgendaVersion,
        c.UpdateTime.ToDateTimeOffset());

    private static Session ToDomain(Proto.Session s) => new(
        s.Id,
        s.Kind switch
        {
            Proto.SessionKind.Break => SessionKind.Break,
            Proto.SessionKind.Meal => SessionKind.Meal,
            _ => SessionKind.Talk,
        },
        s.Title,
        s.Abstract,
        s.Notes,
        [.. s.SpeakerIds.Zip(s.SpeakerNames, (id, name) => new SpeakerRef(id, name))],
        s.StartTime.ToDateTimeOffset(),
        s.EndTime.ToDateTimeOffset(),
        s.SlideCount,
        s.Status == Proto.SessionStatus.Cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled,
        s.Sequence,
        s.UpdateTime.ToDateTimeOffset(),
        s.Etag);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
