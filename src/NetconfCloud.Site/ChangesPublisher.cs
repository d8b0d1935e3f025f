using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Site;

/// <summary>
/// Answers what changed at a conference: the public page (<c>?older=</c> for older versions) and its Atom feed, read
/// from the schedule service's public change log. The newest page and the feed are made once per agenda version and
/// kept (one of each per conference); when the service cannot be read, the kept ones are served marked stale.
/// </summary>
public sealed partial class ChangesPublisher(IAgendaSource agendas, IPublicChangeSource changes, IOptions<FeedOptions> options, ILogger<ChangesPublisher> logger)
{
    private const string HtmlType = "text/html; charset=utf-8";

    private readonly ConcurrentDictionary<string, Kept> kept = new(StringComparer.Ordinal);

    /// <summary>The changes page in <paramref name="language"/>: the newest versions, or those below <paramref name="older"/> (a version number).</summary>
    public async Task<FeedResult> GetPageAsync(string conferenceId, string? older, SiteLanguage language, CancellationToken cancellationToken)
    {
        long olderThan = 0;
        if (!string.IsNullOrEmpty(older) && (!long.TryParse(older, NumberStyles.None, CultureInfo.InvariantCulture, out olderThan) || olderThan <= 0))
        {
            return ErrorPage.Result(FeedStatus.BadRequest, options.Value, language, language.Texts.Changes.PageTitleError, language.Texts.Changes.BadOlder, null);
        }

        if (olderThan == 0)
        {
            var newest = await NewestAsync(conferenceId, cancellationToken);
            return newest.Failure ?? FeedResult.Ok(newest.Page!.HtmlIn(language, (agenda, page) => Html(agenda, page, isNewest: true, language)), newest.Stale);
        }

        var (failure, agenda, page) = await ReadAsync(conferenceId, new PublicChangeQuery(OlderThan: olderThan), cancellationToken);
        return failure ?? FeedResult.Ok(Html(agenda!, page!, isNewest: false, language));
    }

    /// <summary>The Atom feed of the newest changes.</summary>
    public async Task<FeedResult> GetFeedAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var newest = await NewestAsync(conferenceId, cancellationToken);
        return newest.Failure ?? FeedResult.Ok(newest.Page!.Feed, newest.Stale);
    }

    /// <summary>
    /// The changes to <paramref name="sessionIds"/> after version <paramref name="since"/> (0: every change to them),
    /// newest first; null when they cannot be read now (the page then goes without them).
    /// </summary>
    public async Task<PublicChangePage?> ForPicksAsync(string conferenceId, IReadOnlyList<string> sessionIds, long since, CancellationToken cancellationToken)
    {
        try
        {
            return sessionIds.Count == 0
                ? new PublicChangePage(0, DateTimeOffset.UnixEpoch, [], 0)
                : await changes.ListAsync(conferenceId, new PublicChangeQuery(AfterVersion: since, PageSize: PublicChanges.MaxVersionsPerPage) { SessionIds = sessionIds }, cancellationToken);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable(conferenceId, e.Message);
            return null;
        }
    }

    private async Task<(FeedResult? Failure, Kept? Page, bool Stale)> NewestAsync(string conferenceId, CancellationToken cancellationToken)
    {
        AgendaSnapshot? agenda;
        try
        {
            agenda = Slug.IsValid(conferenceId) ? await agendas.LoadAsync(conferenceId, cancellationToken) : null;
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable(conferenceId, e.Message);
            return kept.TryGetValue(conferenceId, out var stale) ? (null, stale, true) : (Unavailable(), null, false);
        }

        if (agenda is null)
        {
            return (NotFound(conferenceId), null, false);
        }

        if (kept.TryGetValue(conferenceId, out var held) && held.Version == agenda.Conference.AgendaVersion)
        {
            return (null, held, false);
        }

        var (failure, _, page) = await ReadAsync(conferenceId, new PublicChangeQuery(), cancellationToken, agenda);
        if (failure is not null)
        {
            return held is not null && failure.Status == FeedStatus.Unavailable ? (null, held, true) : (failure, null, false);
        }

        var lastChange = page!.Versions.Count > 0 ? page.Versions[0].Time : agenda.Conference.AgendaUpdateTime;
        var made = new Kept(
            agenda.Conference.AgendaVersion,
            agenda,
            page,
            new FeedDocument(ChangesFeed.Render(agenda, page, options.Value), ChangesFeed.ContentType + "; charset=utf-8", "", lastChange, agenda.Conference.AgendaVersion));
        kept[conferenceId] = made;
        return (null, made, false);
    }

    private async Task<(FeedResult? Failure, AgendaSnapshot? Agenda, PublicChangePage? Page)> ReadAsync(
        string conferenceId, PublicChangeQuery query, CancellationToken cancellationToken, AgendaSnapshot? agenda = null)
    {
        if (!Slug.IsValid(conferenceId))
        {
            return (NotFound(conferenceId), null, null);
        }

        try
        {
            agenda ??= await agendas.LoadAsync(conferenceId, cancellationToken);
            var page = agenda is null ? null : await changes.ListAsync(conferenceId, query, cancellationToken);
            return agenda is null || page is null ? (NotFound(conferenceId), null, null) : (null, agenda, page);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable(conferenceId, e.Message);
            return (Unavailable(), null, null);
        }
    }

    private FeedDocument Html(AgendaSnapshot agenda, PublicChangePage page, bool isNewest, SiteLanguage language) =>
        new(Encoding.UTF8.GetBytes(ChangesPage.Render(agenda, page, isNewest, options.Value, language)), HtmlType, "",
            page.Versions.Count > 0 ? page.Versions[0].Time : agenda.Conference.AgendaUpdateTime, agenda.Conference.AgendaVersion)
        {
            MaxAge = PagePublisher.PageMaxAge,
            Headers = PageHeaders.Page(language),
        };

    private FeedResult NotFound(string conferenceId) =>
        ErrorPage.Result(FeedStatus.NotFound, options.Value, SiteLanguage.English, "Not on this site", $"No conference '{(conferenceId.Length <= 63 ? conferenceId : conferenceId[..63] + "…")}'.", null);

    private static FeedResult Unavailable() => FeedResult.Unavailable("The changes cannot be read right now; try again shortly.");

    /// <summary>A conference's newest changes at one agenda version: the feed, and the page in each language asked for.</summary>
    private sealed record Kept(long Version, AgendaSnapshot Agenda, PublicChangePage Page, FeedDocument Feed)
    {
        private readonly ConcurrentDictionary<SiteLanguage, FeedDocument> pages = new();

        public FeedDocument HtmlIn(SiteLanguage language, Func<AgendaSnapshot, PublicChangePage, FeedDocument> render) =>
            pages.GetOrAdd(language, _ => render(Agenda, Page));
    }

    [LoggerMessage(LogLevel.Warning, "The changes of {Conference} cannot be read: {Reason}")]
    private partial void LogUnavailable(string conference, string reason);
}
