namespace NetconfCloud.Schedule;

/// <summary>What an attendee may learn of a change to a session: what happened to it, not who did it or why.</summary>
public enum PublicChangeKind
{
    /// <summary>The session is new on the agenda.</summary>
    New,

    Cancelled,

    /// <summary>A cancelled session is on again.</summary>
    Restored,

    /// <summary>Its start or end time changed.</summary>
    Moved,

    /// <summary>It is in another room.</summary>
    RoomChanged,

    Retitled,
}

/// <summary>
/// One session's public change in one agenda version: the kinds of change, and its title, time and room before and
/// after (the "before" values equal the "after" ones for a new session). Private fields (notes) and who made the
/// change are not part of it.
/// </summary>
public sealed record SessionUpdate(
    string SessionId,
    IReadOnlyList<PublicChangeKind> Kinds,
    string Title,
    DateTimeOffset Start,
    DateTimeOffset End,
    string RoomId,
    string PreviousTitle,
    DateTimeOffset PreviousStart,
    DateTimeOffset PreviousEnd,
    string PreviousRoomId)
{
    public bool Is(PublicChangeKind kind) => Kinds.Contains(kind);

    /// <summary>How much it matters to someone who planned around it: a cancellation most, a new talk least.</summary>
    public int Weight => Kinds.Count == 0 ? int.MaxValue : Kinds.Min(k => PublicChanges.Rank(k));
}

/// <summary>
/// The public changes of one agenda version: at most a page's worth of sessions (the weightiest first), and how many
/// of each kind there were in all, so that an import of 883 new talks reads as one line, not 883.
/// </summary>
public sealed record PublicChangeSet(long Version, DateTimeOffset Time, IReadOnlyList<SessionUpdate> Sessions, int SessionCount, IReadOnlyDictionary<PublicChangeKind, int> Counts)
{
    /// <summary>Whether sessions were left out of <see cref="Sessions"/>.</summary>
    public bool IsSummarised => SessionCount > Sessions.Count;

    public int CountOf(PublicChangeKind kind) => Counts.GetValueOrDefault(kind);
}

/// <summary>
/// A page of public changes, newest version first, read at the conference's <paramref name="AgendaVersion"/>; the next
/// (older) page holds the versions below <paramref name="OlderThan"/>, and there is none when it is 0.
/// </summary>
public sealed record PublicChangePage(long AgendaVersion, DateTimeOffset AgendaUpdateTime, IReadOnlyList<PublicChangeSet> Versions, long OlderThan)
{
    public bool HasOlder => OlderThan > 0;
}

/// <summary>
/// The rules of the public change log: which changes to a session an attendee hears of (new, cancelled, restored,
/// moved, another room, retitled; nothing of notes, abstracts or who made the change), and how a version's changes are
/// summarised. Derived when a change is written (the writer has the session before and after) and kept in the log.
/// </summary>
public static class PublicChanges
{
    /// <summary>How many sessions of one version a page lists; the rest are counted.</summary>
    public const int DefaultSessionsPerVersion = 20;

    /// <summary>The most versions one page holds.</summary>
    public const int MaxVersionsPerPage = 100;

    public const int DefaultVersionsPerPage = 20;

    /// <summary>The kinds in the order they matter to an attendee (and the order listed).</summary>
    public static IReadOnlyList<PublicChangeKind> ByWeight { get; } =
        [PublicChangeKind.Cancelled, PublicChangeKind.Moved, PublicChangeKind.RoomChanged, PublicChangeKind.Restored, PublicChangeKind.Retitled, PublicChangeKind.New];

    internal static int Rank(PublicChangeKind kind) => kind switch
    {
        PublicChangeKind.Cancelled => 0,
        PublicChangeKind.Moved => 1,
        PublicChangeKind.RoomChanged => 2,
        PublicChangeKind.Restored => 3,
        PublicChangeKind.Retitled => 4,
        _ => 5,
    };

