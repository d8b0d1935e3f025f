using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Follow;
using NetconfCloud.Schedule.Wire;
using static NetconfCloud.Schedule.Wire.WireMapping;

namespace NetconfCloud.ScheduleService;

/// <summary>The wire face of <see cref="AgendaService"/>. Domain errors become statuses in <see cref="AgendaErrorInterceptor"/>.</summary>
internal sealed class ScheduleGrpcService(AgendaService agenda, SourceFollowing following, ListSessionsReplies replies) : Contracts.Schedule.V1.ScheduleService.ScheduleServiceBase
{
    public override async Task<ListConferencesResponse> ListConferences(ListConferencesRequest request, ServerCallContext context) =>
        new() { Conferences = { (await agenda.ListConferencesAsync(context.CancellationToken)).Select(c => ToWire(c)) } };

    public override async Task<Contracts.Schedule.V1.Conference> GetConference(GetConferenceRequest request, ServerCallContext context) =>
        ToWire(await following.WithFollowAsync(await agenda.GetConferenceAsync(request.ConferenceId, context.CancellationToken), context.CancellationToken));

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Conference> CreateConference(CreateConferenceRequest request, ServerCallContext context)
    {
        var conference = ToDomain(request.Conference ?? throw new InvalidArgumentException("conference", "is required."));
        return ToWire(await agenda.CreateConferenceAsync(conference, Actor(context), context.CancellationToken));
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Conference> UpdateConference(UpdateConferenceRequest request, ServerCallContext context)
    {
        var conference = request.Conference ?? throw new InvalidArgumentException("conference", "is required.");
        var patch = EditableResourceFields.ToPatch(EditableResourceFields.Conference, conference, request.UpdateMask);
        return ToWire(await agenda.UpdateConferenceAsync(conference.Id, patch, Actor(context), context.CancellationToken));
    }

    public override async Task ReadAgenda(ReadAgendaRequest request, IServerStreamWriter<AgendaChunk> responseStream, ServerCallContext context)
    {
        if (request.KnownAgendaVersion < 0)
        {
            throw new InvalidArgumentException("known_agenda_version", "must not be negative.");
        }

        var (conference, snapshot) = await agenda.ReadAgendaAsync(request.ConferenceId, request.KnownAgendaVersion, context.CancellationToken);
        var follow = (await following.WithFollowAsync(conference, context.CancellationToken)).Follow;
        foreach (var chunk in snapshot is null
            ? [AgendaChunks.Unchanged(conference with { Follow = follow })]
            : AgendaChunks.Split(snapshot with { Conference = snapshot.Conference with { Follow = follow } }))
        {
            await responseStream.WriteAsync(chunk, context.CancellationToken);
        }
    }

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var query = ToQuery(request);
        var snapshot = await agenda.LoadForPageAsync(request.ConferenceId, request.PageToken, context.CancellationToken);
        return replies.For(snapshot, request, () =>
        {
            var page = AgendaQueries.ListSessions(snapshot, query, new PageRequest(request.PageSize, request.PageToken));
            return new ListSessionsResponse
            {
                Sessions = { page.Items.Select(s => ToWire(s, snapshot.Conference.TimeZone)) },
                NextPageToken = page.NextPageToken,
                TotalSize = page.TotalSize,
            };
        });
    }

