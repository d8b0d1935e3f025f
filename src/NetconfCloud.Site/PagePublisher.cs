using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Site;

/// <summary>
/// Answers the attendee pages: the index of conferences, a conference's page and its now-and-next document, each in
/// the visitor's <see cref="SiteLanguage"/>. A conference page is rendered once per agenda version and language (kept,
/// bounded, least recently used dropped first) and only its "Now and next" section is made per request. When the
/// agenda cannot be read, the last good page is served (marked stale), as <see cref="FeedPublisher"/> does for feeds;
/// otherwise "unavailable".
/// </summary>
public sealed partial class PagePublisher(IAgendaSource source, IOptions<FeedOptions> options, TimeProvider time, ILogger<PagePublisher> logger)
{
    /// <summary>How long a page may be kept by a browser: its "Now and next" section moves on.</summary>
    public static readonly TimeSpan PageMaxAge = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan NowAndNextMaxAge = TimeSpan.FromSeconds(30);

    private const string HtmlType = "text/html; charset=utf-8";

    // A quarter of the feed cache's budget; an agenda is weighed at about 1 KiB a session, and as much again for the
    // pages that may be rendered of it (days, talks, speakers: about 8 KiB a session in all).
    private readonly LruCache<string, Kept> pages =
        new(Math.Max(options.Value.FeedCacheBytes / 4, 1), kept => 64 * 1024L + (kept.Agenda.Sessions.Count * 9 * 1024L));

    private readonly ConcurrentDictionary<SiteLanguage, FeedDocument> lastIndex = new();

    /// <summary>The pages kept, by conference id.</summary>
    internal int PagesKept => pages.Count;

    /// <summary>How many talk and speaker pages are kept for the conference's current agenda.</summary>
    internal int ItemPagesKept(string conferenceId) => pages.TryGetValue(conferenceId, out var kept) ? kept.Items.Count : 0;

    /// <summary>How many day pages (one per day and language asked) are kept for the conference's current agenda.</summary>
    internal int DayPagesKept(string conferenceId) => pages.TryGetValue(conferenceId, out var kept) ? kept.Days.Count : 0;

    /// <summary>The index of conferences, in English.</summary>
    public Task<FeedResult> GetIndexAsync(CancellationToken cancellationToken) => GetIndexAsync(SiteLanguage.English, cancellationToken);

    /// <summary>The index of conferences.</summary>
    public async Task<FeedResult> GetIndexAsync(SiteLanguage language, CancellationToken cancellationToken)
    {
        IReadOnlyList<Conference> conferences;
        try
        {
            conferences = await source.ListConferencesAsync(cancellationToken);
        }
        catch (AgendaSourceUnavailableException e)
        {
            LogUnavailable("the index", e.Message);
            return lastIndex.TryGetValue(language, out var stale) ? FeedResult.Ok(stale, stale: true) : Unavailable();
        }

        var body = Encoding.UTF8.GetBytes(ConferenceIndexPage.Render(conferences, options.Value, language));
        var changed = conferences.Select(c => c.AgendaUpdateTime).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var document = new FeedDocument(body, HtmlType, "", changed, 0) { MaxAge = PageMaxAge, Headers = PageHeaders.Page(language) };
        lastIndex[language] = document;
        return FeedResult.Ok(document);
    }

    /// <summary>A conference's page with no parameters: the day of the conference that is today, or its first.</summary>
    public Task<FeedResult> GetConferencePageAsync(string conferenceId, CancellationToken cancellationToken) =>
        GetConferencePageAsync(conferenceId, _ => null, SiteLanguage.English, cancellationToken);

    /// <summary>A conference's page as <paramref name="parameters"/> ask, in English.</summary>
    public Task<FeedResult> GetConferencePageAsync(string conferenceId, Func<string, string?> parameters, CancellationToken cancellationToken) =>
        GetConferencePageAsync(conferenceId, parameters, SiteLanguage.English, cancellationToken);

    /// <summary>
    /// A conference's page as <paramref name="parameters"/> ask (<c>day</c>, <c>q</c>, <c>room</c>, <c>track</c>, <c>lang</c>),
    /// with what is on now and next at the time of the request, in <paramref name="language"/>. A day's page is rendered
    /// once per agenda version and language; a search per request. A bad parameter is a page saying which (400).
    /// </summary>
    public async Task<FeedResult> GetConferencePageAsync(string conferenceId, Func<string, string?> parameters, SiteLanguage language, CancellationToken cancellationToken)
    {
        var (failure, page, stale) = await LoadAsync(conferenceId, cancellationToken);
        if (page is null)
        {
            return failure!;
        }

        var agenda = page.Agenda;
        var (view, problem) = ConferenceView.Parse(parameters, agenda, language);
        if (view is null)
        {
            return ErrorPage.Result(FeedStatus.BadRequest, options.Value, language, language.Texts.SearchRefused, problem!, agenda.Conference);
        }

        if (view.IsFiltered)
        {
            // A search has no "Now and next" section (its template has no place for it).
            var results = ConferencePage.Template(agenda, options.Value, view, language).With("");
            return FeedResult.Ok(Page(results, agenda, language), stale);
        }

        var today = agenda.Conference.TimeZone.DayOf(time.GetUtcNow());
        var shown = view.Day ?? page.DefaultDays.GetOrAdd(today, _ => ConferencePage.DefaultDay(agenda, time.GetUtcNow()) ?? DateOnly.MinValue);
        var document = page.Days.GetOrAdd((shown, language), key =>
            Page(ConferencePage.Template(agenda, options.Value, view with { Day = key.Day == DateOnly.MinValue ? null : key.Day }, key.Language)
                .With(ConferencePage.NowLink(agenda, options.Value, key.Language)), agenda, key.Language));
        return FeedResult.Ok(document, stale);
    }

