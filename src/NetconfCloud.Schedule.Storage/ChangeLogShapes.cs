using System.Text.Json;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// How a change row keeps the session as it stood after the change. The log is kept for good, so its shapes are the
/// storage's own records, versioned, and each shape is read for as long as rows of it exist: the domain's records
/// can change without breaking old rows.
/// </summary>
internal static class ChangeLogShapes
{
    /// <summary>Rows without a schema column: the domain session record as it was serialised, enums as numbers.</summary>
    public const int First = 1;

    /// <summary>The shape written now: named enum values and only the session's own fields.</summary>
    public const int Current = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(Session s) => JsonSerializer.Serialize(
        new LoggedSessionV2(
            s.Id, s.Kind.ToString(), s.Title, s.Abstract, s.Notes, [.. s.Speakers.Select(r => new LoggedSpeaker(r.Id, r.Name))],
            s.Start, s.End, s.SlideCount, s.Status.ToString(), s.Sequence, s.UpdateTime)
        {
            Subtitle = s.Subtitle,
            Language = s.Language,
            Links = [.. s.Links.Select(l => new LoggedLink(l.Title, l.Url))],
            RoomId = s.RoomId,
            TrackId = s.TrackId,
            SourceGuid = s.SourceGuid,
        },
        Json);

    public static Session Read(int schema, string json, string rowKey) => schema switch
    {
        First => FromV1(Deserialize<LoggedSessionV1>(json, rowKey)),
        Current => FromV2(Deserialize<LoggedSessionV2>(json, rowKey)),
        _ => throw new InvalidDataException($"{rowKey} has change-log schema {schema}, which this version does not read."),
    };

    private static Session FromV2(LoggedSessionV2 s) => new(
        s.Id, Enum.Parse<SessionKind>(s.Kind), s.Title, s.Abstract, s.Notes, [.. s.Speakers.Select(r => new SpeakerRef(r.Id, r.Name))],
        s.Start, s.End, s.SlideCount, Enum.Parse<SessionStatus>(s.Status), s.Sequence, s.UpdateTime, ETag: "")
    {
        Subtitle = s.Subtitle ?? "",
        Language = s.Language ?? "",
        Links = [.. (s.Links ?? []).Select(l => new Link(l.Title, l.Url))],
        RoomId = s.RoomId ?? "",
        TrackId = s.TrackId ?? "",
        SourceGuid = s.SourceGuid ?? "",
    };

    /// <summary>The first shape's numbers, fixed here: they were the enums' positions when those rows were written.</summary>
    private static Session FromV1(LoggedSessionV1 s) => new(
        s.Id,
        s.Kind switch
        {
            0 => SessionKind.Talk,
            1 => SessionKind.Break,
            2 => SessionKind.Meal,
            _ => throw new InvalidDataException($"Change-log session kind {s.Kind} is not one of the first shape's."),
        },
        s.Title, s.Abstract, s.Notes, [.. s.Speakers.Select(r => new SpeakerRef(r.Id, r.Name))],
        s.Start, s.End, s.SlideCount,
        s.Status switch
        {
            0 => SessionStatus.Scheduled,
            1 => SessionStatus.Cancelled,
            _ => throw new InvalidDataException($"Change-log session status {s.Status} is not one of the first shape's."),
        },
        s.Sequence, s.UpdateTime, ETag: "");

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
}