    /// <summary>
    /// What an attendee hears of a session going from <paramref name="before"/> (null: it is new) to
    /// <paramref name="after"/>; null when nothing they see changed (an abstract or a note, say).
    /// </summary>
    public static SessionUpdate? Between(Session? before, Session after)
    {
        if (before is null)
        {
            return Update(after, after, [after.Status == SessionStatus.Cancelled ? PublicChangeKind.Cancelled : PublicChangeKind.New]);
        }

        List<PublicChangeKind> kinds = [];
        if (before.Status != after.Status)
        {
            kinds.Add(after.Status == SessionStatus.Cancelled ? PublicChangeKind.Cancelled : PublicChangeKind.Restored);
        }

        if (before.Start != after.Start || before.End != after.End)
        {
            kinds.Add(PublicChangeKind.Moved);
        }

        if (before.RoomId != after.RoomId)
        {
            kinds.Add(PublicChangeKind.RoomChanged);
        }

        if (before.Title != after.Title)
        {
            kinds.Add(PublicChangeKind.Retitled);
        }

        return kinds.Count == 0 ? null : Update(before, after, kinds);
    }

    /// <summary>The public changes of several sessions changed in one version, in session order; unchanged ones left out.</summary>
    public static IReadOnlyList<SessionUpdate> Of(IEnumerable<(Session? Before, Session After)> sessions) =>
        [.. sessions.Select(pair => Between(pair.Before, pair.After)).OfType<SessionUpdate>()];

    /// <summary>
    /// What an older log row (written before public changes were kept) says publicly: its kind and the session after
    /// it. An update of unknown content says nothing.
    /// </summary>
    public static IReadOnlyList<SessionUpdate> FromLog(RecordedChange change)
    {
        if (change.Updates is { } kept)
        {
            return kept;
        }

        if (change.Session is not { } s)
        {
            return [];
        }

        PublicChangeKind? kind = change.Kind switch
        {
            ChangeKind.Created => PublicChangeKind.New,
            ChangeKind.Cancelled => PublicChangeKind.Cancelled,
            ChangeKind.Restored => PublicChangeKind.Restored,
            _ => null,
        };
        return kind is { } k ? [Update(s, s, [k])] : [];
    }

    /// <summary>
    /// One version's public changes as a page shows them: only the sessions in <paramref name="only"/> when given,
    /// the weightiest first (then by start time), at most <paramref name="maxSessions"/> of them, and counts of every
    /// kind. Null when there is nothing to show.
    /// </summary>
    public static PublicChangeSet? Summarise(long version, DateTimeOffset time, IReadOnlyList<SessionUpdate> updates, int maxSessions, IReadOnlySet<string>? only = null)
    {
        var shown = only is null ? updates : [.. updates.Where(u => only.Contains(u.SessionId))];
        if (shown.Count == 0)
        {
            return null;
        }

        var counts = shown.SelectMany(u => u.Kinds).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var listed = shown.OrderBy(u => u.Weight).ThenBy(u => u.Start).ThenBy(u => u.SessionId, StringComparer.Ordinal).Take(Math.Max(maxSessions, 0)).ToArray();
        return new PublicChangeSet(version, time, listed, shown.Count, counts);
    }

    private static SessionUpdate Update(Session before, Session after, IReadOnlyList<PublicChangeKind> kinds) =>
        new(after.Id, kinds, after.Title, after.Start, after.End, after.RoomId, before.Title, before.Start, before.End, before.RoomId);
}

/// <summary>Which public changes to read: below <see cref="OlderThan"/> (0: the newest), after <see cref="AfterVersion"/>, of <see cref="SessionIds"/> (empty: all).</summary>
public sealed record PublicChangeQuery(long OlderThan = 0, long AfterVersion = 0, int PageSize = 0, int SessionsPerVersion = 0)
{
    public IReadOnlyList<string> SessionIds { get; init; } = [];
}

/// <summary>Where readers without a writer's token (the attendee pages) read the public change log from.</summary>
public interface IPublicChangeSource
{
    /// <summary>A page of the conference's public changes, or null when there is no such conference.</summary>
    /// <exception cref="AgendaSourceUnavailableException">The source cannot be reached or does not answer well.</exception>
    Task<PublicChangePage?> ListAsync(string conferenceId, PublicChangeQuery query, CancellationToken cancellationToken);
}
