using System.Text.Json.Serialization;

namespace NetconfCloud.Schedule;

/// <summary>What a slot on the agenda is.</summary>
public enum SessionKind
{
    Talk,
    Break,
    Meal,
}

/// <summary>A session that is cancelled stays on record so that feeds can publish the cancellation.</summary>
public enum SessionStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>A person as named on a session.</summary>
public sealed record SpeakerRef(string Id, string Name);

/// <summary>A link published with a session or a speaker: slides, a video, a recording, a home page.</summary>
/// <remarks>The URL is absolute http(s); the title says what it is.</remarks>
public sealed record Link(string Title, string Url);

/// <summary>A person who speaks at the conference. Ids are slugs of the person's name.</summary>
public sealed record Speaker(string Id, string Name, IReadOnlyList<string> AlsoKnownAs)
{
    public string Bio { get; init; } = "";

    public IReadOnlyList<Link> Links { get; init; } = [];

    /// <summary>The person's id in the schedule they were imported from (a frab id or guid); empty when none.</summary>
    public string SourceId { get; init; } = "";

    /// <summary>Whether <paramref name="name"/> is this person's name or one of their other spellings (any case).</summary>
    public bool IsNamed(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) || AlsoKnownAs.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A sponsor, in the order the conference publishes them; the listing groups them by tier.</summary>
public sealed record Sponsor(string Id, string Name, string Tagline, int Order)
{
    /// <summary>e.g. "Platinum"; empty when the conference publishes no tiers.</summary>
    public string Tier { get; init; } = "";

