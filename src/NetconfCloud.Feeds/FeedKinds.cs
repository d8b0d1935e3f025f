using System.Globalization;

namespace NetconfCloud.Feeds;

public enum FeedKind
{
    Event,
    Day,
    Speaker,
    Room,
    Track,
    Session,
    Sponsors,
    Index,
    C3voc,
    Frab,
}

/// <summary>The route of each feed kind below the API root: constants, so that a function's trigger can name them.</summary>
public static class FeedRoutes
{
    public const string Event = "{conference}/calendar.ics";
    public const string Day = "{conference}/days/{day}.ics";
    public const string Speaker = "{conference}/speakers/{speaker}.ics";
    public const string Room = "{conference}/rooms/{room}.ics";
    public const string Track = "{conference}/tracks/{track}.ics";
    public const string Session = "{conference}/sessions/{session}.ics";
    public const string Sponsors = "{conference}/sponsors";
    public const string Index = "{conference}/feeds";
    public const string C3voc = "{conference}/schedule.json";
    public const string Frab = "{conference}/schedule.xml";
}

/// <summary>What a calendar feed holds: its title, description and sessions.</summary>
internal sealed record FeedSelection(string Title, string Description, IReadOnlyList<Session> Sessions);

/// <summary>
/// One feed kind, whole: its route and route parameter, how its argument is checked, its file name, which feeds of
/// the kind an agenda has (for the index), what it holds, and what "not found" says. Calendar kinds
/// <see cref="Select"/> sessions; the others <see cref="RenderJson"/> a document.
/// </summary>
internal sealed record FeedDefinition(
    FeedKind Kind,
    string Route,
    string Parameter,
    Func<string, bool> IsValidArgument,
    string ArgumentProblem,
    Func<FeedKey, string> FileName,
    Func<AgendaSnapshot, IEnumerable<string>> Arguments,
    Func<FeedKey, AgendaSnapshot, FeedSelection?>? Select,
    Func<FeedKey, AgendaSnapshot, FeedOptions, string>? RenderJson,
    Func<FeedKey, string> NotFound)
{
    public bool IsCalendar => Select is not null;

    public string ContentType { get; init; } = Select is not null ? "text/calendar; charset=utf-8" : "application/json; charset=utf-8";
}

/// <summary>
/// The table of feed kinds: adding a kind is one entry here and one thin function. Breaks and meals appear in the
/// whole-event and day feeds (as free time, TRANSP:TRANSPARENT) so attendees see the shape of the day; never in
/// speaker feeds. Cancelled sessions stay, marked cancelled, so that subscribed calendars remove them.
/// </summary>
internal static class FeedKinds
{
    private static readonly string[] None = [""];

