using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace NetconfCloud.Schedule;

/// <summary>
/// What a write looks up in an agenda, kept beside a snapshot and carried to the next one: the sessions by id, by
/// room and by speaker (each in start order), all of them in start order, and the speakers by id. Every structure is
/// persistent, so the snapshot after a write shares all but O(log n) of its nodes with the one before: a write costs
/// the sessions of its room and speakers in its time window, not the agenda.
/// </summary>
/// <remarks>
/// An index is built once for a snapshot read from storage (on the first write or lookup that needs it) and then
/// carried by <see cref="With"/>; a snapshot made any other way (a <c>with</c> expression) gets its own on first use,
/// so an index never describes another snapshot than its own.
/// </remarks>
internal sealed class AgendaIndex
{
    private static readonly ConditionalWeakTable<AgendaSnapshot, AgendaIndex> Indexes = [];

    /// <summary>Start, then end, then id (ordinal): the order in which sessions are listed and swept for clashes.</summary>
    public static readonly IComparer<Session> StartOrder = Comparer<Session>.Create(static (a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        if (byStart != 0)
        {
            return byStart;
        }

        var byEnd = a.End.CompareTo(b.End);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.Id, b.Id);
    });

    private static readonly ImmutableSortedSet<Session> NoSessions = ImmutableSortedSet.Create(StartOrder);

    private AgendaIndex(
        ImmutableList<Session> sessions,
        ImmutableDictionary<string, int> positions,
        ImmutableDictionary<string, ImmutableSortedSet<Session>> byRoom,
        ImmutableDictionary<string, ImmutableSortedSet<Session>> bySpeaker,
        ImmutableSortedSet<Session> byTime,
        TimeSpan longest,
        SpeakerDirectory speakers)
    {
        Sessions = sessions;
        Positions = positions;
        ByRoom = byRoom;
        BySpeaker = bySpeaker;
        ByTime = byTime;
        Longest = longest;
        Speakers = speakers;
    }

    /// <summary>The sessions in the snapshot's order (a write replaces in place, an added session goes last).</summary>
    public ImmutableList<Session> Sessions { get; }

    /// <summary>Each session's position in <see cref="Sessions"/>.</summary>
    public ImmutableDictionary<string, int> Positions { get; }

    public ImmutableDictionary<string, ImmutableSortedSet<Session>> ByRoom { get; }

    public ImmutableDictionary<string, ImmutableSortedSet<Session>> BySpeaker { get; }

    /// <summary>Every session in <see cref="StartOrder"/>.</summary>
    public ImmutableSortedSet<Session> ByTime { get; }

    /// <summary>
    /// At least the longest duration of any session indexed (it is never lowered when a long session goes): a session
    /// that overlaps a window starts no earlier than this before the window starts.
    /// </summary>
    public TimeSpan Longest { get; }

    public SpeakerDirectory Speakers { get; }

    /// <summary>The index of <paramref name="agenda"/>, built now if it has none.</summary>
    public static AgendaIndex Of(AgendaSnapshot agenda) => Indexes.GetValue(agenda, Build);

    /// <summary>The index of <paramref name="agenda"/> when it has one already (reads that would not pay for building one).</summary>
    public static AgendaIndex? Existing(AgendaSnapshot agenda) => Indexes.TryGetValue(agenda, out var index) ? index : null;

    /// <summary>
    /// The snapshot after one session was written (replaced when its id is there, added last when not) and the
    /// conference moved to <paramref name="conference"/>; its index is this one with that session moved: O(log n).
    /// </summary>
    public static AgendaSnapshot With(AgendaSnapshot agenda, Conference conference, Session session)
    {
        var index = Of(agenda);
        var next = index.Write(session);
        var snapshot = agenda with { Conference = conference, Sessions = next.Sessions };
        Indexes.AddOrUpdate(snapshot, next);
        return snapshot;
    }

    public Session? Find(string sessionId) => Positions.TryGetValue(sessionId, out var position) ? Sessions[position] : null;

    public bool Contains(string sessionId) => Positions.ContainsKey(sessionId);

    /// <summary>The sessions of <paramref name="set"/> that overlap [<paramref name="start"/>, <paramref name="end"/>), in start order.</summary>
    public IEnumerable<Session> Overlapping(ImmutableSortedSet<Session> set, DateTimeOffset start, DateTimeOffset end)
    {
        var from = start - DateTimeOffset.MinValue > Longest ? start - Longest : DateTimeOffset.MinValue;
        var probe = new Session("", new SessionContent { Start = from, End = DateTimeOffset.MinValue });
        var i = set.IndexOf(probe);
        for (i = i < 0 ? ~i : i; i < set.Count; i++)
        {
            var other = set[i];
            if (other.Start >= end)
            {
                yield break;
            }

            if (other.End > start)
            {
                yield return other;
            }
        }
    }

    private AgendaIndex Write(Session session)
    {
        var sessions = Sessions;
        var positions = Positions;
        var byRoom = ByRoom;
        var bySpeaker = BySpeaker;
        var byTime = ByTime;
        if (positions.TryGetValue(session.Id, out var position))
        {
            var old = sessions[position];
            sessions = sessions.SetItem(position, session);
            byTime = byTime.Remove(old);
            byRoom = Without(byRoom, old.RoomId, old);
            foreach (var speaker in SpeakerIds(old))
            {
                bySpeaker = Without(bySpeaker, speaker, old);
            }
        }
        else
        {
            positions = positions.Add(session.Id, sessions.Count);
            sessions = sessions.Add(session);
        }

        byTime = byTime.Add(session);
        byRoom = With(byRoom, session.RoomId, session);
        foreach (var speaker in SpeakerIds(session))
        {
            bySpeaker = With(bySpeaker, speaker, session);
        }

        var longest = session.End - session.Start > Longest ? session.End - session.Start : Longest;
        return new AgendaIndex(sessions, positions, byRoom, bySpeaker, byTime, longest, Speakers);
    }

    private static AgendaIndex Build(AgendaSnapshot agenda)
    {
        var sessions = agenda.Sessions as ImmutableList<Session> ?? [.. agenda.Sessions];
        var positions = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var rooms = new Dictionary<string, List<Session>>(StringComparer.Ordinal);
        var speakers = new Dictionary<string, List<Session>>(StringComparer.Ordinal);
        var longest = TimeSpan.Zero;
        var position = 0;
        foreach (var session in sessions)
        {
            // Ids are unique in an agenda (storage keys them); should one come twice, the first is the one found.
            positions.TryAdd(session.Id, position++);
            Add(rooms, session.RoomId, session);
            foreach (var speaker in SpeakerIds(session))
            {
                Add(speakers, speaker, session);
            }

            longest = session.End - session.Start > longest ? session.End - session.Start : longest;
        }

        return new AgendaIndex(
            sessions,
            positions.ToImmutable(),
            Sorted(rooms),
            Sorted(speakers),
            sessions.ToImmutableSortedSet(StartOrder),
            longest,
            SpeakerDirectory.Of(agenda.Speakers));

        static void Add(Dictionary<string, List<Session>> groups, string key, Session session)
        {
            if (key.Length == 0)
            {
                return;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(session);
        }

        static ImmutableDictionary<string, ImmutableSortedSet<Session>> Sorted(Dictionary<string, List<Session>> groups) =>
            groups.ToImmutableDictionary(g => g.Key, g => g.Value.ToImmutableSortedSet(StartOrder), StringComparer.Ordinal);
    }

    private static IEnumerable<string> SpeakerIds(Session session) =>
        session.Speakers.Count == 1 ? [session.Speakers[0].Id] : session.Speakers.Select(s => s.Id).Distinct(StringComparer.Ordinal);

    private static ImmutableDictionary<string, ImmutableSortedSet<Session>> With(ImmutableDictionary<string, ImmutableSortedSet<Session>> groups, string key, Session session) =>
        key.Length == 0 ? groups : groups.SetItem(key, groups.GetValueOrDefault(key, NoSessions).Add(session));

    private static ImmutableDictionary<string, ImmutableSortedSet<Session>> Without(ImmutableDictionary<string, ImmutableSortedSet<Session>> groups, string key, Session session)
    {
        if (key.Length == 0 || !groups.TryGetValue(key, out var group))
        {
            return groups;
        }

        var rest = group.Remove(session);
        return rest.IsEmpty ? groups.Remove(key) : groups.SetItem(key, rest);
    }
}

/// <summary>
/// The speakers of an agenda by id, built once per speaker list: a write does not change the speakers, so every
/// snapshot after it shares the list and this directory.
/// </summary>
internal sealed class SpeakerDirectory
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Speaker>, SpeakerDirectory> Directories = [];

    private readonly FrozenDictionary<string, Speaker> byId;

    private SpeakerDirectory(IReadOnlyList<Speaker> speakers)
    {
        var byId = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        foreach (var speaker in speakers)
        {
            byId.TryAdd(speaker.Id, speaker);
        }

        this.byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static SpeakerDirectory Of(IReadOnlyList<Speaker> speakers) => Directories.GetValue(speakers, static s => new SpeakerDirectory(s));

    /// <summary>The first speaker with <paramref name="id"/> in the list, as a scan would find it.</summary>
    public Speaker? Find(string id) => byId.GetValueOrDefault(id);

    public bool Contains(string id) => byId.ContainsKey(id);
}