    public string Url { get; init; } = "";
}

/// <summary>A room of the venue; rooms are listed in the conference's order.</summary>
public sealed record Room(string Id, string Name);

/// <summary>A track (theme) of the conference, with the colour its schedule shows it in (#rrggbb, or empty).</summary>
public sealed record Track(string Id, string Name, string Color);

public sealed record CommitteeMember(string PersonId, string Name, string Role);

public sealed record CoLocatedEvent(string Name, DateOnly StartDate, DateOnly EndDate, string City);

/// <summary>The conference and the version of its agenda, which rises on every change.</summary>
public sealed record Conference(
    string Id,
    string Name,
    string FullName,
    string Subtitle,
    string Description,
    string TimeZoneId,
    string City,
    string Country,
    string Venue,
    string AgendaStatus,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<CommitteeMember> Committee,
    CoLocatedEvent? CoLocatedEvent,
    long AgendaVersion,
    DateTimeOffset AgendaUpdateTime)
{
    /// <summary>The conference's web site; empty when none.</summary>
    public string Url { get; init; } = "";

    /// <summary>Rooms in the order the conference lists them.</summary>
    public IReadOnlyList<Room> Rooms { get; init; } = [];

    public IReadOnlyList<Track> Tracks { get; init; } = [];

    /// <summary>
    /// When a conference day ends, in the conference's zone: a session that starts after midnight and before this
    /// belongs to the day before (a congress's night programme). Midnight by default.
    /// </summary>
    public TimeOnly DayChange { get; init; }

    /// <summary>The storage version of the conference record, which moves with every change to the agenda; not published.</summary>
    public string ETag { get; init; } = "";

    /// <summary>Storage only: an edit committed on this version whose rows are still being moved into place; empty when none.</summary>
    public string PendingEdit { get; init; } = "";

    /// <summary>
    /// The published schedule the agenda follows and what came of its last fetches; null when it follows none. Not
    /// stored with the conference: attached when the conference is published.
    /// </summary>
    public SourceFollow? Follow { get; init; }

    /// <summary>The conference's zone, with its days ending at <see cref="DayChange"/>.</summary>
    public ConferenceTimeZone TimeZone => ConferenceTimeZone.FromId(TimeZoneId, DayChange);

    /// <summary>Where the conference happens, as a calendar location: venue (when published), city, country.</summary>
    public string Location => string.Join(", ", new[] { Venue, City, Country }.Where(part => part.Length > 0));

    /// <summary>Where a session happens, as a calendar location: its room (when it has one), then <see cref="Location"/>.</summary>
    public string LocationOf(Session session) =>
        Rooms.FirstOrDefault(r => r.Id == session.RoomId) is { } room ? string.Join(", ", new[] { room.Name, Location }.Where(part => part.Length > 0)) : Location;

    /// <summary>How a day is named to people, e.g. "Thursday 12 February".</summary>
    public static string DayTitle(DateOnly day) =>
        day.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Everything a session publishes: what it is, who gives it, when and where, and what it links to. The one definition
/// of a session's fields: storage, the change log and the seed format serialise it whole
/// (<see cref="SessionContentJson"/>), an update mask names its fields (<see cref="SessionFields"/>), and two versions
/// of a session that publish the same thing have equal contents (lists compare by their items).
/// </summary>
/// <remarks>
/// A new field is an <c>init</c> property with a default here, so that rows and files written before it read as
/// "not given". Fields are never renamed or removed: stored rows and change-log entries hold their names.
/// </remarks>
public record SessionContent
{
    public SessionKind Kind { get; init; }

    /// <summary>May be empty for a talk with speakers (the Netconf 2015 agenda lists one without a topic).</summary>
    [OneLine(SessionRules.MaxTitleLength)]
    public string Title { get; init; } = "";

    [OneLine(SessionRules.MaxSubtitleLength)]
    public string Subtitle { get; init; } = "";

    [Text(SessionRules.MaxAbstractLength)]
    public string Abstract { get; init; } = "";

    /// <summary>Remarks by the organisers, e.g. that an end time is assumed.</summary>
    [Text(SessionRules.MaxNotesLength)]
    public string Notes { get; init; } = "";

    /// <summary>Who gives the session, in the published order.</summary>
    public IReadOnlyList<SpeakerRef> Speakers { get; init => field = value.ToValueList(); } = ValueList<SpeakerRef>.Empty;

    public DateTimeOffset Start { get; init; }

    public DateTimeOffset End { get; init; }

    /// <summary>Changed by cancelling or restoring; a cancelled session stays on record so that calendars remove it.</summary>
    public SessionStatus Status { get; init; }

    /// <summary>How many slide decks were published without an address (the "(PDF)" marks of the Netconf 2015 agenda).</summary>
    public int SlideCount { get; init; }

    /// <summary>The language the session is held in (a BCP 47 tag such as "en" or "de"); empty when not said.</summary>
    public string Language { get; init; } = "";

    /// <summary>Slides, video and recording links.</summary>
    public IReadOnlyList<Link> Links { get; init => field = value.ToValueList(); } = ValueList<Link>.Empty;

    /// <summary>The room, an id of the conference's rooms; empty for a session with no room (a break, a meal, a plenary).</summary>
    [JsonPropertyName("room")]
    public string RoomId { get; init; } = "";

    [JsonPropertyName("track")]
    public string TrackId { get; init; } = "";

    /// <summary>The guid the session has in the schedule it was imported from (frab, c3voc); empty when none.</summary>
    public string SourceGuid { get; init; } = "";

    /// <summary>The talk's own page in the schedule it was imported from (frab <c>&lt;url&gt;</c>, c3voc <c>url</c>); empty when none.</summary>
    [WebAddress]
    public string SourceUrl { get; init; } = "";

    /// <summary>Where attendees give feedback on the talk (pretalx, frab); empty when none.</summary>
    [WebAddress]
    public string FeedbackUrl { get; init; } = "";

    /// <summary>The licence recordings are published under, as the source says it (e.g. "CC BY 4.0"); empty when not said.</summary>
    [OneLine(SessionRules.MaxLinkTitleLength)]
    public string RecordingLicense { get; init; } = "";

    /// <summary>The speakers asked that the talk is not recorded or streamed.</summary>
    public bool RecordingOptOut { get; init; }

    public bool IsTalk => Kind == SessionKind.Talk;

    public bool HasTitle => !string.IsNullOrWhiteSpace(Title);

    public string SpeakerNames => string.Join(", ", Speakers.Select(speaker => speaker.Name));

    public bool IsSpokenBy(string speakerId) => Speakers.Any(speaker => speaker.Id == speakerId);

    /// <summary>This content alone: a session's fields without its identity and version.</summary>
    public SessionContent Content => GetType() == typeof(SessionContent) ? this : new SessionContent(this);
}

/// <summary>One slot of the agenda: a talk, a break or a meal. Its content, and its identity and version.</summary>
/// <remarks>
/// <see cref="Sequence"/> rises whenever the time or the status changes (the iCalendar SEQUENCE);
/// <see cref="ETag"/> is the storage version a writer must present to change the session.
/// </remarks>
public sealed record Session : SessionContent
{
    public Session(string id, SessionContent content)
        : base(content) => Id = id;

    public string Id { get; init; }

    public long Sequence { get; init; }

    public DateTimeOffset UpdateTime { get; init; }

    public string ETag { get; init; } = "";
}

/// <summary>The whole agenda of one conference, read at one agenda version (that of <see cref="Conference"/>).</summary>
public sealed record AgendaSnapshot(
    Conference Conference,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Sponsor> Sponsors);
