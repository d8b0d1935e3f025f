using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Site;

/// <summary>
/// Personal agendas as attendees use them over HTTP: made from the picks of the conference page, read back as a
/// calendar feed named "{conference} — my agenda" that follows later changes to the picked talks (it names talks,
/// and each read renders them from the current agenda), changed and revoked by whoever holds the address.
/// Every answer is a <see cref="PersonalAgendaResult"/>: the agenda, or why not (400 with the field, 404, 410, 409, 503).
/// </summary>
public sealed partial class PersonalAgendaPublisher(
    IPersonalAgendas agendas, IAgendaSource source, FeedPublisher feeds, IOptions<FeedOptions> options, ILogger<PersonalAgendaPublisher> logger,
    CreationLimiter limiter, ChangesPublisher changes)
{
    public FeedOptions Options => options.Value;

    /// <summary>
    /// Makes a personal agenda for the end user at <paramref name="clientAddress"/>: counted against that address's
    /// budget and everybody's (<see cref="CreationLimiter"/>) here, and passed on to the service, which counts it again
    /// across every instance of this app; beyond either, 429 with when to come back.
    /// </summary>
    public Task<PersonalAgendaResult> CreateAsync(string conferenceId, IReadOnlyList<string> sessionIds, string clientAddress, CancellationToken cancellationToken)
    {
        if (Slug.IsValid(conferenceId) && limiter.TryAcquire(clientAddress) is { } refusal)
        {
            return Task.FromResult(PersonalAgendaResult.Limited(refusal.Message, refusal.RetryAfter));
        }

        return Answer(conferenceId, "", async () => await agendas.CreateAsync(conferenceId, sessionIds, clientAddress, cancellationToken));
    }

    /// <summary>The personal agenda; a revoked one is refused as gone.</summary>
    public async Task<PersonalAgendaResult> GetAsync(string conferenceId, string id, CancellationToken cancellationToken)
    {
        var result = await Answer(conferenceId, id, async () => await agendas.GetAsync(conferenceId, id, cancellationToken));
        return result.Agenda is { IsRevoked: true } ? Revoked : result;
    }

    public Task<PersonalAgendaResult> UpdateAsync(string conferenceId, string id, IReadOnlyList<string> sessionIds, string etag, CancellationToken cancellationToken) =>
        Answer(conferenceId, id, async () => await agendas.UpdateAsync(conferenceId, id, sessionIds, etag, cancellationToken));

    public Task<PersonalAgendaResult> RevokeAsync(string conferenceId, string id, CancellationToken cancellationToken) =>
        Answer(conferenceId, id, async () => await agendas.RevokeAsync(conferenceId, id, cancellationToken));

    /// <summary>The personal agenda's calendar: its talks as they are now, cancelled ones marked so that calendars drop them.</summary>
    public Task<FeedResult> GetCalendarAsync(string conferenceId, string id, CancellationToken cancellationToken) =>
        RenderAsync(conferenceId, id, (picks, agenda, lastChange) =>
        {
            var selection = new FeedSelection(
                PersonalAgendaPage.CalendarName(agenda.Conference), $"{agenda.Conference.FullName}: the talks you picked.", picks.SessionsOf(agenda));
            var body = feeds.Calendars.Render(selection, agenda, options.Value);
            return new FeedDocument(body, "text/calendar; charset=utf-8", $"{conferenceId}-my-agenda.ics", lastChange, agenda.Conference.AgendaVersion) { IsPrivate = true };
        }, cancellationToken);

    /// <summary>
    /// The personal agenda's own page in <paramref name="language"/> (its talks, its subscribe links and QR code, the
    /// forms to change or revoke it), with what changed in its talks after agenda version <paramref name="since"/>
    /// (the version the attendee last saw; none given: every change to them). A bad <paramref name="since"/> is a
    /// page saying so (400).
    /// </summary>
    public async Task<FeedResult> GetPageAsync(string conferenceId, string id, string? since, SiteLanguage language, CancellationToken cancellationToken)
    {
        long after = 0;
        if (!string.IsNullOrEmpty(since) && (!long.TryParse(since, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out after) || after <= 0))
        {
            return ErrorPage.Result(FeedStatus.BadRequest, options.Value, language, language.Texts.Changes.PageTitleError, language.Texts.Changes.BadSince, null);
        }

        PicksChanges? changed = null;
        return await RenderAsync(conferenceId, id, (picks, agenda, lastChange) =>
        {
            var body = System.Text.Encoding.UTF8.GetBytes(PersonalAgendaPage.Render(agenda, picks, options.Value, QrSvg(picks, language), language, changed));
            return new FeedDocument(body, "text/html; charset=utf-8", "", lastChange, agenda.Conference.AgendaVersion)
            {
                IsPrivate = true,
                MaxAge = TimeSpan.Zero,
                Headers = PageHeaders.Page(language),
            };
        }, cancellationToken, async picks => changed = new PicksChanges(after, await changes.ForPicksAsync(conferenceId, picks.SessionIds, after, cancellationToken)));
    }

    /// <summary>
    /// A document made of a personal agenda and the conference's agenda as they are now, given the later of their last
    /// changes; or why there is none.
    /// </summary>
    private async Task<FeedResult> RenderAsync(
        string conferenceId, string id, Func<PersonalAgenda, AgendaSnapshot, DateTimeOffset, FeedDocument> render, CancellationToken cancellationToken,
        Func<PersonalAgenda, Task>? before = null)
    {
        var found = await GetAsync(conferenceId, id, cancellationToken);
        if (found.Agenda is not { } picks)
        {
            return found.AsFeedResult();
        }

        if (before is not null)
        {
            await before(picks);
        }

        AgendaSnapshot? agenda;
        try
        {
            agenda = await source.LoadAsync(conferenceId, cancellationToken);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable(conferenceId, e.Message);
            return FeedResult.Unavailable(Unavailable);
        }

        if (agenda is null)
        {
            return FeedResult.NotFound($"No conference '{conferenceId}'.");
        }

        var lastChange = agenda.Conference.AgendaUpdateTime > picks.UpdateTime ? agenda.Conference.AgendaUpdateTime : picks.UpdateTime;
        return FeedResult.Ok(render(picks, agenda, lastChange));
    }

    /// <summary>
    /// A QR code of the personal calendar's webcal:// address, for a phone's camera: an iPhone opens Calendar's
    /// subscribe dialog from it, Android opens a calendar app that takes webcal (ICSx⁵ and others). Made by QRCoder, as
    /// SVG (<see cref="QrCodeSvg"/>).
    /// </summary>
    public async Task<FeedResult> GetQrAsync(string conferenceId, string id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(conferenceId, id, cancellationToken);
        return found.Agenda is not { } picks
            ? found.AsFeedResult()
            : FeedResult.Ok(new FeedDocument(
                System.Text.Encoding.UTF8.GetBytes(QrSvg(picks)), "image/svg+xml; charset=utf-8", $"{conferenceId}-my-agenda.svg", picks.UpdateTime, 0)
            {
                IsPrivate = true,
                Headers = PageHeaders.Security,
            });
    }

    /// <summary>The QR code of <paramref name="agenda"/>'s calendar, as an SVG element that a page can carry inline.</summary>
    public string QrSvg(PersonalAgenda agenda, SiteLanguage? language = null) =>
        QrCodeSvg.Render(FeedUrls.Webcal(PersonalAgendaRoutes.CalendarUrl(options.Value, agenda.ConferenceId, agenda.Id)).ToString(), (language ?? SiteLanguage.English).Texts.QrCodeLabel);

    private static readonly PersonalAgendaResult Revoked = PersonalAgendaResult.Refused(
        FeedStatus.Gone, "This personal agenda was revoked; its calendar no longer updates. Make a new one from the conference page.");

    private const string Unavailable = "Personal agendas cannot be reached right now; try again shortly.";

    private async Task<PersonalAgendaResult> Answer(string conferenceId, string id, Func<Task<PersonalAgenda>> operation)
    {
        if (!Slug.IsValid(conferenceId))
        {
            return PersonalAgendaResult.Refused(FeedStatus.BadRequest, "conference is not a conference id.");
        }

        if (id.Length > 0 && !PersonalAgendaId.IsValid(id))
        {
            return PersonalAgendaResult.Refused(FeedStatus.BadRequest, $"id is not a personal agenda id ({PersonalAgendaId.Length} letters a–z and digits 2–7).");
        }

        try
        {
            return PersonalAgendaResult.Ok(await operation());
        }
        catch (InvalidArgumentException e)
        {
            return PersonalAgendaResult.Refused(FeedStatus.BadRequest, string.Join("\n", e.Violations.Select(v => $"{v.Field}: {v.Description}")));
        }
        catch (NotFoundException e) when (e.ResourceName.Contains("personalAgendas", StringComparison.Ordinal))
        {
            return PersonalAgendaResult.Refused(FeedStatus.NotFound, $"No personal agenda with that id at {conferenceId}.");
        }
        catch (NotFoundException)
        {
            return PersonalAgendaResult.Refused(FeedStatus.NotFound, $"No conference '{conferenceId}'.");
        }
        catch (PersonalAgendaRevokedException)
        {
            return Revoked;
        }
        catch (RateLimitedException e)
        {
            return PersonalAgendaResult.Limited(e.Message, e.RetryAfter);
        }
        catch (ConcurrencyConflictException)
        {
            return PersonalAgendaResult.Refused(FeedStatus.Conflict, "This personal agenda was changed meanwhile; read it again and retry.");
        }
        catch (Exception e) when (e is AgendaSourceUnavailableException or StorageUnavailableException)
        {
            LogUnavailable(conferenceId, e.Message);
            return PersonalAgendaResult.Refused(FeedStatus.Unavailable, Unavailable);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Personal agendas of {ConferenceId} cannot be reached: {Reason}")]
    private partial void LogUnavailable(string conferenceId, string reason);
}

/// <summary>A personal agenda, or why there is none (<see cref="Status"/> and a short message naming the field at fault).</summary>
public sealed record PersonalAgendaResult(FeedStatus Status, PersonalAgenda? Agenda, string Message)
{
    public static PersonalAgendaResult Ok(PersonalAgenda agenda) => new(FeedStatus.Ok, agenda, "");

    public static PersonalAgendaResult Refused(FeedStatus status, string message) => new(status, null, message);

    /// <summary>Too many made: 429, and when to come back.</summary>
    public static PersonalAgendaResult Limited(string message, TimeSpan retryAfter) => new(FeedStatus.TooManyRequests, null, message) { RetryAfter = retryAfter };

    public TimeSpan? RetryAfter { get; init; }

    public FeedResult AsFeedResult() => new(Status, null, Message) { RetryAfter = RetryAfter };
}