    public static IReadOnlyList<FeedDefinition> All { get; } =
    [
        new(FeedKind.Event, FeedRoutes.Event, "", _ => true, "", key => $"{key.ConferenceId}.ics",
            _ => None,
            (_, agenda) => new FeedSelection(agenda.Conference.Name, $"{agenda.Conference.FullName}: the whole agenda.", Ordered(agenda)),
            null,
            key => $"No conference '{key.ConferenceId}'."),
        new(FeedKind.Day, FeedRoutes.Day, "day", IsDate, "must be a date as YYYY-MM-DD.", ArgumentFile,
            agenda => agenda.Conference.Days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (key, agenda) => agenda.Conference.Days.Contains(key.Day) is false ? null : new FeedSelection(
                $"{agenda.Conference.Name} — {Conference.DayTitle(key.Day)}",
                $"{agenda.Conference.FullName}: the agenda of {Conference.DayTitle(key.Day)}.",
                [.. Ordered(agenda).Where(s => agenda.Conference.TimeZone.DayOf(s.Start) == key.Day)]),
            null,
            key => $"{key.Argument} is not a day of {key.ConferenceId}."),
        new(FeedKind.Speaker, FeedRoutes.Speaker, "speaker", Slug.IsValid, "is not an id (lower-case letters, digits and hyphens).", ArgumentFile,
            agenda => agenda.Speakers.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Id),
            (key, agenda) => agenda.Speakers.FirstOrDefault(s => s.Id == key.Argument) is not { } speaker ? null : new FeedSelection(
                $"{agenda.Conference.Name} — {speaker.Name}",
                $"{agenda.Conference.FullName}: sessions with {speaker.Name}.",
                [.. Ordered(agenda).Where(s => s.IsTalk && s.IsSpokenBy(speaker.Id))]),
            null,
            key => $"No speaker '{key.Argument}' at {key.ConferenceId}."),
        new(FeedKind.Room, FeedRoutes.Room, "room", Slug.IsValid, "is not an id (lower-case letters, digits and hyphens).", ArgumentFile,
            agenda => agenda.Conference.Rooms.Select(r => r.Id),
            (key, agenda) => agenda.Conference.Rooms.FirstOrDefault(r => r.Id == key.Argument) is not { } room ? null : new FeedSelection(
                $"{agenda.Conference.Name} — {room.Name}",
                $"{agenda.Conference.FullName}: the agenda of {room.Name}.",
                [.. Ordered(agenda).Where(s => s.RoomId == room.Id)]),
            null,
            key => $"No room '{key.Argument}' at {key.ConferenceId}."),
        new(FeedKind.Track, FeedRoutes.Track, "track", Slug.IsValid, "is not an id (lower-case letters, digits and hyphens).", ArgumentFile,
            agenda => agenda.Conference.Tracks.Select(t => t.Id),
            (key, agenda) => agenda.Conference.Tracks.FirstOrDefault(t => t.Id == key.Argument) is not { } track ? null : new FeedSelection(
                $"{agenda.Conference.Name} — {track.Name}",
                $"{agenda.Conference.FullName}: the {track.Name} track.",
                [.. Ordered(agenda).Where(s => s.TrackId == track.Id)]),
            null,
            key => $"No track '{key.Argument}' at {key.ConferenceId}."),
        new(FeedKind.Session, FeedRoutes.Session, "session", Slug.IsValid, "is not an id (lower-case letters, digits and hyphens).", ArgumentFile,
            agenda => Ordered(agenda).Select(s => s.Id),
            (key, agenda) => agenda.Sessions.FirstOrDefault(s => s.Id == key.Argument) is not { } session ? null : new FeedSelection(
                $"{agenda.Conference.Name} — {FeedText.Summary(session)}",
                $"{agenda.Conference.FullName}: {FeedText.Summary(session)}.",
                [session]),
            null,
            key => $"No session '{key.Argument}' at {key.ConferenceId}."),
        new(FeedKind.Sponsors, FeedRoutes.Sponsors, "", _ => true, "", key => $"{key.ConferenceId}-sponsors.json",
            _ => None,
            null,
            (_, agenda, _) => JsonDocuments.Sponsors(agenda),
            key => $"No conference '{key.ConferenceId}'."),
        new(FeedKind.Index, FeedRoutes.Index, "", _ => true, "", key => $"{key.ConferenceId}-feeds.json",
            _ => [],
            null,
            (_, agenda, options) => JsonDocuments.Index(agenda, options),
            key => $"No conference '{key.ConferenceId}'."),
        new(FeedKind.C3voc, FeedRoutes.C3voc, "", _ => true, "", key => $"{key.ConferenceId}-schedule.json",
            _ => None,
            null,
            (_, agenda, options) => C3vocScheduleJson.Render(agenda, options),
            key => $"No conference '{key.ConferenceId}'."),
        new(FeedKind.Frab, FeedRoutes.Frab, "", _ => true, "", key => $"{key.ConferenceId}-schedule.xml",
            _ => None,
            null,
            (_, agenda, options) => FrabScheduleXml.Render(agenda, options),
            key => $"No conference '{key.ConferenceId}'.") { ContentType = "application/xml; charset=utf-8" },
    ];

    private static readonly Dictionary<FeedKind, FeedDefinition> ByKind = All.ToDictionary(d => d.Kind);

    public static FeedDefinition Of(FeedKind kind) => ByKind[kind];

    /// <summary>A calendar's title, for the index: what its selection calls it.</summary>
    public static string Title(FeedKey key, AgendaSnapshot agenda) =>
        key.Definition.Select?.Invoke(key, agenda)?.Title ?? $"{agenda.Conference.Name} — {key.Kind.ToString().ToLowerInvariant()}";

    private static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string ArgumentFile(FeedKey key) => key.Kind switch
    {
        FeedKind.Room => $"{key.ConferenceId}-room-{key.Argument}.ics",
        FeedKind.Track => $"{key.ConferenceId}-track-{key.Argument}.ics",
        _ => $"{key.ConferenceId}-{key.Argument}.ics",
    };

    private static Session[] Ordered(AgendaSnapshot agenda) =>
        [.. agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal)];
}