    public override async Task<Contracts.Schedule.V1.Session> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        var snapshot = await agenda.LoadAsync(request.ConferenceId, context.CancellationToken);
        return ToWire(AgendaQueries.FindSession(snapshot, request.SessionId), snapshot.Conference.TimeZone);
    }

    public override async Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context)
    {
        var snapshot = await agenda.LoadForPageAsync(request.ConferenceId, request.PageToken, context.CancellationToken);
        var page = AgendaQueries.ListSpeakers(snapshot, new PageRequest(request.PageSize, request.PageToken));
        return new ListSpeakersResponse { Speakers = { page.Items.Select(ToWire) }, NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
    }

    public override async Task<Contracts.Schedule.V1.Speaker> GetSpeaker(GetSpeakerRequest request, ServerCallContext context) =>
        ToWire(AgendaQueries.FindSpeaker(await agenda.LoadAsync(request.ConferenceId, context.CancellationToken), request.SpeakerId));

    public override async Task<ListSponsorsResponse> ListSponsors(ListSponsorsRequest request, ServerCallContext context)
    {
        var snapshot = await agenda.LoadForPageAsync(request.ConferenceId, request.PageToken, context.CancellationToken);
        var page = AgendaQueries.ListSponsors(snapshot, new PageRequest(request.PageSize, request.PageToken));
        return new ListSponsorsResponse { Sponsors = { page.Items.Select(ToWire) }, NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Session> CreateSession(CreateSessionRequest request, ServerCallContext context) =>
        Published(await agenda.CreateSessionAsync(request.ConferenceId, ToDraft(request), Actor(context), context.CancellationToken));

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Session> UpdateSession(UpdateSessionRequest request, ServerCallContext context)
    {
        var session = request.Session ?? throw new InvalidArgumentException("session", "is required.");
        var patch = EditableSessionFields.ToPatch(session, request.UpdateMask);
        return Published(await agenda.UpdateSessionAsync(request.ConferenceId, session.Id, patch, session.Etag, Actor(context), context.CancellationToken));
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Session> CancelSession(CancelSessionRequest request, ServerCallContext context) =>
        Published(await agenda.CancelSessionAsync(request.ConferenceId, request.SessionId, request.Etag, Actor(context), context.CancellationToken));

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Speaker> CreateSpeaker(CreateSpeakerRequest request, ServerCallContext context)
    {
        var speaker = ToDomain(request.Speaker ?? throw new InvalidArgumentException("speaker", "is required."));
        return ToWire((await agenda.CreateSpeakerAsync(request.ConferenceId, speaker, Actor(context), context.CancellationToken)).Speaker);
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Speaker> UpdateSpeaker(UpdateSpeakerRequest request, ServerCallContext context)
    {
        var speaker = request.Speaker ?? throw new InvalidArgumentException("speaker", "is required.");
        var patch = EditableResourceFields.ToPatch(EditableResourceFields.Speaker, speaker, request.UpdateMask);
        return ToWire((await agenda.UpdateSpeakerAsync(request.ConferenceId, speaker.Id, patch, Actor(context), context.CancellationToken)).Speaker);
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<DeleteResponse> DeleteSpeaker(DeleteSpeakerRequest request, ServerCallContext context) =>
        new() { AgendaVersion = (await agenda.DeleteSpeakerAsync(request.ConferenceId, request.SpeakerId, Actor(context), context.CancellationToken)).AgendaVersion };

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Sponsor> CreateSponsor(CreateSponsorRequest request, ServerCallContext context)
    {
        var sponsor = ToDomain(request.Sponsor ?? throw new InvalidArgumentException("sponsor", "is required."));
        var position = request.HasPosition ? request.Position : (int?)null;
        return ToWire((await agenda.CreateSponsorAsync(request.ConferenceId, sponsor, position, Actor(context), context.CancellationToken)).Sponsor);
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Sponsor> UpdateSponsor(UpdateSponsorRequest request, ServerCallContext context)
    {
        var sponsor = request.Sponsor ?? throw new InvalidArgumentException("sponsor", "is required.");
        var patch = EditableResourceFields.ToPatch(EditableResourceFields.Sponsor, sponsor, request.UpdateMask);
        return ToWire((await agenda.UpdateSponsorAsync(request.ConferenceId, sponsor.Id, patch, Actor(context), context.CancellationToken)).Sponsor);
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Sponsor> MoveSponsor(MoveSponsorRequest request, ServerCallContext context) =>
        ToWire((await agenda.MoveSponsorAsync(request.ConferenceId, request.SponsorId, request.Position, Actor(context), context.CancellationToken)).Sponsor);

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<DeleteResponse> DeleteSponsor(DeleteSponsorRequest request, ServerCallContext context) =>
        new() { AgendaVersion = (await agenda.DeleteSponsorAsync(request.ConferenceId, request.SponsorId, Actor(context), context.CancellationToken)).AgendaVersion };

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<ImportAgendaResponse> ImportAgenda(IAsyncStreamReader<ImportAgendaRequest> requestStream, ServerCallContext context)
    {
        var request = await ImportMapping.JoinAsync(requestStream.ReadAllAsync(context.CancellationToken), context.CancellationToken);
        var (incoming, options) = ImportMapping.ToDomain(request);
        return ImportMapping.ToWire(await agenda.ImportAsync(request.ConferenceId, incoming, options, Actor(context), context.CancellationToken));
    }

    /// <summary>The log names who changed what: for authenticated callers only.</summary>
    [Authorize]
    public override async Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        var after = ChangeCursor.Read(request.PageToken, request.AfterVersion);
        var (conference, changes) = await agenda.ListChangesAsync(request.ConferenceId, after, request.PageSize, context.CancellationToken);
        var full = changes.Count == (request.PageSize == 0 ? Paging.DefaultPageSize : Math.Min(request.PageSize, AgendaService.MaxChangesPerPage));
        return new ListChangesResponse
        {
            Changes = { changes.Select(c => ToWire(c, conference.TimeZone)) },
            NextPageToken = full && changes.Count > 0 ? ChangeCursor.Write(changes[^1].Version) : "",
        };
    }

    /// <summary>Authenticated callers only, and a bounded number of them (<see cref="ChangeFeed"/>).</summary>
    [Authorize]
    public override async Task WatchSchedule(WatchScheduleRequest request, IServerStreamWriter<ScheduleChange> responseStream, ServerCallContext context)
    {
        var zone = (await agenda.GetConferenceAsync(request.ConferenceId, context.CancellationToken)).TimeZone;
        try
        {
            await foreach (var change in agenda.WatchAsync(request.ConferenceId, request.AfterVersion, Caller(context), context.CancellationToken))
            {
                await responseStream.WriteAsync(ToWire(change, zone), context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away.
        }
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Conference> FollowSource(FollowSourceRequest request, ServerCallContext context)
    {
        var interval = request.Interval is { } given ? given.ToTimeSpan() : (TimeSpan?)null;
        return ToWire(await following.FollowAsync(request.ConferenceId, request.Url, interval, context.CancellationToken));
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Conference> StopFollowing(StopFollowingRequest request, ServerCallContext context) =>
        ToWire(await following.StopAsync(request.ConferenceId, context.CancellationToken));

    /// <summary>Open to every caller: only what attendees may see (<see cref="PublicChanges"/>).</summary>
    public override async Task<ListPublicChangesResponse> ListPublicChanges(ListPublicChangesRequest request, ServerCallContext context)
    {
        var olderThan = PublicChangeMapping.OlderThan(request.PageToken);
        var page = await agenda.ListPublicChangesAsync(
            request.ConferenceId, olderThan, request.AfterVersion, request.PageSize, request.SessionsPerVersion, request.SessionIds, context.CancellationToken);
        return PublicChangeMapping.ToWire(page);
    }

    private static Contracts.Schedule.V1.Session Published(SavedSession saved) => ToWire(saved.Session, saved.Conference.TimeZone);

    /// <summary>Who holds a watch, for the per-caller cap: the token's subject (names are not unique), else its name.</summary>
    private static string Caller(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return user.FindFirst("sub")?.Value ?? user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? Actor(context);
    }

    /// <summary>Who changes the agenda, for the change log: the token's name, else its subject.</summary>
    private static string Actor(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.Name is { Length: > 0 } name ? name : user.FindFirst("sub")?.Value ?? "unknown";
    }
}
