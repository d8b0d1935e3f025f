using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// How a change row keeps its public changes (<see cref="SessionUpdate"/>): compact, because an import of a large
/// conference puts every new talk into one row (an entity holds at most 1 MiB). Times are Unix seconds, kinds one
/// letter each, and the "before" values are left out where they equal the "after" ones. At most
/// <see cref="MaxKept"/> are kept, the weightiest first.
/// </summary>
internal static class PublicUpdateShapes
{
    /// <summary>About 150 characters each, so that a row stays well inside 1 MiB.</summary>
    public const int MaxKept = 2500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly Dictionary<PublicChangeKind, char> Letters = new Dictionary<PublicChangeKind, char>
    {
        [PublicChangeKind.New] = 'n',
        [PublicChangeKind.Cancelled] = 'c',
        [PublicChangeKind.Restored] = 'r',
        [PublicChangeKind.Moved] = 'm',
        [PublicChangeKind.RoomChanged] = 'p',
        [PublicChangeKind.Retitled] = 't',
    };

    public static string Write(IReadOnlyList<SessionUpdate> updates)
    {
        var kept = updates.Count <= MaxKept ? updates : [.. updates.OrderBy(u => u.Weight).Take(MaxKept)];
        return JsonSerializer.Serialize(kept.Select(u => new Logged(
            u.SessionId,
            string.Concat(u.Kinds.Select(k => Letters[k])),
            u.Title,
            u.Start.ToUnixTimeSeconds(),
            u.End.ToUnixTimeSeconds(),
            u.RoomId,
            u.PreviousTitle == u.Title ? null : u.PreviousTitle,
            u.PreviousStart == u.Start ? null : u.PreviousStart.ToUnixTimeSeconds(),
            u.PreviousEnd == u.End ? null : u.PreviousEnd.ToUnixTimeSeconds(),
            u.PreviousRoomId == u.RoomId ? null : u.PreviousRoomId)), Json);
    }

    public static IReadOnlyList<SessionUpdate> Read(string json, string rowKey)
    {
        if (json.Length == 0)
        {
            return [];
        }

        var logged = JsonSerializer.Deserialize<Logged[]>(json, Json) ?? throw new InvalidDataException($"{rowKey} has no public changes.");
        return [.. logged.Select(l =>
        {
            var start = DateTimeOffset.FromUnixTimeSeconds(l.S);
            var end = DateTimeOffset.FromUnixTimeSeconds(l.E);
            return new SessionUpdate(
                l.I,
                [.. l.K.Select(c => Letters.FirstOrDefault(p => p.Value == c) is { Value: not '\0' } found ? found.Key
                    : throw new InvalidDataException($"{rowKey} has a public change of kind '{c}', which this version does not read."))],
                l.T, start, end, l.R,
                l.Pt ?? l.T,
                l.Ps is { } ps ? DateTimeOffset.FromUnixTimeSeconds(ps) : start,
                l.Pe is { } pe ? DateTimeOffset.FromUnixTimeSeconds(pe) : end,
                l.Pr ?? l.R);
        })];
    }

    internal sealed record Logged(string I, string K, string T, long S, long E, string R, string? Pt, long? Ps, long? Pe, string? Pr);
}
