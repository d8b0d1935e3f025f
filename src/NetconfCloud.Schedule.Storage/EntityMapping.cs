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
        ETag = e.ETag.ToString(),
        PendingEdit = PendingEdit(e),
    };

    /// <summary>The committed edit whose rows are still staged, or empty.</summary>
    public static string PendingEdit(TableEntity e) => Text(e, nameof(ConferenceEntity.PendingEdit));

    public static SessionEntity ToEntity(string conferenceId, Session s) => new()
    {
        PartitionKey = conferenceId,
        RowKey = RowKeys.Session(s.Id),
        Kind = s.Kind.ToString(),
        Title = s.Title,
        Abstract = s.Abstract,
        Notes = s.Notes,
        SpeakersJson = JsonSerializer.Serialize(s.Speakers, Json),
        Start = s.Start,
        End = s.End,
        SlideCount = s.SlideCount,
        Status = s.Status.ToString(),
        Sequence = s.Sequence,
        UpdateTime = s.UpdateTime,
        Subtitle = s.Subtitle,
        Language = s.Language,
        LinksJson = JsonSerializer.Serialize(s.Links, Json),
        RoomId = s.RoomId,
        TrackId = s.TrackId,
        SourceGuid = s.SourceGuid,
    };

    public static Session ToSession(TableEntity e) => new(
        e.RowKey[RowKeys.SessionPrefix.Length..],
        Enum.Parse<SessionKind>(Text(e, nameof(SessionEntity.Kind))),
        Text(e, nameof(SessionEntity.Title)),
        Text(e, nameof(SessionEntity.Abstract)),
        Text(e, nameof(SessionEntity.Notes)),
        FromJson<SpeakerRef[]>(e, nameof(SessionEntity.SpeakersJson)),
        e.GetDateTimeOffset(nameof(SessionEntity.Start)) ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset(nameof(SessionEntity.End)) ?? DateTimeOffset.MinValue,
        e.GetInt32(nameof(SessionEntity.SlideCount)) ?? 0,
        Enum.Parse<SessionStatus>(Text(e, nameof(SessionEntity.Status))),
        e.GetInt64(nameof(SessionEntity.Sequence)) ?? 0,
        e.GetDateTimeOffset(nameof(SessionEntity.UpdateTime)) ?? DateTimeOffset.MinValue,
        e.ETag.ToString())
    {
        Subtitle = Text(e, nameof(SessionEntity.Subtitle)),
        Language = Text(e, nameof(SessionEntity.Language)),
        Links = FromJson<Link[]>(e, nameof(SessionEntity.LinksJson)),
        RoomId = Text(e, nameof(SessionEntity.RoomId)),
        TrackId = Text(e, nameof(SessionEntity.TrackId)),
        SourceGuid = Text(e, nameof(SessionEntity.SourceGuid)),
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

    public static ChangeEntity ToEntity(string conferenceId, long version, AgendaChange change, Session? session) => new()
    {
        PartitionKey = conferenceId,
        RowKey = RowKeys.Change(version),
        AgendaVersion = version,
        Kind = change.Kind.ToString(),
        SessionId = change.SessionId,
        Subject = change.Subject,
        Summary = change.Summary,
        Actor = change.Actor,
        Time = change.Time,
        Schema = ChangeLogShapes.Current,
        SessionJson = session is null ? "" : ChangeLogShapes.Write(session),
    };

    public static RecordedChange ToChange(ChangeEntity e)
    {
        var session = e.SessionJson.Length == 0 ? null : ChangeLogShapes.Read(e.Schema ?? ChangeLogShapes.First, e.SessionJson, e.RowKey);
        return new RecordedChange(e.AgendaVersion, Enum.Parse<ChangeKind>(e.Kind), session, e.Actor, e.Time)
        {
            Subject = e.Subject.Length > 0 ? e.Subject : session is null ? "" : $"sessions/{session.Id}",
            Summary = e.Summary,
        };
    }

    private static string Text(TableEntity e, string name) => e.GetString(name) ?? "";

    private static T FromJson<T>(TableEntity e, string name)
        where T : class =>
        JsonSerializer.Deserialize<T>(Text(e, name) is { Length: > 0 } json ? json : "[]", Json)
            ?? throw new InvalidDataException($"{e.RowKey}.{name} is empty.");
}
