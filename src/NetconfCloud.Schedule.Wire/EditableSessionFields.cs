using Google.Protobuf.WellKnownTypes;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>
/// Update masks of sessions, both ways, over the domain's one table of a session's fields (<see cref="SessionFields"/>):
/// a mask and the request's session become a <see cref="SessionPatch"/>, and two sessions become the mask of what
/// differs between them.
/// </summary>
public static class EditableSessionFields
{
    /// <summary>The update-mask paths a writer may name, in the content's order.</summary>
    public static IReadOnlyList<string> Paths { get; } = [.. SessionFields.Editable.Select(f => f.Path)];

    /// <summary>The fields an update mask names ("*" for all), read from the request's session.</summary>
    public static SessionPatch ToPatch(Proto.Session session, FieldMask? mask)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            throw new InvalidArgumentException("update_mask", "must name the fields to change (or \"*\").");
        }

        var paths = mask.Paths.Contains("*") ? Paths : [.. mask.Paths];
        var unknown = paths.FirstOrDefault(path => !Paths.Contains(path, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new InvalidArgumentException("update_mask", $"'{unknown}' is not a field that can be changed; use {string.Join(", ", Paths)}.");
        }

        return SessionPatch.Of(WireMapping.ToContent(session, "session.", required: path => paths.Contains(path, StringComparer.Ordinal)), [.. paths]);
    }

    /// <summary>The mask of the editable fields in which <paramref name="wanted"/> differs from <paramref name="current"/>.</summary>
    public static FieldMask Differences(Session current, Session wanted) =>
        new() { Paths = { SessionFields.Differences(current, wanted) } };
}
