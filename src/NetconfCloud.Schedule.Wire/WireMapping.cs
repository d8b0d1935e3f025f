using System.Globalization;
using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>
/// Every message both ways, each enum once. Reading a request checks it: a field that cannot be read throws
/// <see cref="InvalidArgumentException"/> naming the request field (e.g. <c>session.start_time</c>).
/// </summary>
public static class WireMapping
{
    public static Proto.Conference ToWire(Conference c) => new()
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
        Url = c.Url,
        Rooms = { c.Rooms.Select(ToWire) },
        Tracks = { c.Tracks.Select(ToWire) },
        DayChange = c.DayChange == TimeOnly.MinValue ? "" : FormatTime(c.DayChange),
        Follow = c.Follow is { } follow ? ToWire(follow) : null,
    };

    public static Conference ToDomain(Proto.Conference c) => new(
        c.Id, c.Name, c.FullName, c.Subtitle, c.Description, c.TimeZone, c.City, c.Country, c.Venue, c.AgendaStatus,
        [.. c.Days.Select(d => ParseDate(d.Date, "conference.days.date"))],
        [.. c.Committee.Select(m => new CommitteeMember(m.PersonId, m.Name, m.Role))],
        c.CoLocatedEvent is { } e ? ToDomain(e) : null,
        c.AgendaVersion,
        c.UpdateTime is null ? DateTimeOffset.MinValue : ToInstant(c.UpdateTime, "conference.update_time"))
    {
        Url = c.Url,
        Rooms = [.. c.Rooms.Select(ToDomain)],
        Tracks = [.. c.Tracks.Select(ToDomain)],
        DayChange = ParseTime(c.DayChange, "conference.day_change"),
        Follow = c.Follow is { } follow && Uri.TryCreate(follow.Url, UriKind.Absolute, out _) ? ToDomain(c.Id, follow) : null,
    };

    /// <summary>A followed source as published: where, how often, what came of it; never the validators or the lease.</summary>
    public static Proto.SourceFollow ToWire(SourceFollow f) => new()
    {
        Url = f.Url.AbsoluteUri,
        Interval = Duration.FromTimeSpan(f.Interval),
        LastCheckTime = f.LastCheckTime is { } check ? Timestamp.FromDateTimeOffset(check) : null,
        LastSuccessTime = f.LastSuccessTime is { } success ? Timestamp.FromDateTimeOffset(success) : null,
        LastSuccessAgendaVersion = f.LastSuccessVersion,
        LastError = f.LastError,
        LastErrorTime = f.LastErrorTime is { } error ? Timestamp.FromDateTimeOffset(error) : null,
        NextFetchTime = Timestamp.FromDateTimeOffset(f.NextFetchTime),
    };

    public static SourceFollow ToDomain(string conferenceId, Proto.SourceFollow f) =>
        new(conferenceId, new Uri(f.Url, UriKind.Absolute), f.Interval?.ToTimeSpan() ?? TimeSpan.Zero)
        {
            LastCheckTime = f.LastCheckTime?.ToDateTimeOffset(),
            LastSuccessTime = f.LastSuccessTime?.ToDateTimeOffset(),
            LastSuccessVersion = f.LastSuccessAgendaVersion,
            LastError = f.LastError,
            LastErrorTime = f.LastErrorTime?.ToDateTimeOffset(),
            NextFetchTime = f.NextFetchTime?.ToDateTimeOffset() ?? DateTimeOffset.MinValue,
        };

    public static CoLocatedEvent ToDomain(Proto.CoLocatedEvent e) =>
        new(e.Name, ParseDate(e.StartDate, "conference.co_located_event.start_date"), ParseDate(e.EndDate, "conference.co_located_event.end_date"), e.City);

    public static Proto.Room ToWire(Room r) => new() { Id = r.Id, Name = r.Name };

    public static Room ToDomain(Proto.Room r) => new(r.Id, r.Name);

    public static Proto.Track ToWire(Track t) => new() { Id = t.Id, Name = t.Name, Color = t.Color };

    public static Track ToDomain(Proto.Track t) => new(t.Id, t.Name, t.Color);

    public static Proto.Link ToWire(Link l) => new() { Title = l.Title, Url = l.Url };

    public static Link ToDomain(Proto.Link l) => new(l.Title, l.Url);

    /// <summary>A session as published: with its speakers' names, etag, sequence and its day in the conference's zone.</summary>
    public static Proto.Session ToWire(Session s, ConferenceTimeZone zone)
    {
        var wire = ToWireFields(s);
        wire.SpeakerNames.AddRange(s.Speakers.Select(r => r.Name));
        wire.Etag = s.ETag;
        wire.UpdateTime = Timestamp.FromDateTimeOffset(s.UpdateTime);
        wire.Sequence = s.Sequence;
        wire.Day = FormatDate(zone.DayOf(s.Start));
        return wire;
    }

    /// <summary>The fields a writer sends for a session (no output-only fields), e.g. to create it elsewhere.</summary>
    public static Proto.Session ToWireFields(Session s)
    {
        var wire = new Proto.Session
        {
            Id = s.Id,
            Kind = ToWire(s.Kind),
            SpeakerIds = { s.Speakers.Select(r => r.Id) },
            StartTime = Timestamp.FromDateTimeOffset(s.Start),
            EndTime = Timestamp.FromDateTimeOffset(s.End),
            Status = ToWire(s.Status),
            Links = { s.Links.Select(ToWire) },
        };
        foreach (var (content, proto) in SameNamedFields)
        {
            proto.SetValue(wire, content.GetValue(s));
        }

        return wire;
    }

    /// <summary>A session as the service published it (output-only fields included).</summary>
    public static Session ToDomain(Proto.Session s) => new(s.Id, ToContent(s, "session.", required: _ => true))
    {
        Sequence = s.Sequence,
        UpdateTime = s.UpdateTime is null ? DateTimeOffset.MinValue : ToInstant(s.UpdateTime, "session.update_time"),
        ETag = s.Etag,
    };

    /// <summary>
    /// A session's content as a request holds it. A field that <paramref name="required"/> names (by its
    /// <see cref="SessionFields"/> path) must be given; another left unset (an unspecified enum, no timestamp) reads
    /// as its default. A value given that cannot be read is refused either way, naming <paramref name="prefix"/> and
    /// the field. Speakers keep the names the message gives beside their ids (a published session's).
    /// </summary>
    public static SessionContent ToContent(Proto.Session s, string prefix, Func<string, bool> required)
    {
        var content = new SessionContent
        {
            Kind = s.Kind == Proto.SessionKind.Unspecified && !required("kind") ? SessionKind.Talk : ToDomain(s.Kind, prefix + "kind"),
            Status = s.Status == Proto.SessionStatus.Unspecified && !required("status") ? SessionStatus.Scheduled : ToDomain(s.Status, prefix + "status"),
            Speakers = [.. s.SpeakerIds.Select((id, i) => new SpeakerRef(id, i < s.SpeakerNames.Count ? s.SpeakerNames[i] : ""))],
            Start = s.StartTime is null && !required("start_time") ? default : ToInstant(s.StartTime, prefix + "start_time"),
            End = s.EndTime is null && !required("end_time") ? default : ToInstant(s.EndTime, prefix + "end_time"),
            Links = [.. s.Links.Select(ToDomain)],
        };
        foreach (var (field, proto) in SameNamedFields)
        {
            field.SetValue(content, proto.GetValue(s));
        }

        return content;
    }

    /// <summary>The content fields that need more than a copy between the two (enums, times, speakers, links).</summary>
    private static readonly HashSet<string> MappedByHand = new(StringComparer.Ordinal)
    {
        nameof(SessionContent.Kind), nameof(SessionContent.Status), nameof(SessionContent.Speakers),
        nameof(SessionContent.Start), nameof(SessionContent.End), nameof(SessionContent.Links),
    };

    /// <summary>
    /// Every other content field and the wire field of the same name and type (text and numbers), copied as they are.
    /// A content field with no such wire field stops the service at start, naming it.
    /// </summary>
    private static readonly (PropertyInfo Content, PropertyInfo Wire)[] SameNamedFields =
    [
        .. SessionFields.All.Where(f => !MappedByHand.Contains(f.Property.Name)).Select(f =>
            typeof(Proto.Session).GetProperty(f.Property.Name) is { } wire && wire.PropertyType == f.Property.PropertyType && wire.CanWrite
                ? (f.Property, wire)
                : throw new InvalidOperationException(
                    $"SessionContent.{f.Property.Name} has no field '{f.Path}' of the same type in message Session (protos/netconf/schedule/v1/resources.proto).")),
    ];

    public static Proto.Speaker ToWire(Speaker s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        AlsoKnownAs = { s.AlsoKnownAs },
        Bio = s.Bio,
        Links = { s.Links.Select(ToWire) },
        SourceId = s.SourceId,
    };

    public static Speaker ToDomain(Proto.Speaker s) => new(s.Id, s.Name, [.. s.AlsoKnownAs])
    {
        Bio = s.Bio,
        Links = [.. s.Links.Select(ToDomain)],
        SourceId = s.SourceId,
    };

    public static Proto.Sponsor ToWire(Sponsor s) => new() { Id = s.Id, Name = s.Name, Tagline = s.Tagline, Order = s.Order, Tier = s.Tier, Url = s.Url };

    public static Sponsor ToDomain(Proto.Sponsor s) => new(s.Id, s.Name, s.Tagline, s.Order) { Tier = s.Tier, Url = s.Url };

    public static Proto.ScheduleChange ToWire(RecordedChange c, ConferenceTimeZone zone) => new()
    {
        AgendaVersion = c.Version,
        Kind = c.Kind switch
        {
            ChangeKind.Created => Proto.ChangeKind.Created,
            ChangeKind.Updated => Proto.ChangeKind.Updated,
            ChangeKind.Cancelled => Proto.ChangeKind.Cancelled,
            ChangeKind.Restored => Proto.ChangeKind.Restored,
            ChangeKind.Deleted => Proto.ChangeKind.Deleted,
            ChangeKind.Imported => Proto.ChangeKind.Imported,
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Kind, "Not a change kind."),
        },
        Session = c.Session is { } session ? ToWire(session, zone) : null,
        Actor = c.Actor,
        ChangeTime = Timestamp.FromDateTimeOffset(c.Time),
        Subject = c.Subject,
        Summary = c.Summary,
    };

    /// <summary>A new session as a writer sent it, with the request id that makes a retry safe.</summary>
    public static SessionDraft ToDraft(Proto.CreateSessionRequest request) => ToDraft(request.Session) with { RequestId = request.RequestId };

    public static SessionDraft ToDraft(Proto.Session? s) => s is null
        ? throw new InvalidArgumentException("session", "is required.")
        : new SessionDraft(s.Id, ToContent(s, "session.", required: path => path is "kind" or "start_time" or "end_time"));

    public static SessionQuery ToQuery(Proto.ListSessionsRequest r) => new(
        r.ConferenceId,
        r.Day.Length == 0 ? null : ParseDate(r.Day, "day"),
        r.SpeakerId.Length == 0 ? null : r.SpeakerId,
        r.Kind == Proto.SessionKind.Unspecified ? null : ToDomain(r.Kind, "kind"))
    {
        RoomId = r.RoomId.Length == 0 ? null : r.RoomId,
        TrackId = r.TrackId.Length == 0 ? null : r.TrackId,
    };

    public static Proto.SessionKind ToWire(SessionKind kind) => kind switch
    {
        SessionKind.Talk => Proto.SessionKind.Talk,
        SessionKind.Break => Proto.SessionKind.Break,
        SessionKind.Meal => Proto.SessionKind.Meal,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a session kind."),
    };

    /// <summary>The kind a writer or a filter names; unspecified is an error (<paramref name="field"/> names it).</summary>
    public static SessionKind ToDomain(Proto.SessionKind kind, string field) => kind switch
    {
        Proto.SessionKind.Talk => SessionKind.Talk,
        Proto.SessionKind.Break => SessionKind.Break,
        Proto.SessionKind.Meal => SessionKind.Meal,
        _ => throw new InvalidArgumentException(field, "must be SESSION_KIND_TALK, SESSION_KIND_BREAK or SESSION_KIND_MEAL."),
    };

    public static Proto.SessionStatus ToWire(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => Proto.SessionStatus.Scheduled,
        SessionStatus.Cancelled => Proto.SessionStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a session status."),
    };

    public static SessionStatus ToDomain(Proto.SessionStatus status, string field) => status switch
    {
        Proto.SessionStatus.Scheduled => SessionStatus.Scheduled,
        Proto.SessionStatus.Cancelled => SessionStatus.Cancelled,
        _ => throw new InvalidArgumentException(field, "must be SESSION_STATUS_SCHEDULED or SESSION_STATUS_CANCELLED."),
    };

    public static DateTimeOffset ToInstant(Timestamp? timestamp, string field)
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

    public static DateOnly ParseDate(string text, string field) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidArgumentException(field, $"'{text}' is not a date in the form YYYY-MM-DD.");

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A time of day "HH:MM"; empty is midnight.</summary>
    public static TimeOnly ParseTime(string text, string field) =>
        text.Length == 0 ? TimeOnly.MinValue
        : TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new InvalidArgumentException(field, $"'{text}' is not a time of day in the form HH:MM.");

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
