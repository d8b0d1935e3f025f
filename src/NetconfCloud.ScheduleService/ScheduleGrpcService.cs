using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using static NetconfCloud.ScheduleService.ProtoMapping;

namespace NetconfCloud.ScheduleService;

/// <summary>The wire face of <see cref="AgendaService"/>. Domain errors become statuses in <see cref="AgendaErrorInterceptor"/>.</summary>
internal sealed class ScheduleGrpcService(AgendaService agenda) : Contracts.Schedule.V1.ScheduleService.ScheduleServiceBase
{
    public override async Task<Contracts.Schedule.V1.Conference> GetConference(GetConferenceRequest request, ServerCallContext context) =>
        ToProto(await agenda.GetConferenceAsync(request.ConferenceId, context.CancellationToken));

    public override async Task<ListSessionsResponse> ListSessions(ListSessionsRequest request, ServerCallContext context)
    {
        var query = ToQuery(request);
        var snapshot = await agenda.LoadAsync(request.ConferenceId, context.CancellationToken);
        var page = AgendaQueries.ListSessions(snapshot, query, ToPage(request.PageSize, request.PageToken));
        return new ListSessionsResponse
        {
            Sessions = { page.Items.Select(s => ToProto(s, snapshot.Conference.TimeZone)) },
            NextPageToken = page.NextPageToken,
            TotalSize = page.TotalSize,
        };
    }

    public override async Task<Contracts.Schedule.V1.Session> GetSession(GetSessionRequest request, ServerCallContext context)
    {
        var snapshot = await agenda.LoadAsync(request.ConferenceId, context.CancellationToken);
        return ToProto(AgendaQueries.FindSession(snapshot, request.SessionId), snapshot.Conference.TimeZone);
    }

    public override async Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context)
    {
        var page = await agenda.ListSpeakersAsync(request.ConferenceId, ToPage(request.PageSize, request.PageToken), context.CancellationToken);
        return new ListSpeakersResponse { Speakers = { page.Items.Select(ToProto) }, NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
    }

    public override async Task<Contracts.Schedule.V1.Speaker> GetSpeaker(GetSpeakerRequest request, ServerCallContext context) =>
        ToProto(await agenda.GetSpeakerAsync(request.ConferenceId, request.SpeakerId, context.CancellationToken));

    public override async Task<ListSponsorsResponse> ListSponsors(ListSponsorsRequest request, ServerCallContext context)
    {
        var page = await agenda.ListSponsorsAsync(request.ConferenceId, ToPage(request.PageSize, request.PageToken), context.CancellationToken);
        return new ListSponsorsResponse { Sponsors = { page.Items.Select(ToProto) }, NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Session> CreateSession(CreateSessionRequest request, ServerCallContext context)
    {
        var created = await agenda.CreateSessionAsync(request.ConferenceId, ToDraft(request.Session), Actor(context), context.CancellationToken);
        return await ToProtoAsync(request.ConferenceId, created, context);
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Session> UpdateSession(UpdateSessionRequest request, ServerCallContext context)
    {
        var session = request.Session ?? throw new InvalidArgumentException("session", "is required.");
        var updated = await agenda.UpdateSessionAsync(
            request.ConferenceId, session.Id, ToPatch(session, request.UpdateMask), session.Etag, Actor(context), context.CancellationToken);
        return await ToProtoAsync(request.ConferenceId, updated, context);
    }

    [Authorize(Policy = WriterAuthentication.WriterPolicy)]
    public override async Task<Contracts.Schedule.V1.Session> DeleteSession(DeleteSessionRequest request, ServerCallContext context)
    {
        var cancelled = await agenda.CancelSessionAsync(request.ConferenceId, request.SessionId, request.Etag, Actor(context), context.CancellationToken);
        return await ToProtoAsync(request.ConferenceId, cancelled, context);
    }

    public override async Task<ListChangesResponse> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        var zone = (await agenda.GetConferenceAsync(request.ConferenceId, context.CancellationToken)).TimeZone;
        var after = ChangeCursor.Read(request.PageToken, request.AfterVersion);
        var changes = await agenda.ListChangesAsync(request.ConferenceId, after, request.PageSize, context.CancellationToken);
        var full = changes.Count == (request.PageSize == 0 ? Paging.DefaultPageSize : Math.Min(request.PageSize, AgendaService.MaxChangesPerPage));
        return new ListChangesResponse
        {
            Changes = { changes.Select(c => ToProto(c, zone)) },
            NextPageToken = full && changes.Count > 0 ? ChangeCursor.Write(changes[^1].Version) : "",
        };
    }

    public override async Task WatchSchedule(WatchScheduleRequest request, IServerStreamWriter<ScheduleChange> responseStream, ServerCallContext context)
    {
        var zone = (await agenda.GetConferenceAsync(request.ConferenceId, context.CancellationToken)).TimeZone;
        try
        {
            await foreach (var change in agenda.WatchAsync(request.ConferenceId, request.AfterVersion, context.CancellationToken))
            {
                await responseStream.WriteAsync(ToProto(change, zone), context.CancellationToken);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away.
        }
    }

    private async Task<Contracts.Schedule.V1.Session> ToProtoAsync(string conferenceId, Schedule.Session session, ServerCallContext context) =>
        ToProto(session, (await agenda.GetConferenceAsync(conferenceId, context.CancellationToken)).TimeZone);

    /// <summary>Who changes the agenda, for the change log: the token's name, else its subject.</summary>
    private static string Actor(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.Name is { Length: > 0 } name ? name : user.FindFirst("sub")?.Value ?? "unknown";
    }
}
