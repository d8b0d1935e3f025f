using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace NetconfCloud.Schedule.Storage;

/// <summary>Between domain records and table entities; the only place that knows both.</summary>
internal static class EntityMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ConferenceEntity ToEntity(Conference c) => new()
    {
        PartitionKey = c.Id,
        RowKey = RowKeys.Conference,
        Name = c.Name,
        FullName = c.FullName,
        Subtitle = c.Subtitle,
        Description = c.Description,
        TimeZone = c.TimeZoneId,
        City = c.City,
        Country = c.Country,
        Venue = c.Venue,
        AgendaStatus = c.AgendaStatus,
        DaysJson = JsonSerializer.Serialize(c.Days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Json),
        CommitteeJson = JsonSerializer.Serialize(c.Committee, Json),
        CoLocatedEventJson = c.CoLocatedEvent is null ? "" : JsonSerializer.Serialize(c.CoLocatedEvent, Json),
        Url = c.Url,
        RoomsJson = JsonSerializer.Serialize(c.Rooms, Json),
        TracksJson = JsonSerializer.Serialize(c.Tracks, Json),
        DayChange = c.DayChange == TimeOnly.MinValue ? "" : c.DayChange.ToString("HH:mm", CultureInfo.InvariantCulture),
        AgendaVersion = c.AgendaVersion,
        AgendaUpdateTime = c.AgendaUpdateTime,
    };

    public static Conference ToConference(TableEntity e) => new(
        e.PartitionKey,
        Text(e, nameof(ConferenceEntity.Name)),
        Text(e, nameof(ConferenceEntity.FullName)),
        Text(e, nameof(ConferenceEntity.Subtitle)),
        Text(e, nameof(ConferenceEntity.Description)),
        Text(e, nameof(ConferenceEntity.TimeZone)),
        Text(e, nameof(ConferenceEntity.City)),
        Text(e, nameof(ConferenceEntity.Country)),
        Text(e, nameof(ConferenceEntity.Venue)),
        Text(e, nameof(ConferenceEntity.AgendaStatus)),
        [.. FromJson<string[]>(e, nameof(ConferenceEntity.DaysJson)).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))],
        FromJson<CommitteeMember[]>(e, nameof(ConferenceEntity.CommitteeJson)),
        Text(e, nameof(ConferenceEntity.CoLocatedEventJson)) is { Length: > 0 } coLocated ? JsonSerializer.Deserialize<CoLocatedEvent>(coLocated, Json) : null,
        e.GetInt64(nameof(ConferenceEntity.AgendaVersion)) ?? 0,
        e.GetDateTimeOffset(nameof(ConferenceEntity.AgendaUpdateTime)) ?? DateTimeOffset.MinValue)
    {
        Url = Text(e, nameof(ConferenceEntity.Url)),
        Rooms = FromJson<Room[]>(e, nameof(ConferenceEntity.RoomsJson)),
        Tracks = FromJson<Track[]>(e, nameof(ConferenceEntity.TracksJson)),
        DayChange = Text(e, nameof(ConferenceEntity.DayChange)) is { Length: > 0 } change ? TimeOnly.ParseExact(change, "HH:mm", CultureInfo.InvariantCulture) : TimeOnly.MinValue,
        ETag = e.ETag.ToString(),
        PendingEdit = PendingEdit(e),
    };

    /// <summary>The committed edit whose rows are still staged, or empty.</summary>
    public static string PendingEdit(TableEntity e) => Text(e, nameof(ConferenceEntity.PendingEdit));

    public static TableEntity ToEntity(string conferenceId, Session s)
    {
        var row = new TableEntity(conferenceId, RowKeys.Session(s.Id))
        {
            [SessionColumns.Schema] = SessionColumns.ContentJson,
            [SessionColumns.Sequence] = s.Sequence,
            [SessionColumns.UpdateTime] = s.UpdateTime,
        };
        LongColumn.Write(row, SessionColumns.Content, SessionContentJson.Serialize(s));
        return row;
    }

    public static Session ToSession(TableEntity e)
    {
        var content = e.GetInt32(SessionColumns.Schema) == SessionColumns.ContentJson
            ? SessionContentJson.Deserialize(LongColumn.Read(e, SessionColumns.Content))
            : FromFieldColumns(e);
        return new Session(e.RowKey[RowKeys.SessionPrefix.Length..], content)
        {
            Sequence = e.GetInt64(SessionColumns.Sequence) ?? 0,
            UpdateTime = e.GetDateTimeOffset(SessionColumns.UpdateTime) ?? DateTimeOffset.MinValue,
            ETag = e.ETag.ToString(),
        };
    }

    /// <summary>A row of the first form, one column per field, as written before the content had one serialised form. Fixed: it never gains a field.</summary>
    private static SessionContent FromFieldColumns(TableEntity e) => new()
    {
        Kind = Enum.Parse<SessionKind>(Text(e, "Kind")),
        Title = Text(e, "Title"),
        Abstract = Text(e, "Abstract"),
        Notes = Text(e, "Notes"),
        Speakers = FromJson<SpeakerRef[]>(e, "SpeakersJson"),
        Start = e.GetDateTimeOffset("Start") ?? DateTimeOffset.MinValue,
        End = e.GetDateTimeOffset("End") ?? DateTimeOffset.MinValue,
        SlideCount = e.GetInt32("SlideCount") ?? 0,
        Status = Enum.Parse<SessionStatus>(Text(e, "Status")),
        Subtitle = Text(e, "Subtitle"),
        Language = Text(e, "Language"),
        Links = FromJson<Link[]>(e, "LinksJson"),
        RoomId = Text(e, "RoomId"),
        TrackId = Text(e, "TrackId"),
        SourceGuid = Text(e, "SourceGuid"),
    };

    public static SpeakerEntity ToEntity(string conferenceId, Speaker s) => new()
    {
        PartitionKey = conferenceId,
        RowKey = RowKeys.Speaker(s.Id),
        Name = s.Name,
        AlsoKnownAsJson = JsonSerializer.Serialize(s.AlsoKnownAs, Json),
        Bio = s.Bio,
        LinksJson = JsonSerializer.Serialize(s.Links, Json),
        SourceId = s.SourceId,
    };

    public static Speaker ToSpeaker(TableEntity e) => new(
        e.RowKey[RowKeys.SpeakerPrefix.Length..],
        Text(e, nameof(SpeakerEntity.Name)),
        FromJson<string[]>(e, nameof(SpeakerEntity.AlsoKnownAsJson)))
    {
        Bio = Text(e, nameof(SpeakerEntity.Bio)),
        Links = FromJson<Link[]>(e, nameof(SpeakerEntity.LinksJson)),
        SourceId = Text(e, nameof(SpeakerEntity.SourceId)),
    };

    public static SponsorEntity ToEntity(string conferenceId, Sponsor s) => new()
    {
        PartitionKey = conferenceId,
        RowKey = RowKeys.Sponsor(s.Order),
        SponsorId = s.Id,
        Name = s.Name,
        Tagline = s.Tagline,
        Order = s.Order,
        Tier = s.Tier,
        Url = s.Url,
    };

    public static Sponsor ToSponsor(TableEntity e) => new(
        Text(e, nameof(SponsorEntity.SponsorId)),
        Text(e, nameof(SponsorEntity.Name)),
        Text(e, nameof(SponsorEntity.Tagline)),
        e.GetInt32(nameof(SponsorEntity.Order)) ?? 0)
    {
        Tier = Text(e, nameof(SponsorEntity.Tier)),
        Url = Text(e, nameof(SponsorEntity.Url)),
    };

    public static TableEntity ToEntity(string conferenceId, long version, AgendaChange change, Session? session)
    {
        var row = new TableEntity(conferenceId, RowKeys.Change(version))
        {
            [ChangeColumns.AgendaVersion] = version,
            [ChangeColumns.Kind] = change.Kind.ToString(),
            [ChangeColumns.SessionId] = change.SessionId,
            [ChangeColumns.Subject] = change.Subject,
            [ChangeColumns.Summary] = change.Summary,
            [ChangeColumns.Actor] = change.Actor,
            [ChangeColumns.Time] = change.Time,
            [ChangeColumns.Schema] = ChangeLogShapes.Current,
        };
        LongColumn.Write(row, ChangeColumns.SessionJson, session is null ? "" : ChangeLogShapes.Write(session));
        LongColumn.Write(row, ChangeColumns.PublicJson, PublicUpdateShapes.Write(change.Updates));
        return row;
    }

    public static RecordedChange ToChange(TableEntity e)
    {
        var json = LongColumn.Read(e, ChangeColumns.SessionJson);
        var session = json.Length == 0 ? null : ChangeLogShapes.Read(e.GetInt32(ChangeColumns.Schema) ?? ChangeLogShapes.First, json, e.RowKey);
        var subject = Text(e, ChangeColumns.Subject);
        return new RecordedChange(
            e.GetInt64(ChangeColumns.AgendaVersion) ?? 0,
            Enum.Parse<ChangeKind>(Text(e, ChangeColumns.Kind)),
            session,
            Text(e, ChangeColumns.Actor),
            e.GetDateTimeOffset(ChangeColumns.Time) ?? DateTimeOffset.MinValue)
        {
            Subject = subject.Length > 0 ? subject : session is null ? "" : $"sessions/{session.Id}",
            Summary = Text(e, ChangeColumns.Summary),
            Updates = e.ContainsKey(ChangeColumns.PublicJson) ? PublicUpdateShapes.Read(LongColumn.Read(e, ChangeColumns.PublicJson), e.RowKey) : null,
        };
    }

    private static string Text(TableEntity e, string name) => e.GetString(name) ?? "";

    private static T FromJson<T>(TableEntity e, string name)
        where T : class =>
        JsonSerializer.Deserialize<T>(Text(e, name) is { Length: > 0 } json ? json : "[]", Json)
            ?? throw new InvalidDataException($"{e.RowKey}.{name} is empty.");
}
