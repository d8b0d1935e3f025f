namespace NetconfCloud.Schedule.Import;

public enum ScheduleFormat
{
    /// <summary>frab / Pentabarf <c>schedule.xml</c>.</summary>
    FrabXml,

    /// <summary>c3voc <c>schedule.json</c> as frab and pretalx export it, or the draft "schedule v2" flat layout.</summary>
    C3vocJson,
}

public enum ScheduleLayout
{
    /// <summary>frab/pretalx XML: <c>day/room/event</c>, instants in <c>&lt;date&gt;</c>.</summary>
    FrabRooms,

    /// <summary>Old Pentabarf XML: <c>day/event</c> with the room inside the event and no <c>&lt;date&gt;</c>.</summary>
    PentabarfEvents,

    /// <summary>c3voc JSON: <c>schedule.conference.days[].rooms{name: [events]}</c>.</summary>
    JsonDayRooms,

    /// <summary>Draft c3voc "schedule v2": a flat <c>schedule.events[]</c> with start and end instants.</summary>
    JsonFlatEvents,
}

/// <summary>A published schedule as read, before it is mapped into our domain.</summary>
public sealed record ScheduleDocument(
    ScheduleFormat Format,
    ScheduleLayout Layout,
    string? Version,
    ScheduleConference Conference,
    ValueList<ScheduleRoom> Rooms,
    ValueList<ScheduleTrack> Tracks,
    ValueList<SchedulePerson> Persons,
    ValueList<ScheduleEvent> Events);

/// <param name="TimeZoneId">The IANA zone the file names, or the one the caller said to assume; null when neither.</param>
/// <param name="TimeZoneAssumed">True when <paramref name="TimeZoneId"/> came from the options, not the file.</param>
/// <param name="Start">The conference start when the file gives an instant (38C3 does, in UTC); else null.</param>
/// <param name="StartDate">The first day, in the conference zone when the file gives an instant.</param>
public sealed record ScheduleConference(
    string? Title,
    string? Acronym,
    string? Subtitle,
    string? TimeZoneId,
    bool TimeZoneAssumed,
    DateOnly? StartDate,
    DateOnly? EndDate,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Url,
    string? BaseUrl,
    string? Venue,
    string? City,
    ValueList<ScheduleDay> Days);

/// <param name="Start">The instant the day starts, when the file gives it (frab's <c>day@start</c>, JSON <c>day_start</c>).</param>
public sealed record ScheduleDay(int? Index, DateOnly Date, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>A room, in the order first seen; <see cref="Guid"/> is the first guid given for that name.</summary>
public sealed record ScheduleRoom(string Name, Guid? Guid, string? Slug);

public sealed record ScheduleTrack(string Name, string? Slug, string? Color);

/// <summary>
/// A person, keyed by guid, else id and name, else name (<see cref="PersonKey"/>). <see cref="OtherNames"/> holds
/// other spellings seen for the same guid.
/// </summary>
public sealed record SchedulePerson(string? Id, Guid? Guid, string Name, ValueList<string> OtherNames)
{
    /// <summary>The person's key in the document: by guid, else id, else name; an <see cref="EventPerson"/> names them by the same key.</summary>
    public string Key => PersonKey.Of(Guid, Id, Name);
}

/// <summary>A person as an event lists them; <see cref="Role"/> only in schedule v2 (SPEAKER, CONTRIBUTOR).</summary>
public sealed record EventPerson(string? Id, Guid? Guid, string Name, string? Role)
{
    public string Key => PersonKey.Of(Guid, Id, Name);
}

/// <summary>
/// Who a person is in one document. A guid is unique everywhere. An id is unique within the schedule that gave it,
/// and a merged schedule (several pretalx instances and stages in one file) repeats ids for different people: an id
/// is a person together with the name it comes with. A person with neither is their name.
/// </summary>
internal static class PersonKey
{
    public static string Of(Guid? guid, string? id, string name) =>
        guid is { } g ? "g:" + g.ToString() : id is not null ? $"i:{id}\u0000{Normalised(name)}" : "n:" + name;

    /// <summary>A name as compared for identity: case and runs of white space aside.</summary>
    public static string Normalised(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

/// <summary>A link or attachment. <see cref="Url"/> is kept as written (it may be relative to the base URL).</summary>
public sealed record ScheduleLink(string? Title, string Url, string? Type);

/// <summary>
/// One event with an exact start instant. An event whose start or duration cannot be read is not in the document;
/// an Error names it instead.
/// </summary>
/// <param name="Index">The event's position in the file (0-based, in document order); problem paths use it.</param>
/// <param name="Id">frab's numeric id as text, or the JSON <c>id</c>; null when the file gives none.</param>
/// <param name="Code">pretalx's submission code when given (39C3 XML, schedule v2).</param>
/// <param name="DayDate">The date of the <c>&lt;day&gt;</c> the event was listed under (or, in schedule v2, whose range holds its start).</param>
public sealed record ScheduleEvent(
    int Index,
    Guid? Guid,
    string? Id,
    string? Code,
    string? Slug,
    string Title,
    string? Subtitle,
    string? Abstract,
    string? Description,
    string? Language,
    string? Type,
    string? Track,
    string? Room,
    DateTimeOffset Start,
    TimeSpan Duration,
    ValueList<EventPerson> Persons,
    ValueList<ScheduleLink> Links,
    ValueList<ScheduleLink> Attachments,
    bool RecordingOptOut,
    string? Url,
    DateOnly? DayDate,
    SourceLocation Location)
{
    public DateTimeOffset End => Start + Duration;
}
