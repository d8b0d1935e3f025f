namespace NetconfCloud.Schedule;

public enum ClashKind
{
    /// <summary>One speaker in two scheduled sessions at once.</summary>
    Speaker,

    /// <summary>Two scheduled sessions in one room at once.</summary>
    Room,
}

/// <summary>Two scheduled sessions that overlap and share a speaker or a room (<see cref="Subject"/> names which).</summary>
public sealed record Clash(ClashKind Kind, string Subject, Session First, Session Second)
{
    public override string ToString() => Kind == ClashKind.Speaker
        ? $"speaker '{Subject}' is in '{First.Id}' and '{Second.Id}' at once"
        : $"room '{Subject}' holds '{First.Id}' and '{Second.Id}' at once";
}

/// <summary>
/// The one place that says what a clash is. Published schedules have clashes (a speaker on two stages, two events in
/// one room); an import keeps them and reports them, and an edit may not add one.
/// </summary>
public static class AgendaClashes
{
    /// <summary>
    /// The clashes of the agenda: for each room and each speaker, every session that starts before an earlier one
    /// (in start order) ends, paired with the earlier one that ends last. Six talks of one speaker at the same hour
    /// are five clashes, not fifteen pairs; a session that overlaps only an earlier, longer one is still found.
    /// </summary>
    public static IReadOnlyList<Clash> Find(IEnumerable<Session> sessions)
    {
        var scheduled = sessions.Where(s => s.Status == SessionStatus.Scheduled).ToArray();
        var clashes = new List<Clash>();
        foreach (var room in scheduled.Where(s => s.RoomId.Length > 0).GroupBy(s => s.RoomId, StringComparer.Ordinal))
        {
            Sweep(ClashKind.Room, room.Key, room, clashes);
        }

        var bySpeaker = scheduled.SelectMany(s => s.Speakers.Select(r => (Speaker: r.Id, Session: s))).GroupBy(p => p.Speaker, StringComparer.Ordinal);
        foreach (var speaker in bySpeaker)
        {
            Sweep(ClashKind.Speaker, speaker.Key, speaker.Select(p => p.Session), clashes);
        }

        return clashes;
    }

    /// <summary>The clashes <paramref name="session"/> would have with the other sessions of <paramref name="sessions"/>.</summary>
    public static IEnumerable<Clash> Of(Session session, IEnumerable<Session> sessions)
    {
        if (session.Status != SessionStatus.Scheduled)
        {
            yield break;
        }

        foreach (var other in sessions)
        {
            if (other.Id == session.Id || other.Status != SessionStatus.Scheduled || other.Start >= session.End || session.Start >= other.End)
            {
                continue;
            }

            if (session.RoomId.Length > 0 && session.RoomId == other.RoomId)
            {
                yield return new Clash(ClashKind.Room, session.RoomId, session, other);
            }

            foreach (var speaker in session.Speakers.Where(s => other.IsSpokenBy(s.Id)))
            {
                yield return new Clash(ClashKind.Speaker, speaker.Id, session, other);
            }
        }
    }

    /// <summary>
    /// The clashes <paramref name="session"/> would have with the other sessions of <paramref name="agenda"/>, the
    /// same as <see cref="Of(Session, IEnumerable{Session})"/> over its sessions and in the same order, read from the
    /// agenda's index: only the sessions of the session's room and speakers that overlap its time are looked at.
    /// </summary>
    public static IEnumerable<Clash> Of(Session session, AgendaSnapshot agenda)
    {
        if (session.Status != SessionStatus.Scheduled)
        {
            return [];
        }

        var index = AgendaIndex.Of(agenda);
        var candidates = new Dictionary<string, Session>(StringComparer.Ordinal);
        if (session.RoomId.Length > 0 && index.ByRoom.TryGetValue(session.RoomId, out var room))
        {
            foreach (var other in index.Overlapping(room, session.Start, session.End))
            {
                candidates.TryAdd(other.Id, other);
            }
        }

        foreach (var speaker in session.Speakers)
        {
            if (index.BySpeaker.TryGetValue(speaker.Id, out var talks))
            {
                foreach (var other in index.Overlapping(talks, session.Start, session.End))
                {
                    candidates.TryAdd(other.Id, other);
                }
            }
        }

        // In the agenda's order, as a scan over its sessions meets them.
        return Of(session, candidates.Values.OrderBy(s => index.Positions[s.Id]));
    }

    private static void Sweep(ClashKind kind, string subject, IEnumerable<Session> sessions, List<Clash> clashes)
    {
        Session? latest = null;
        foreach (var session in sessions.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id, StringComparer.Ordinal))
        {
            if (latest is not null && session.Start < latest.End)
            {
                clashes.Add(new Clash(kind, subject, latest, session));
            }

            if (latest is null || session.End > latest.End)
            {
                latest = session;
            }
        }
    }
}
