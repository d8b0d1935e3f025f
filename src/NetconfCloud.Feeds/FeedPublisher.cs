using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Feeds;

/// <summary>
/// Answers feed requests: reads the agenda, picks the feed, renders it. A rendering is reused while the agenda
/// version is unchanged, and the last good rendering of each feed is served (marked stale) when the agenda cannot
/// be read; only a feed never rendered (or not kept: see <see cref="FeedOptions.FeedCacheMegabytes"/>) gets
/// "unavailable". Never an empty calendar on a failure. Calendars are composed from kept event texts, so a new
/// agenda version serialises only the sessions that changed.
/// </summary>
public sealed partial class FeedPublisher(IAgendaSource source, IOptions<FeedOptions> options, ILogger<FeedPublisher> logger)
{
    private readonly LruCache<FeedKey, FeedDocument> lastGood = new(options.Value.FeedCacheBytes, document => document.Body.Length);

    internal CalendarComposer Calendars { get; } = new(options.Value.EventCacheBytes);

    /// <summary>The rendered feeds kept.</summary>
    internal LruCache<FeedKey, FeedDocument> Feeds => lastGood;

    public async Task<FeedResult> GetAsync(FeedKind kind, string conferenceId, string argument, CancellationToken cancellationToken)
    {
        FeedKey key;
        try
        {
            key = FeedKey.Parse(kind, conferenceId, argument);
        }
        catch (FeedRequestException e)
        {
            return FeedResult.BadRequest(e.Message);
        }

        AgendaSnapshot? agenda;
        try
        {
            agenda = await source.LoadAsync(key.ConferenceId, cancellationToken);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable(key.Path, e.Message);
            return lastGood.TryGetValue(key, out var stale)
                ? FeedResult.Ok(stale, stale: true)
                : FeedResult.Unavailable("The agenda cannot be read right now; try again shortly.");
        }

        if (agenda is null)
        {
            return FeedResult.NotFound($"No conference '{key.ConferenceId}'.");
        }

        if (lastGood.TryGetValue(key, out var cached) && cached.AgendaVersion == agenda.Conference.AgendaVersion)
        {
            return FeedResult.Ok(cached);
        }

        var document = Render(key, agenda);
        if (document is null)
        {
            return FeedResult.NotFound(key.Definition.NotFound(key));
        }

        lastGood.Set(key, document);
        return FeedResult.Ok(document);
    }

    private FeedDocument? Render(FeedKey key, AgendaSnapshot agenda)
    {
        var definition = key.Definition;
        var body = definition.Select is { } select
            ? select(key, agenda) is { } selection ? Calendars.Render(selection, agenda, options.Value) : null
            : Encoding.UTF8.GetBytes(definition.RenderJson!(key, agenda, options.Value));
        return body is null
            ? null
            : new FeedDocument(body, definition.ContentType, key.FileName, agenda.Conference.AgendaUpdateTime, agenda.Conference.AgendaVersion);
    }

    [LoggerMessage(LogLevel.Warning, "The agenda cannot be read for {Feed}: {Reason}")]
    private partial void LogUnavailable(string feed, string reason);
}
