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
    /// <returns>The session as written and the conference at its new version (with its new storage etag).</returns>
    Task<SavedSession> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken);

    /// <summary>The id of the session a create with <paramref name="requestId"/> made, or null when none did.</summary>
    Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a session if it still has <paramref name="expectedETag"/> (else <see cref="ConcurrencyConflictException"/>)
    /// and the agenda is still at <paramref name="basis"/> (else <see cref="AgendaMovedException"/>); nothing is
    /// written when either fails.
    /// </summary>
    Task<SavedSession> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken);

    /// <summary>The change log after <paramref name="afterVersion"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an edit of any size as one new agenda version on top of <paramref name="basis"/> (else
    /// <see cref="AgendaMovedException"/>, nothing written). Readers see the agenda before it or after it, never in
    /// between, and an edit interrupted after it was committed is completed by the next reader or writer.
    /// </summary>
    Task<Conference> CommitAsync(Conference basis, AgendaEdit edit, CancellationToken cancellationToken);

    /// <summary>Creates a conference with an empty agenda at version 1; <see cref="AlreadyExistsException"/> if the id is taken.</summary>
    Task<Conference> CreateConferenceAsync(Conference conference, AgendaChange change, CancellationToken cancellationToken);

    /// <summary>Every conference (one row each), in id order.</summary>
    Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken);

    /// <summary>Writes the seed agenda unless the conference exists already. Returns whether it wrote.</summary>
    Task<bool> SeedAsync(AgendaSnapshot agenda, CancellationToken cancellationToken);
}

public enum ChangeKind
{
    Created,
    Updated,
    Cancelled,
    Restored,
    Deleted,
    Imported,
}

/// <summary>
/// A record of one change to the agenda: what, to which resource, by whom, when. <see cref="SessionId"/> is set
/// for a change to a session; <see cref="Subject"/> names any other resource (<c>speakers/jamal-hadi-salim</c>,
/// <c>sponsors/cisco</c>, <c>conference</c>, <c>import</c>) and <see cref="Summary"/> says what changed in words.
/// </summary>
public sealed record AgendaChange(ChangeKind Kind, string SessionId, string Actor, DateTimeOffset Time)
{
    public string Subject { get; init; } = SessionId.Length > 0 ? $"sessions/{SessionId}" : "";

    public string Summary { get; init; } = "";

    /// <summary>What attendees may learn of the change (<see cref="PublicChanges"/>), kept in the log beside it.</summary>
    public IReadOnlyList<SessionUpdate> Updates { get; init; } = [];
}

/// <summary>A change as kept in the log: the agenda version it made, and the session after it when it changed one.</summary>
public sealed record RecordedChange(long Version, ChangeKind Kind, Session? Session, string Actor, DateTimeOffset Time)
{
    public string Subject { get; init; } = Session is null ? "" : $"sessions/{Session.Id}";

    public string Summary { get; init; } = "";

    /// <summary>What attendees may learn of it; null in rows written before this was kept (see <see cref="PublicChanges.FromLog"/>).</summary>
    public IReadOnlyList<SessionUpdate>? Updates { get; init; }
}

/// <summary>
/// One change to the agenda as rows to write, in one agenda version: sessions, speakers and sponsors written whole
/// (an upsert each), speakers and sponsor positions removed, and the conference record when it changed.
/// </summary>
public sealed record AgendaEdit(AgendaChange Change)
{
    /// <summary>The conference's new details (name, rooms, tracks, ...); null when only its version moves.</summary>
    public Conference? Conference { get; init; }

    public IReadOnlyList<Session> Sessions { get; init; } = [];

    public IReadOnlyList<Speaker> Speakers { get; init; } = [];

    public IReadOnlyList<string> RemovedSpeakerIds { get; init; } = [];

    /// <summary>Sponsors written at their <see cref="Sponsor.Order"/>.</summary>
    public IReadOnlyList<Sponsor> Sponsors { get; init; } = [];

    /// <summary>Positions that no longer hold a sponsor (after a delete, the list is one shorter).</summary>
    public IReadOnlyList<int> RemovedSponsorOrders { get; init; } = [];

    public int RowCount => Sessions.Count + Speakers.Count + RemovedSpeakerIds.Count + Sponsors.Count + RemovedSponsorOrders.Count;

    public bool IsEmpty => Conference is null && RowCount == 0;
}
