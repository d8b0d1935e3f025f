using Google.Protobuf.WellKnownTypes;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>The public change log between the domain and the wire, both ways; the page token is the version to read below.</summary>
public static class PublicChangeMapping
{
    private const string TokenPrefix = "older.";

    public static Proto.ListPublicChangesResponse ToWire(PublicChangePage page) => new()
    {
        Versions = { page.Versions.Select(ToWire) },
        NextPageToken = page.HasOlder ? TokenPrefix + page.OlderThan.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        AgendaVersion = page.AgendaVersion,
        AgendaUpdateTime = Timestamp.FromDateTimeOffset(page.AgendaUpdateTime),
    };

    public static PublicChangePage ToDomain(Proto.ListPublicChangesResponse wire) => new(
        wire.AgendaVersion,
        wire.AgendaUpdateTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
        [.. wire.Versions.Select(ToDomain)],
        wire.NextPageToken.Length == 0 ? 0 : OlderThan(wire.NextPageToken));

    /// <summary>The version a page token reads below; 0 for no token (the newest page).</summary>
    public static long OlderThan(string pageToken)
    {
        if (pageToken.Length == 0)
        {
            return 0;
        }

        return pageToken.StartsWith(TokenPrefix, StringComparison.Ordinal)
            && long.TryParse(pageToken.AsSpan(TokenPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            && version > 0
            ? version
            : throw new InvalidArgumentException("page_token", "is not a token this service issued.");
    }

    /// <summary>The page token of the page below a version (what a link to an older page carries).</summary>
    public static string PageToken(long olderThan) =>
        olderThan > 0 ? TokenPrefix + olderThan.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    private static Proto.PublicChangeSet ToWire(PublicChangeSet set) => new()
    {
        AgendaVersion = set.Version,
        ChangeTime = Timestamp.FromDateTimeOffset(set.Time),
        Sessions = { set.Sessions.Select(ToWire) },
        SessionCount = set.SessionCount,
        Counts = { PublicChanges.ByWeight.Where(k => set.CountOf(k) > 0).Select(k => new Proto.PublicChangeCount { Kind = ToWire(k), Count = set.CountOf(k) }) },
    };

    private static PublicChangeSet ToDomain(Proto.PublicChangeSet wire) => new(
        wire.AgendaVersion,
        wire.ChangeTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
        [.. wire.Sessions.Select(ToDomain)],
        wire.SessionCount,
        wire.Counts.Where(c => c.Kind != Proto.PublicChangeKind.Unspecified).ToDictionary(c => ToDomain(c.Kind), c => c.Count));

    private static Proto.PublicSessionChange ToWire(SessionUpdate u) => new()
    {
        SessionId = u.SessionId,
        Kinds = { u.Kinds.Select(ToWire) },
        Title = u.Title,
        StartTime = Timestamp.FromDateTimeOffset(u.Start),
        EndTime = Timestamp.FromDateTimeOffset(u.End),
        RoomId = u.RoomId,
        PreviousTitle = u.PreviousTitle,
        PreviousStartTime = Timestamp.FromDateTimeOffset(u.PreviousStart),
        PreviousEndTime = Timestamp.FromDateTimeOffset(u.PreviousEnd),
        PreviousRoomId = u.PreviousRoomId,
    };

    private static SessionUpdate ToDomain(Proto.PublicSessionChange w)
    {
        var start = w.StartTime?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
        var end = w.EndTime?.ToDateTimeOffset() ?? start;
        return new SessionUpdate(
            w.SessionId,
            [.. w.Kinds.Where(k => k != Proto.PublicChangeKind.Unspecified).Select(ToDomain)],
            w.Title, start, end, w.RoomId,
            w.PreviousTitle,
            w.PreviousStartTime?.ToDateTimeOffset() ?? start,
            w.PreviousEndTime?.ToDateTimeOffset() ?? end,
            w.PreviousRoomId);
    }

    public static Proto.PublicChangeKind ToWire(PublicChangeKind kind) => kind switch
    {
        PublicChangeKind.New => Proto.PublicChangeKind.New,
        PublicChangeKind.Cancelled => Proto.PublicChangeKind.Cancelled,
        PublicChangeKind.Restored => Proto.PublicChangeKind.Restored,
        PublicChangeKind.Moved => Proto.PublicChangeKind.Moved,
        PublicChangeKind.RoomChanged => Proto.PublicChangeKind.RoomChanged,
        PublicChangeKind.Retitled => Proto.PublicChangeKind.Retitled,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static PublicChangeKind ToDomain(Proto.PublicChangeKind kind) => kind switch
    {
        Proto.PublicChangeKind.New => PublicChangeKind.New,
        Proto.PublicChangeKind.Cancelled => PublicChangeKind.Cancelled,
        Proto.PublicChangeKind.Restored => PublicChangeKind.Restored,
        Proto.PublicChangeKind.Moved => PublicChangeKind.Moved,
        Proto.PublicChangeKind.RoomChanged => PublicChangeKind.RoomChanged,
        Proto.PublicChangeKind.Retitled => PublicChangeKind.Retitled,
        _ => throw new InvalidDataException($"Public change kind {kind} is not one this version reads."),
    };
}
