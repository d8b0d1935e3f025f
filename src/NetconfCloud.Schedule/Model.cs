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

/// <summary>A person who speaks at the conference. Ids are slugs of the person's name.</summary>
public sealed record Speaker(string Id, string Name, IReadOnlyList<string> AlsoKnownAs);

/// <summary>A sponsor, in the order the conference publishes them.</summary>
public sealed record Sponsor(string Id, string Name, string Tagline, int Order);

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
    /// <summary>The storage version of the conference record, which moves with every change to the agenda; not published.</summary>
    public string ETag { get; init; } = "";

    public ConferenceTimeZone TimeZone => ConferenceTimeZone.FromId(TimeZoneId);

    /// <summary>Where the conference happens, as a calendar location: venue (when published), city, country.</summary>
    public string Location => string.Join(", ", new[] { Venue, City, Country }.Where(part => part.Length > 0));

    /// <summary>How a day is named to people, e.g. "Thursday 12 February".</summary>
    public static string DayTitle(DateOnly day) =>
        day.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One slot of the agenda: a talk, a break or a meal.</summary>
/// <remarks>
/// <see cref="Sequence"/> rises whenever the time or the status changes (the iCalendar SEQUENCE);
/// <see cref="ETag"/> is the storage version a writer must present to change the session.
/// </remarks>
public sealed record Session(
    string Id,
    SessionKind Kind,
    string Title,
    string Abstract,
    string Notes,
    IReadOnlyList<SpeakerRef> Speakers,
    DateTimeOffset Start,
    DateTimeOffset End,
    int SlideCount,
    SessionStatus Status,
    long Sequence,
    DateTimeOffset UpdateTime,
    string ETag)
{
    public bool IsTalk => Kind == SessionKind.Talk;

    public bool HasTitle => !string.IsNullOrWhiteSpace(Title);

    public string SpeakerNames => string.Join(", ", Speakers.Select(speaker => speaker.Name));

    public bool IsSpokenBy(string speakerId) => Speakers.Any(speaker => speaker.Id == speakerId);
}

/// <summary>The whole agenda of one conference, read at one agenda version (that of <see cref="Conference"/>).</summary>
public sealed record AgendaSnapshot(
    Conference Conference,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<Speaker> Speakers,
    IReadOnlyList<Sponsor> Sponsors);