    /// <summary>What is on now and next in each room, as a small page: at <paramref name="at"/> (ISO 8601 with an offset) or now.</summary>
    public async Task<FeedResult> GetNowPageAsync(string conferenceId, string? at, SiteLanguage language, CancellationToken cancellationToken)
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

        var body = Encoding.UTF8.GetBytes(ConferencePage.NowPage(page.Agenda, instant, options.Value, language));
        var document = new FeedDocument(body, HtmlType, "", NowAndNext.Of(page.Agenda, instant).LastChange, page.Agenda.Conference.AgendaVersion)
        {
            MaxAge = NowAndNextMaxAge,
            Headers = PageHeaders.Page(language),
        };
        return FeedResult.Ok(document, stale);
    }

    private static FeedDocument Page(byte[] body, AgendaSnapshot agenda, SiteLanguage language) =>
        new(body, HtmlType, "", agenda.Conference.AgendaUpdateTime, agenda.Conference.AgendaVersion)
        {
            MaxAge = PageMaxAge,
            Headers = PageHeaders.Page(language),
        };

    /// <summary>The page of one session (<c>sessions/{id}</c>), rendered once per agenda version and language.</summary>
    public Task<FeedResult> GetSessionPageAsync(string conferenceId, string sessionId, SiteLanguage language, CancellationToken cancellationToken) =>
        GetItemPageAsync(conferenceId, "sessions/" + sessionId, language, agenda =>
            agenda.Sessions.FirstOrDefault(s => s.Id == sessionId) is { } session ? TalkPage.Render(agenda, session, options.Value, language) : null,
            conference => language.Texts.NoSession(Clip(sessionId), conference), cancellationToken);

    /// <summary>The page of one speaker (<c>speakers/{id}</c>), rendered once per agenda version and language.</summary>
    public Task<FeedResult> GetSpeakerPageAsync(string conferenceId, string speakerId, SiteLanguage language, CancellationToken cancellationToken) =>
        GetItemPageAsync(conferenceId, "speakers/" + speakerId, language, agenda =>
            agenda.Speakers.FirstOrDefault(s => s.Id == speakerId) is { } speaker ? SpeakerPage.Render(agenda, speaker, options.Value, language) : null,
            conference => language.Texts.NoSpeaker(Clip(speakerId), conference), cancellationToken);

    private async Task<FeedResult> GetItemPageAsync(
        string conferenceId, string path, SiteLanguage language, Func<AgendaSnapshot, string?> render, Func<string, string> missing, CancellationToken cancellationToken)
    {
        var (failure, page, stale) = await LoadAsync(conferenceId, cancellationToken);
        if (page is null)
        {
            return failure!;
        }

        var agenda = page.Agenda;
        // Only pages that exist are kept: unknown ids must not grow the cache.
        if (!page.Items.TryGetValue((path, language), out var body))
        {
            if (render(agenda) is not { } html)
            {
                return ErrorPage.Result(FeedStatus.NotFound, options.Value, language, language.Texts.NotOnAgenda, missing(agenda.Conference.Name), agenda.Conference);
            }

            body = page.Items.GetOrAdd((path, language), Encoding.UTF8.GetBytes(html));
        }

        var document = new FeedDocument(body, HtmlType, "", agenda.Conference.AgendaUpdateTime, agenda.Conference.AgendaVersion)
        {
            MaxAge = PageMaxAge,
            Headers = PageHeaders.Page(language),
        };
        return FeedResult.Ok(document, stale);
    }

    /// <summary>
    /// A form of picks that was refused (none picked, or a pick that is not a talk), as a page for the person who sent
    /// it: what is wrong in words (not the wire's field names) and the form again with the good picks still ticked,
    /// posting to <paramref name="action"/>. Status 400.
    /// </summary>
    public async Task<FeedResult> GetPicksRefusalAsync(string conferenceId, IReadOnlyList<string> picks, string action, SiteLanguage language, CancellationToken cancellationToken)
    {
        var t = language.Texts;
        var (failure, page, _) = await LoadAsync(conferenceId, cancellationToken);
        if (page is null)
        {
            return failure!;
        }

        var agenda = page.Agenda;
        var problems = PicksProblems(picks, agenda, t);

        var talks = picks.Distinct(StringComparer.Ordinal).Select(id => agenda.Sessions.FirstOrDefault(s => s.Id == id && s.IsTalk)).OfType<Session>().ToArray();
        var zone = agenda.Conference.TimeZone;
        return ErrorPage.Result(FeedStatus.BadRequest, options.Value, language, t.CalendarNotMade, string.Join('\n', problems), agenda.Conference, html =>
        {
            html.Open("form", ("id", "my-agenda"), ("method", "post"), ("action", action));
            if (talks.Length > 0)
            {
                html.Open("fieldset").Element("legend", t.YourPicks);
                foreach (var talk in talks)
                {
                    html.Open("p", ("class", "pick")).Open("input", ("type", "checkbox"), ("name", "session"), ("value", talk.Id), ("id", $"pick-{talk.Id}"), ("checked", ""))
                        .Raw(" ").Open("label", ("for", $"pick-{talk.Id}")).Text($"{language.DayTitle(zone.DayOf(talk.Start))} ").Time(zone.ToLocal(talk.Start), language)
                        .Text(" ").Element("span", FeedText.Title(talk), ("lang", talk.Language.Length > 0 ? talk.Language : null)).Close("label").Close("p");
                }

                html.Close("fieldset");
            }

            html.Open("p").Element("button", talks.Length > 0 ? t.MakeMyCalendarWithThese : t.MakeMyCalendar, ("type", "submit"), ("name", "action"), ("value", "save"))
                .Close("p").Close("form");
        }, here: PageRoutes.LocalPath(options.Value, conferenceId));
    }

    /// <summary>What is wrong with a form's picks, in words of the page's language (the rules are <see cref="PersonalAgendaRules.Validate"/>'s).</summary>
    private static string[] PicksProblems(IReadOnlyList<string> picks, AgendaSnapshot agenda, SiteTexts t)
    {
        try
        {
            PersonalAgendaRules.Validate(picks, agenda);
            return [t.PicksNotSaved];
        }
        catch (InvalidArgumentException)
        {
            var distinct = picks.Distinct(StringComparer.Ordinal).ToArray();
            if (distinct.Length == 0)
            {
                return [t.PickAtLeastOne];
            }

            if (distinct.Length > PersonalAgenda.MaxSessions)
            {
                return [t.TooManyPicks(PersonalAgenda.MaxSessions, distinct.Length)];
            }

            var sessions = agenda.Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
            string[] problems =
            [
                .. distinct.Select(id => !Slug.IsValid(id) ? t.NotASessionId(Clip(id))
                    : !sessions.TryGetValue(id, out var session) ? t.NotATalkOf(Clip(id), agenda.Conference.Name)
                    : !session.IsTalk ? t.IsNotATalk(Clip(id), session.Kind.ToString().ToLowerInvariant())
                    : null).OfType<string>(),
            ];
            return problems.Length > 0 ? problems : [t.PicksNotSaved];
        }
    }

    private static string Clip(string text) => text.Length <= 63 ? text : text[..63] + "…";

    /// <summary>Every way to add one calendar feed of the conference, named by its path (<c>sessions/bpf-updates.ics</c>).</summary>
    public async Task<FeedResult> GetSubscribePageAsync(string conferenceId, string feedPath, SiteLanguage language, CancellationToken cancellationToken)
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

        var body = Encoding.UTF8.GetBytes(SubscribePage.Render(page.Agenda, key, selection.Title, options.Value, language));
        var document = new FeedDocument(body, HtmlType, "", page.Agenda.Conference.AgendaUpdateTime, page.Agenda.Conference.AgendaVersion)
        {
            MaxAge = PageMaxAge,
            Headers = PageHeaders.Page(language),
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

        var rendered = new Kept(agenda);
        pages.Set(conferenceId, rendered);
        return (null, rendered, false);
    }

    /// <summary>An agenda version and what has been rendered of it, in each language asked: each day's page, talk and speaker pages.</summary>
    private sealed class Kept(AgendaSnapshot agenda)
    {
        public AgendaSnapshot Agenda { get; } = agenda;

        /// <summary>Each day's page as served, per language (<see cref="DateOnly.MinValue"/>: the page of an agenda with no day).</summary>
        public ConcurrentDictionary<(DateOnly Day, SiteLanguage Language), FeedDocument> Days { get; } = new();

        /// <summary>The day shown when none is asked, by the conference's date of the request.</summary>
        public ConcurrentDictionary<DateOnly, DateOnly> DefaultDays { get; } = new();

        public ConcurrentDictionary<(string Path, SiteLanguage Language), byte[]> Items { get; } = new();
    }

    private static FeedResult Unavailable() => FeedResult.Unavailable("The agenda cannot be read right now; try again shortly.");

    [LoggerMessage(LogLevel.Warning, "The agenda cannot be read for the page of {Conference}: {Reason}")]
    private partial void LogUnavailable(string conference, string reason);
}
