using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Feeds;

/// <summary>
/// Answers feed requests: reads the agenda, picks the feed, renders it. A rendering is reused while the agenda
/// version is unchanged, and the last good rendering of each feed is served (marked stale) when the agenda cannot
/// be read; only a feed never rendered gets "unavailable". Never an empty calendar on a failure.
/// </summary>
public sealed partial class FeedPublisher(IAgendaSource source, IOptions<FeedOptions> options, ILogger<FeedPublisher> logger)
{
    private readonly ConcurrentDictionary<FeedKey, FeedDocument> lastGood = new();

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
            return FeedResult.NotFound(NotFoundMessage(key));
        }

        lastGood[key] = document;
        return FeedResult.Ok(document);
    }

    private FeedDocument? Render(FeedKey key, AgendaSnapshot agenda)
    {
        var feedOptions = options.Value;
        string? body;
        string contentType;
        switch (key.Kind)
        {
            case FeedKind.Sponsors:
                (body, contentType) = (JsonDocuments.Sponsors(agenda), "application/json; charset=utf-8");
                break;
            case FeedKind.Index:
                (body, contentType) = (JsonDocuments.Index(agenda, feedOptions), "application/json; charset=utf-8");
                break;
            default:
                var selection = FeedSelection.For(key, agenda);
                (body, contentType) = (selection is null ? null : CalendarRenderer.Render(selection, agenda, feedOptions), "text/calendar; charset=utf-8");
                break;
        }

        return body is null
            ? null
            : new FeedDocument(Encoding.UTF8.GetBytes(body), contentType, key.FileName, agenda.Conference.AgendaUpdateTime, agenda.Conference.AgendaVersion);
    }

    private static string NotFoundMessage(FeedKey key) => key.Kind switch
    {
        FeedKind.Day => $"{key.Argument} is not a day of {key.ConferenceId}.",
        FeedKind.Speaker => $"No speaker '{key.Argument}' at {key.ConferenceId}.",
        _ => $"No session '{key.Argument}' at {key.ConferenceId}.",
    };

    [LoggerMessage(LogLevel.Warning, "The agenda cannot be read for {Feed}: {Reason}")]
    private partial void LogUnavailable(string feed, string reason);
}
