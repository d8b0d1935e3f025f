namespace NetconfCloud.Schedule;

/// <summary>Where the agenda is kept. Every write also raises the conference's agenda version, atomically.</summary>
public interface IAgendaStore
{
    /// <summary>The whole agenda of a conference, or null when there is no such conference.</summary>
    Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken);

    /// <summary>The conference alone (one row), or null when there is no such conference.</summary>
    Task<Conference?> LoadConferenceAsync(string conferenceId, CancellationToken cancellationToken);

    /// <summary>Adds a new session. Throws <see cref="AlreadyExistsException"/> if its id is taken.</summary>
    Task<Session> AddSessionAsync(string conferenceId, Session session, AgendaChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a session if it still has <paramref name="expectedETag"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> and writes nothing.
    /// </summary>
    Task<Session> ReplaceSessionAsync(string conferenceId, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken);

    /// <summary>The change log after <paramref name="afterVersion"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken);

    /// <summary>Writes the seed agenda unless the conference exists already. Returns whether it wrote.</summary>
    Task<bool> SeedAsync(AgendaSnapshot agenda, CancellationToken cancellationToken);
}

public enum ChangeKind
{
    Created,
    Updated,
    Cancelled,
    Restored,
}

/// <summary>A record of one change to the agenda: what, to which session, by whom, when.</summary>
public sealed record AgendaChange(ChangeKind Kind, string SessionId, string Actor, DateTimeOffset Time);

/// <summary>A change as kept in the log: the agenda version it made, and the session after it.</summary>
public sealed record RecordedChange(long Version, ChangeKind Kind, Session Session, string Actor, DateTimeOffset Time);
