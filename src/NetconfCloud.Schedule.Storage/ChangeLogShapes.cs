using System.Text.Json;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// How a change row keeps the session as it stood after the change. The log is kept for good, so each shape is read
/// for as long as rows of it exist. The first two shapes were records of their own, one property per field, and are
/// fixed here; the third holds the content in its one serialised form (<see cref="SessionContentJson"/>), which
/// reads rows written before a field existed as that field's default.
/// </summary>
internal static class ChangeLogShapes
{
    /// <summary>Rows without a schema column: the domain session record as it was serialised, enums as numbers.</summary>
    public const int First = 1;

    /// <summary>Named enum values and one property per field.</summary>
    public const int Second = 2;

    /// <summary>The shape written now: the session's identity and version beside its content.</summary>
    public const int Current = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(Session s) =>
        JsonSerializer.Serialize(new LoggedSessionV3(s.Id, s.Sequence, s.UpdateTime, SessionContentJson.ToElement(s)), Json);

    public static Session Read(int schema, string json, string rowKey) => schema switch
    {
        First => FromV1(Deserialize<LoggedSessionV1>(json, rowKey)),
        Second => FromV2(Deserialize<LoggedSessionV2>(json, rowKey)),
        Current => FromV3(Deserialize<LoggedSessionV3>(json, rowKey)),
        _ => throw new InvalidDataException($"{rowKey} has change-log schema {schema}, which this version does not read."),
    };

    private static Session FromV3(LoggedSessionV3 s) =>
        new(s.Id, SessionContentJson.Deserialize(s.Content)) { Sequence = s.Sequence, UpdateTime = s.UpdateTime };

    private static Session FromV2(LoggedSessionV2 s) => new(s.Id, new SessionContent
    {
        Kind = Enum.Parse<SessionKind>(s.Kind),
        Title = s.Title,
        Abstract = s.Abstract,
        Notes = s.Notes,
        Speakers = [.. s.Speakers.Select(r => new SpeakerRef(r.Id, r.Name))],
        Start = s.Start,
        End = s.End,
        SlideCount = s.SlideCount,
        Status = Enum.Parse<SessionStatus>(s.Status),
        Subtitle = s.Subtitle ?? "",
        Language = s.Language ?? "",
        Links = [.. (s.Links ?? []).Select(l => new Link(l.Title, l.Url))],
        RoomId = s.RoomId ?? "",
        TrackId = s.TrackId ?? "",
        SourceGuid = s.SourceGuid ?? "",
    })
    {
        Sequence = s.Sequence,
        UpdateTime = s.UpdateTime,
    };

    /// <summary>The first shape as the second: its numbers, fixed here, were the enums' positions when those rows were written.</summary>
    private static Session FromV1(LoggedSessionV1 s) => FromV2(new LoggedSessionV2(
        s.Id,
        s.Kind switch
        {
            0 => nameof(SessionKind.Talk),
            1 => nameof(SessionKind.Break),
            2 => nameof(SessionKind.Meal),
            _ => throw new InvalidDataException($"Change-log session kind {s.Kind} is not one of the first shape's."),
        },
        s.Title, s.Abstract, s.Notes, s.Speakers, s.Start, s.End, s.SlideCount,
        s.Status switch
        {
            0 => nameof(SessionStatus.Scheduled),
            1 => nameof(SessionStatus.Cancelled),
            _ => throw new InvalidDataException($"Change-log session status {s.Status} is not one of the first shape's."),
        },
        s.Sequence, s.UpdateTime));

    private static T Deserialize<T>(string json, string rowKey)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException($"{rowKey} has no session.");

    internal sealed record LoggedSpeaker(string Id, string Name);

    internal sealed record LoggedSessionV1(
        string Id, int Kind, string Title, string Abstract, string Notes, IReadOnlyList<LoggedSpeaker> Speakers,
        DateTimeOffset Start, DateTimeOffset End, int SlideCount, int Status, long Sequence, DateTimeOffset UpdateTime);

    internal sealed record LoggedLink(string Title, string Url);

    /// <summary>The second shape. Its later, optional fields are absent (null) in rows written before they existed.</summary>
    internal sealed record LoggedSessionV2(
        string Id, string Kind, string Title, string Abstract, string Notes, IReadOnlyList<LoggedSpeaker> Speakers,
        DateTimeOffset Start, DateTimeOffset End, int SlideCount, string Status, long Sequence, DateTimeOffset UpdateTime)
    {
        public string? Subtitle { get; init; }
        public string? Language { get; init; }
        public IReadOnlyList<LoggedLink>? Links { get; init; }
        public string? RoomId { get; init; }
        public string? TrackId { get; init; }
        public string? SourceGuid { get; init; }
    }

    /// <summary>The third shape: identity and version, and the content as <see cref="SessionContentJson"/> writes it.</summary>
    internal sealed record LoggedSessionV3(string Id, long Sequence, DateTimeOffset UpdateTime, JsonElement Content);
}
