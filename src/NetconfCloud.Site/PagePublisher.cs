using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Site;

/// <summary>
/// Answers the attendee pages: the index of conferences, a conference's page and its now-and-next document. A
/// conference page is rendered once per agenda version (kept, bounded, least recently used dropped first) and only
/// its "Now and next" section is made per request. When the agenda cannot be read, the last good page is served
/// (marked stale), as <see cref="FeedPublisher"/> does for feeds; otherwise "unavailable".
/// </summary>
public sealed partial class PagePublisher(IAgendaSource source, IOptions<FeedOptions> options, TimeProvider time, ILogger<PagePublisher> logger)
{
    /// <summary>How long a page may be kept by a browser: its "Now and next" section moves on.</summary>
    public static readonly TimeSpan PageMaxAge = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan NowAndNextMaxAge = TimeSpan.FromSeconds(30);

    private const string HtmlType = "text/html; charset=utf-8";

    // A quarter of the feed cache's budget; an agenda is weighed at about 1 KiB a session besides its page.
    private readonly LruCache<string, Kept> pages =
        new(Math.Max(options.Value.FeedCacheBytes / 4, 1), kept => kept.Page.Length + (kept.Agenda.Sessions.Count * 1024L));

    private FeedDocument? lastIndex;

    /// <summary>The pages kept, by conference id.</summary>
    internal int PagesKept => pages.Count;

    /// <summary>The index of conferences.</summary>
    public async Task<FeedResult> GetIndexAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Conference> conferences;
        try
        {
            conferences = await source.ListConferencesAsync(cancellationToken);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable("the index", e.Message);
            return lastIndex is { } stale ? FeedResult.Ok(stale, stale: true) : Unavailable();
        }

        var body = Encoding.UTF8.GetBytes(ConferenceIndexPage.Render(conferences, options.Value));
        var changed = conferences.Select(c => c.AgendaUpdateTime).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var document = new FeedDocument(body, HtmlType, "", changed, 0) { MaxAge = PageMaxAge, Headers = PageHeaders.Security };
        lastIndex = document;
        return FeedResult.Ok(document);
    }

    /// <summary>A conference's page, with what is on now and next at the time of the request.</summary>
    public async Task<FeedResult> GetConferencePageAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var (failure, page, stale) = await LoadAsync(conferenceId, cancellationToken);
        if (page is null)
        {
            return failure!;
        }

        var now = time.GetUtcNow();
        var report = NowAndNext.Of(page.Agenda, now);
        var section = new HtmlWriter(2048);
        report.WriteTo(section);
        var text = section.ToString();
        var lastModified = report.LastChange;
        var document = new FeedDocument(page.Page.With(text), HtmlType, "", lastModified, page.Agenda.Conference.AgendaVersion, page.Page.ETagWith(text))
        {
            MaxAge = PageMaxAge,
            Headers = PageHeaders.Security,
        };
        return FeedResult.Ok(document, stale);
    }

    /// <summary>Every way to add one calendar feed of the conference, named by its path (<c>sessions/bpf-updates.ics</c>).</summary>
    public async Task<FeedResult> GetSubscribePageAsync(string conferenceId, string feedPath, CancellationToken cancellationToken)
    {
        FeedKey? key;
        try
        {
            key = Slug.IsValid(conferenceId) ? FeedKey.FromPath(conferenceId, feedPath) : null;
        }
        catch (FeedRequestException e)
        {
            return FeedResult.BadRequest(e.Message);
        }

        var (failure, page, stale) = await LoadAsync(conferenceId, cancellationToken);
        if (page is null)
        {
            return failure!;
        }

        if (key is null || key.Definition.Select!(key, page.Agenda) is not { } selection)
        {
            return FeedResult.NotFound($"No calendar '{feedPath}' at {conferenceId}.");
        }

        var body = Encoding.UTF8.GetBytes(SubscribePage.Render(page.Agenda, key, selection.Title, options.Value));
        var document = new FeedDocument(body, HtmlType, "", page.Agenda.Conference.AgendaUpdateTime, page.Agenda.Conference.AgendaVersion)
        {
            MaxAge = PageMaxAge,
            Headers = PageHeaders.Security,
        };
        return FeedResult.Ok(document, stale);
    }

    /// <summary>What is on now and next in each room, as JSON: at <paramref name="at"/> (ISO 8601 with an offset) or now.</summary>
    public async Task<FeedResult> GetNowAndNextAsync(string conferenceId, string? at, CancellationToken cancellationToken)
    {
        var instant = time.GetUtcNow();
        if (!string.IsNullOrEmpty(at) && !NowAndNext.TryParseInstant(at, out instant))
        {
            return FeedResult.BadRequest("at must be a date and time with an offset, e.g. 2015-02-12T10:15:00-05:00.");
        }

        var (failure, page, stale) = await LoadAsync(conferenceId, cancellationToken);
        if (page is null)
        {
            return failure!;
        }

        var report = NowAndNext.Of(page.Agenda, instant);
        var body = Encoding.UTF8.GetBytes(report.ToJson(options.Value));
        var document = new FeedDocument(body, "application/json; charset=utf-8", "", report.LastChange, page.Agenda.Conference.AgendaVersion)
        {
            MaxAge = NowAndNextMaxAge,
            Headers = PageHeaders.Security,
        };
        return FeedResult.Ok(document, stale);
    }

    /// <summary>The kept page of the conference's current agenda version, rendering it when the version moved.</summary>
    private async Task<(FeedResult? Failure, Kept? Page, bool Stale)> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(conferenceId))
        {
            return (FeedResult.BadRequest("conference is not a conference id."), null, false);
        }

        AgendaSnapshot? agenda;
        try
        {
            agenda = await source.LoadAsync(conferenceId, cancellationToken);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable(conferenceId, e.Message);
            return pages.TryGetValue(conferenceId, out var stale) ? (null, stale, true) : (Unavailable(), null, false);
        }

        if (agenda is null)
        {
            return (FeedResult.NotFound($"No conference '{conferenceId}'."), null, false);
        }

        if (pages.TryGetValue(conferenceId, out var kept) && kept.Agenda.Conference.AgendaVersion == agenda.Conference.AgendaVersion)
        {
            return (null, kept, false);
        }

        var rendered = new Kept(ConferencePage.Template(agenda, options.Value), agenda);
        pages.Set(conferenceId, rendered);
        return (null, rendered, false);
    }

    private sealed record Kept(ConferencePageTemplate Page, AgendaSnapshot Agenda);

    private static FeedResult Unavailable() => FeedResult.Unavailable("The agenda cannot be read right now; try again shortly.");

    [LoggerMessage(LogLevel.Warning, "The agenda cannot be read for the page of {Conference}: {Reason}")]
    private partial void LogUnavailable(string conference, string reason);
}
