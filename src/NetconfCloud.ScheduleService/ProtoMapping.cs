using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Schedule;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.ScheduleService;

/// <summary>Between the wire contract and the domain. Request fields that cannot be read name themselves.</summary>
internal static class ProtoMapping
{
    public static Proto.Conference ToProto(Conference c) => new()
    {
        Id = c.Id,
        Name = c.Name,
        FullName = c.FullName,
        Subtitle = c.Subtitle,
        Description = c.Description,
        TimeZone = c.TimeZoneId,
        Venue = c.Venue,
        City = c.City,
        Country = c.Country,
        AgendaStatus = c.AgendaStatus,
        Days = { c.Days.Select(d => new Proto.ConferenceDay { Date = FormatDate(d), Title = Conference.DayTitle(d) }) },
        Committee = { c.Committee.Select(m => new Proto.CommitteeMember { PersonId = m.PersonId, Name = m.Name, Role = m.Role }) },
        CoLocatedEvent = c.CoLocatedEvent is { } e
            ? new Proto.CoLocatedEvent { Name = e.Name, StartDate = FormatDate(e.StartDate), EndDate = FormatDate(e.EndDate), City = e.City }
            : null,
        AgendaVersion = c.AgendaVersion,
        UpdateTime = Timestamp.FromDateTimeOffset(c.AgendaUpdateTime),
    };

    public static Proto.Session ToProto(Session s, ConferenceTimeZone zone) => new()
    {
        Id = s.Id,
        Kind = ToProto(s.Kind),
        Title = s.Title,
        Abstract = s.Abstract,
        Notes = s.Notes,
        SpeakerIds = { s.Speakers.Select(r => r.Id) },
        SpeakerNames = { s.Speakers.Select(r => r.Name) },
        StartTime = Timestamp.FromDateTimeOffset(s.Start),
        EndTime = Timestamp.FromDateTimeOffset(s.End),
        Status = s.Status == SessionStatus.Cancelled ? Proto.SessionStatus.Cancelled : Proto.SessionStatus.Scheduled,
        Etag = s.ETag,
        UpdateTime = Timestamp.FromDateTimeOffset(s.UpdateTime),
        Sequence = s.Sequence,
        SlideCount = s.SlideCount,
        Day = FormatDate(zone.DayOf(s.Start)),
    };

    public static Proto.ScheduleChange ToProto(RecordedChange c, ConferenceTimeZone zone) => new()
    {
        AgendaVersion = c.Version,
        Kind = c.Kind switch
        {
            ChangeKind.Created => Proto.ChangeKind.Created,
            ChangeKind.Updated => Proto.ChangeKind.Updated,
            ChangeKind.Cancelled => Proto.ChangeKind.Cancelled,
            ChangeKind.Restored => Proto.ChangeKind.Restored,
            _ => Proto.ChangeKind.Unspecified,
        },
        Session = ToProto(c.Session, zone),
        Actor = c.Actor,
        ChangeTime = Timestamp.FromDateTimeOffset(c.Time),
    };

    public static Proto.Speaker ToProto(Speaker s) => new() { Id = s.Id, Name = s.Name, AlsoKnownAs = { s.AlsoKnownAs } };

    public static Proto.Sponsor ToProto(Sponsor s) => new() { Id = s.Id, Name = s.Name, Tagline = s.Tagline, Order = s.Order };

    public static PageRequest ToPage(int pageSize, string pageToken) => new(pageSize, pageToken);

    public static SessionQuery ToQuery(Proto.ListSessionsRequest r) => new(
        r.ConferenceId,
        r.Day.Length == 0 ? null : ParseDate(r.Day, "day"),
        r.SpeakerId.Length == 0 ? null : r.SpeakerId,
        r.Kind == Proto.SessionKind.Unspecified ? null : ToDomain(r.Kind, "kind"));

    public static SessionDraft ToDraft(Proto.Session? s)
    {
        if (s is null)
        {
            throw new InvalidArgumentException("session", "is required.");
        }

        return new SessionDraft(
            s.Id,
            ToDomain(s.Kind, "session.kind"),
            s.Title,
            s.Abstract,
            s.Notes,
            [.. s.SpeakerIds],
            ToInstant(s.StartTime, "session.start_time"),
            ToInstant(s.EndTime, "session.end_time"),
            s.SlideCount);
    }

    /// <summary>The fields an update mask names, read from the request's session.</summary>
    public static SessionPatch ToPatch(Proto.Session s, FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            throw new InvalidArgumentException("update_mask", "must name the fields to change (or \"*\").");
        }

        IEnumerable<string> paths = mask.Paths.Contains("*") ? MutableFields : mask.Paths;
        var patch = new SessionPatch();
        foreach (var path in paths)
        {
            patch = path switch
            {
                "kind" => patch with { Kind = ToDomain(s.Kind, "session.kind") },
                "title" => patch with { Title = s.Title },
                "abstract" => patch with { Abstract = s.Abstract },
                "notes" => patch with { Notes = s.Notes },
                "speaker_ids" => patch with { SpeakerIds = [.. s.SpeakerIds] },
                "start_time" => patch with { Start = ToInstant(s.StartTime, "session.start_time") },
                "end_time" => patch with { End = ToInstant(s.EndTime, "session.end_time") },
                "status" => patch with { Status = ToDomain(s.Status) },
                "slide_count" => patch with { SlideCount = s.SlideCount },
                _ => throw new InvalidArgumentException("update_mask", $"'{path}' is not a field that can be changed; use {string.Join(", ", MutableFields)}."),
            };
        }

        return patch;
    }

    private static readonly string[] MutableFields =
        ["kind", "title", "abstract", "notes", "speaker_ids", "start_time", "end_time", "status", "slide_count"];

    private static Proto.SessionKind ToProto(SessionKind kind) => kind switch
    {
        SessionKind.Talk => Proto.SessionKind.Talk,
        SessionKind.Break => Proto.SessionKind.Break,
        SessionKind.Meal => Proto.SessionKind.Meal,
        _ => Proto.SessionKind.Unspecified,
    };

    private static SessionKind ToDomain(Proto.SessionKind kind, string field) => kind switch
    {
        Proto.SessionKind.Talk => SessionKind.Talk,
        Proto.SessionKind.Break => SessionKind.Break,
        Proto.SessionKind.Meal => SessionKind.Meal,
        _ => throw new InvalidArgumentException(field, "must be SESSION_KIND_TALK, SESSION_KIND_BREAK or SESSION_KIND_MEAL."),
    };

    private static SessionStatus ToDomain(Proto.SessionStatus status) => status switch
    {
        Proto.SessionStatus.Scheduled => SessionStatus.Scheduled,
        Proto.SessionStatus.Cancelled => SessionStatus.Cancelled,
        _ => throw new InvalidArgumentException("session.status", "must be SESSION_STATUS_SCHEDULED or SESSION_STATUS_CANCELLED."),
    };

    private static DateTimeOffset ToInstant(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
        {
            throw new InvalidArgumentException(field, "is required.");
        }

        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidArgumentException(field, "is not a valid timestamp.");
        }
    }

    private static DateOnly ParseDate(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidArgumentException(field, $"'{text}' is not a date in the form YYYY-MM-DD.");

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
