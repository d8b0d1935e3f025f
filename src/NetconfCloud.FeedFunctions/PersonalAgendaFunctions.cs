using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NetconfCloud.Feeds;
using NetconfCloud.Site;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// Personal agendas over HTTP, anonymous: the address is the key. A form post (the page, with or without
/// JavaScript) is answered with a redirect to the agenda's page; a JSON request with the agenda as JSON.
/// </summary>
public sealed class PersonalAgendaFunctions(PersonalAgendaPublisher publisher, PagePublisher pages)
{
    [Function("CreatePersonalAgenda")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PersonalAgendaRoutes.Create)] HttpRequest request, string conference)
    {
        if (await PicksRequest.ReadAsync(request) is not { Picks: { } picks } read)
        {
            return PicksRequest.Refusal(request);
        }

        var result = await publisher.CreateAsync(conference, picks, request.HttpContext.RequestAborted);
        if (result.Agenda is null && read.IsForm && result.Status == FeedStatus.BadRequest)
        {
            return new FeedHttpResult(await pages.GetPicksRefusalAsync(conference, picks, PersonalAgendaRoutes.CreateUrl(publisher.Options, conference).AbsolutePath, request.HttpContext.RequestAborted));
        }

        return result.Agenda is not { } created ? new FeedHttpResult(result.AsFeedResult())
            : read.IsForm ? HttpAnswer.SeeOther(PersonalAgendaRoutes.PageUrl(publisher.Options, conference, created.Id))
            : HttpAnswer.Json(StatusCodes.Status201Created, PersonalAgendaDocuments.Render(created, publisher.Options), PersonalAgendaRoutes.PageUrl(publisher.Options, conference, created.Id));
    }

    [Function("PersonalAgenda")]
    public async Task<IActionResult> Agenda(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "put", "post", "delete", Route = PersonalAgendaRoutes.Page)] HttpRequest request,
        string conference, string id)
    {
        var cancellation = request.HttpContext.RequestAborted;
        if (HttpMethods.IsDelete(request.Method))
        {
            return Answer(await publisher.RevokeAsync(conference, id, cancellation));
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return WantsJson(request)
                ? Answer(await publisher.GetAsync(conference, id, cancellation))
                : new FeedHttpResult(await publisher.GetPageAsync(conference, id, request.Query["since"].FirstOrDefault(), cancellation));
        }

        if (await PicksRequest.ReadAsync(request) is not { } read)
        {
            return PicksRequest.Refusal(request);
        }

        var etag = request.Headers.IfMatch.ToString().Trim() is { Length: > 0 } ifMatch ? ifMatch : read.ETag;
        var result = read.Action == PicksRequest.Revoke
            ? await publisher.RevokeAsync(conference, id, cancellation)
            : read.Picks is { } picks ? await publisher.UpdateAsync(conference, id, picks, etag, cancellation)
            : PersonalAgendaResult.Refused(FeedStatus.BadRequest, "action must be 'save' (with the picked sessions) or 'revoke'.");
        if (read.IsForm && result.Agenda is null && result.Status == FeedStatus.BadRequest && read.Picks is { } refused)
        {
            return new FeedHttpResult(await pages.GetPicksRefusalAsync(conference, refused, PersonalAgendaRoutes.PageUrl(publisher.Options, conference, id).AbsolutePath, cancellation));
        }

        return read.IsForm && result.Agenda is not null
            ? HttpAnswer.SeeOther(read.Action == PicksRequest.Revoke ? PageRoutes.ConferenceUrl(publisher.Options, conference) : PersonalAgendaRoutes.PageUrl(publisher.Options, conference, id))
            : Answer(result);
    }

    [Function("PersonalAgendaCalendar")]
    public async Task<IActionResult> Calendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PersonalAgendaRoutes.Calendar)] HttpRequest request, string conference, string id) =>
        new FeedHttpResult(await publisher.GetCalendarAsync(conference, id, request.HttpContext.RequestAborted));

    [Function("PersonalAgendaQrCode")]
    public async Task<IActionResult> QrCode(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PersonalAgendaRoutes.Qr)] HttpRequest request, string conference, string id) =>
        new FeedHttpResult(await publisher.GetQrAsync(conference, id, request.HttpContext.RequestAborted));

    /// <summary>A program asking for JSON (Accept names application/json before text/html) gets the agenda as JSON; a browser its page.</summary>
    private static bool WantsJson(HttpRequest request) =>
        request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.OrderByDescending(a => a.Quality ?? 1).FirstOrDefault(a => a.MediaType == "application/json" || a.MediaType == "text/html")?.MediaType == "application/json";

    private IActionResult Answer(PersonalAgendaResult result) =>
        result.Agenda is { } agenda
            ? HttpAnswer.Json(StatusCodes.Status200OK, PersonalAgendaDocuments.Render(agenda, publisher.Options))
            : new FeedHttpResult(result.AsFeedResult());
}

/// <summary>
/// The picks of a request: a form (<c>session</c> fields, <c>action</c> save or revoke) or JSON
/// (<c>{"sessionIds": [...], "etag": "..."}</c>); at most 64 KiB.
/// </summary>
internal sealed record PicksRequest(IReadOnlyList<string>? Picks, string ETag, string Action, bool IsForm)
{
    public const string Save = "save";
    public const string Revoke = "revoke";

    private const int MaxBodyBytes = 64 * 1024;

    public static async Task<PicksRequest?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                var action = form["action"].ToString() is { Length: > 0 } named ? named : Save;
                return new PicksRequest(action == Save ? [.. form["session"].Select(v => v ?? "")] : null, form["etag"].ToString(), action, IsForm: true);
            }

            if (request.HasJsonContentType())
            {
                var (picks, etag) = await PersonalAgendaDocuments.ReadPicksAsync(request.Body, request.HttpContext.RequestAborted);
                return new PicksRequest(picks, etag, Save, IsForm: false);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }

        return null;
    }

    public static IActionResult Refusal(HttpRequest request) =>
        request.ContentLength > MaxBodyBytes
            ? HttpAnswer.Text(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes / 1024} KiB.")
            : !request.HasFormContentType && !request.HasJsonContentType()
                ? HttpAnswer.Text(StatusCodes.Status415UnsupportedMediaType, "Send a form (session=…) or JSON ({\"sessionIds\": […]}).")
                : HttpAnswer.Text(StatusCodes.Status400BadRequest, "The body is not a form of session fields or JSON of the form {\"sessionIds\": [\"…\"]}.");
}
