using Google.Protobuf.WellKnownTypes;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>
/// The one table of the session fields a writer may change: each field's update-mask path, how it is read from a
/// request into a <see cref="SessionPatch"/>, and how two sessions are told apart on it. An update mask becomes a
/// patch here, and two sessions become a mask here.
/// </summary>
public static class EditableSessionFields
{
    public sealed record Field(string Path, Func<SessionPatch, Proto.Session, SessionPatch> Read, Func<Session, Session, bool> Differs);

    public static IReadOnlyList<Field> All { get; } =
    [
        new("kind", (p, s) => p with { Kind = WireMapping.ToDomain(s.Kind, "session.kind") }, (a, b) => a.Kind != b.Kind),
        new("title", (p, s) => p with { Title = s.Title }, (a, b) => a.Title != b.Title),
        new("abstract", (p, s) => p with { Abstract = s.Abstract }, (a, b) => a.Abstract != b.Abstract),
        new("notes", (p, s) => p with { Notes = s.Notes }, (a, b) => a.Notes != b.Notes),
        new("speaker_ids", (p, s) => p with { SpeakerIds = [.. s.SpeakerIds] }, (a, b) => !a.Speakers.Select(r => r.Id).SequenceEqual(b.Speakers.Select(r => r.Id))),
        new("start_time", (p, s) => p with { Start = WireMapping.ToInstant(s.StartTime, "session.start_time") }, (a, b) => a.Start != b.Start),
        new("end_time", (p, s) => p with { End = WireMapping.ToInstant(s.EndTime, "session.end_time") }, (a, b) => a.End != b.End),
        new("status", (p, s) => p with { Status = WireMapping.ToDomain(s.Status, "session.status") }, (a, b) => a.Status != b.Status),
        new("slide_count", (p, s) => p with { SlideCount = s.SlideCount }, (a, b) => a.SlideCount != b.SlideCount),
        new("subtitle", (p, s) => p with { Subtitle = s.Subtitle }, (a, b) => a.Subtitle != b.Subtitle),
        new("language", (p, s) => p with { Language = s.Language }, (a, b) => a.Language != b.Language),
        new("links", (p, s) => p with { Links = [.. s.Links.Select(WireMapping.ToDomain)] }, (a, b) => !a.Links.SequenceEqual(b.Links)),
        new("room_id", (p, s) => p with { RoomId = s.RoomId }, (a, b) => a.RoomId != b.RoomId),
        new("track_id", (p, s) => p with { TrackId = s.TrackId }, (a, b) => a.TrackId != b.TrackId),
    ];

    private static readonly Dictionary<string, Field> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <summary>The fields an update mask names ("*" for all), read from the request's session.</summary>
    public static SessionPatch ToPatch(Proto.Session session, FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            throw new InvalidArgumentException("update_mask", "must name the fields to change (or \"*\").");
        }

        var fields = mask.Paths.Contains("*") ? All : mask.Paths.Select(path => ByPath.TryGetValue(path, out var field)
            ? field
            : throw new InvalidArgumentException("update_mask", $"'{path}' is not a field that can be changed; use {string.Join(", ", All.Select(f => f.Path))}."));
        return fields.Aggregate(new SessionPatch(), (patch, field) => field.Read(patch, session));
    }

    /// <summary>The mask of the editable fields in which <paramref name="wanted"/> differs from <paramref name="current"/>.</summary>
    public static FieldMask Differences(Session current, Session wanted) =>
        new() { Paths = { All.Where(f => f.Differs(current, wanted)).Select(f => f.Path) } };
}
