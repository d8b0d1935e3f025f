namespace NetconfCloud.Schedule;

/// <summary>Where the agenda is kept. Every write also raises the conference's agenda version, atomically.</summary>
public interface IAgendaStore
{
    /// <summary>The whole agenda of a conference, or null when there is no such conference.</summary>
    Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken);

    /// <summary>The conference alone (one row), or null when there is no such conference.</summary>
    Task<Conference?> LoadConferenceAsync(string conferenceId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new session to the agenda as <paramref name="basis"/> read it (its version and etag). Throws
    /// <see cref="AlreadyExistsException"/> if the id is taken, <see cref="AgendaMovedException"/> if the agenda
    /// changed since <paramref name="basis"/>; either way nothing is written.
    /// </summary>
    /// <remarks>With a <paramref name="requestId"/>, the request is recorded in the same transaction, so that a
    /// second create with it cannot land (<see cref="FindCreatedByRequestAsync"/> then names the first one's session).</remarks>
    Task<Session> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken);

    /// <summary>The id of the session a create with <paramref name="requestId"/> made, or null when none did.</summary>
    Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a session if it still has <paramref name="expectedETag"/> (else <see cref="ConcurrencyConflictException"/>)
    /// and the agenda is still at <paramref name="basis"/> (else <see cref="AgendaMovedException"/>); nothing is
    /// written when either fails.
    /// </summary>
    Task<Session> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken);

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
