using System.Globalization;
using Grpc.Core;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client;

/// <summary>Reads a whole agenda over gRPC (every page) into the domain: for the feeds, and for export.</summary>
public static class AgendaReader
{
    public static async Task<AgendaSnapshot> ReadAsync(Proto.ScheduleService.ScheduleServiceClient client, Proto.Conference conference, Func<CancellationToken, CallOptions> options, CancellationToken cancellationToken) =>
        new(ToDomain(conference),
            await SessionsAsync(client, conference.Id, options, cancellationToken),
            await SpeakersAsync(client, conference.Id, options, cancellationToken),
            await SponsorsAsync(client, conference.Id, options, cancellationToken));

    private static async Task<IReadOnlyList<Session>> SessionsAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, Func<CancellationToken, CallOptions> options, CancellationToken cancellationToken)
    {
        var sessions = new List<Session>();
        var request = new Proto.ListSessionsRequest { ConferenceId = conferenceId, PageSize = 100 };
        do
        {
            var page = await client.ListSessionsAsync(request, options(cancellationToken));
            sessions.AddRange(page.Sessions.Select(ToDomain));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return sessions;
    }

    private static async Task<IReadOnlyList<Speaker>> SpeakersAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, Func<CancellationToken, CallOptions> options, CancellationToken cancellationToken)
    {
        var speakers = new List<Speaker>();
        var request = new Proto.ListSpeakersRequest { ConferenceId = conferenceId, PageSize = 100 };
        do
        {
            var page = await client.ListSpeakersAsync(request, options(cancellationToken));
            speakers.AddRange(page.Speakers.Select(s => new Speaker(s.Id, s.Name, [.. s.AlsoKnownAs])));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return speakers;
    }

    private static async Task<IReadOnlyList<Sponsor>> SponsorsAsync(Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, Func<CancellationToken, CallOptions> options, CancellationToken cancellationToken)
    {
        var sponsors = new List<Sponsor>();
        var request = new Proto.ListSponsorsRequest { ConferenceId = conferenceId, PageSize = 100 };
        do
        {
            var page = await client.ListSponsorsAsync(request, options(cancellationToken));
            sponsors.AddRange(page.Sponsors.Select(s => new Sponsor(s.Id, s.Name, s.Tagline, s.Order)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return sponsors;
    }

    public static Conference ToDomain(Proto.Conference c) => new(
        c.Id, c.Name, c.FullName, c.Subtitle, c.Description, c.TimeZone, c.City, c.Country, c.Venue, c.AgendaStatus,
        [.. c.Days.Select(d => Date(d.Date))],
        [.. c.Committee.Select(m => new CommitteeMember(m.PersonId, m.Name, m.Role))],
        c.CoLocatedEvent is { } e ? new CoLocatedEvent(e.Name, Date(e.StartDate), Date(e.EndDate), e.City) : null,
        c.AgendaVersion,
        c.UpdateTime.ToDateTimeOffset());

    public static Session ToDomain(Proto.Session s) => new(
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
