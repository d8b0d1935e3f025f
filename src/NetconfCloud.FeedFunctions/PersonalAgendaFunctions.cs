using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NetconfCloud.Feeds;
using NetconfCloud.Schedule;
using NetconfCloud.Site;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// Personal agendas over HTTP, anonymous: the address is the key. A form post (the page, with or without
/// JavaScript) is answered with a redirect to the agenda's page; a JSON request with the agenda as JSON.
/// </summary>
public sealed class PersonalAgendaFunctions(PersonalAgendaPublisher publisher, PagePublisher pages, ClientAddresses addresses)
{
    [Function("CreatePersonalAgenda")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = PersonalAgendaRoutes.Create)] HttpRequest request, string conference)
    {
        if (await PicksRequest.ReadAsync(request) is not { Picks: { } picks } read)
        {
            return PicksRequest.Refusal(request);
        }

        var client = addresses.Resolve(request.HttpContext.Connection.RemoteIpAddress, request.Headers["X-Forwarded-For"], relayed: null);
        var result = await publisher.CreateAsync(conference, picks, client, request.HttpContext.RequestAborted);
        if (result.Agenda is null && read.IsForm && result.Status == FeedStatus.BadRequest)
        {
            return new FeedHttpResult(await pages.GetPicksRefusalAsync(conference, picks, PersonalAgendaRoutes.CreateUrl(publisher.Options, conference).AbsolutePath, PageLanguage.Of(request).Language, request.HttpContext.RequestAborted));
        }

        if (read.IsForm && result.Status == FeedStatus.TooManyRequests)
        {
            var language = PageLanguage.Of(request).Language;
            var seconds = (int)Math.Ceiling((result.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
            return new FeedHttpResult(ErrorPage.Result(result.Status, publisher.Options, language, language.Texts.TooManyAgendasTitle, language.Texts.TooManyAgendas(seconds), conference: null) with { RetryAfter = result.RetryAfter });
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
                : await PageLanguage.AnswerAsync(request, language => publisher.GetPageAsync(conference, id, request.Query["since"].FirstOrDefault(), language, cancellation));
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
            return new FeedHttpResult(await pages.GetPicksRefusalAsync(conference, refused, PersonalAgendaRoutes.PageUrl(publisher.Options, conference, id).AbsolutePath, PageLanguage.Of(request).Language, cancellation));
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
/// (<c>{"sessionIds": [...], "etag": "..."}</c>); at most 64 KiB, counted on the bytes read (chunked or not): at
/// most one byte more than that is read before a body is refused with 413.
/// </summary>
internal sealed record PicksRequest(IReadOnlyList<string>? Picks, string ETag, string Action, bool IsForm)
{
    public const string Save = "save";
    public const string Revoke = "revoke";

    public const int MaxBodyBytes = 64 * 1024;

    private const string TooLarge = "netconf.body-too-large";

    public static async Task<PicksRequest?> ReadAsync(HttpRequest request)
    {
        try
        {
            if (request.ContentLength > MaxBodyBytes || !await BufferAsync(request))
            {
                request.HttpContext.Items[TooLarge] = true;
                return null;
            }

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

    /// <summary>
    /// Reads the body into memory, at most <see cref="MaxBodyBytes"/> + 1 bytes whatever Content-Length says or does
    /// not say, and puts it in the request's place; false when there is more.
    /// </summary>
    private static async Task<bool> BufferAsync(HttpRequest request)
    {
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return false;
        }

        request.Body = new MemoryStream(buffer, 0, length, writable: false);
        return true;
    }

    public static IActionResult Refusal(HttpRequest request) =>
        request.HttpContext.Items.ContainsKey(TooLarge)
            ? HttpAnswer.Text(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes / 1024} KiB.")
            : !request.HasFormContentType && !request.HasJsonContentType()
                ? HttpAnswer.Text(StatusCodes.Status415UnsupportedMediaType, "Send a form (session=…) or JSON ({\"sessionIds\": […]}).")
                : HttpAnswer.Text(StatusCodes.Status400BadRequest, "The body is not a form of session fields or JSON of the form {\"sessionIds\": [\"…\"]}.");
}
