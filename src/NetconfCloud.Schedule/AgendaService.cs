namespace NetconfCloud.Schedule;

/// <summary>Reads and changes the agenda of a conference; the rules live here, storage behind <see cref="IAgendaStore"/>.</summary>
/// <remarks>Agendas are read through an <see cref="AgendaCache"/>: from memory, revalidated against storage at most once per <see cref="AgendaServiceSettings.RevalidateInterval"/>.</remarks>
public sealed partial class AgendaService(IAgendaStore storage, TimeProvider time, ChangeFeed changes, AgendaServiceSettings? settings = null)
{
    private readonly AgendaCache store = storage as AgendaCache ?? new AgendaCache(storage, time, settings ?? new AgendaServiceSettings());

    public const int MaxChangesPerPage = 500;

    /// <summary>How often a write is checked again against an agenda that other writers keep changing before it gives up.</summary>
    public const int MaxWriteAttempts = 16;

    public async Task<AgendaSnapshot> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        CheckConferenceId(conferenceId);
        return await store.LoadAsync(conferenceId, cancellationToken)
            ?? throw new NotFoundException($"conferences/{conferenceId}");
    }

    /// <summary>
    /// The agenda a page of a listing is read from: the version its page token was issued at (so that paging through
    /// a changing agenda gives neither duplicates nor gaps), or the current one for a first page.
    /// </summary>
    public async Task<AgendaSnapshot> LoadForPageAsync(string conferenceId, string pageToken, CancellationToken cancellationToken)
    {
        var current = await LoadAsync(conferenceId, cancellationToken);
        if (Paging.VersionOf(pageToken) is not { } version || version == current.Conference.AgendaVersion)
        {
            return current;
        }

        return store.AtVersion(conferenceId, version)
            ?? throw new InvalidArgumentException("page_token", $"the agenda has changed since the first page (version {version} is gone); start again from the first page.");
    }

    /// <summary>The conference and its agenda version: one row, so that "has anything changed?" is cheap.</summary>
    public async Task<Conference> GetConferenceAsync(string conferenceId, CancellationToken cancellationToken)
    {
        CheckConferenceId(conferenceId);
        return await store.LoadConferenceAsync(conferenceId, cancellationToken)
            ?? throw new NotFoundException($"conferences/{conferenceId}");
    }

    /// <summary>
    /// The whole agenda at one version, or null when the caller holds that version already
    /// (<paramref name="knownVersion"/>): then only the conference row is read.
    /// </summary>
    public async Task<(Conference Conference, AgendaSnapshot? Agenda)> ReadAgendaAsync(string conferenceId, long knownVersion, CancellationToken cancellationToken)
    {
        if (knownVersion > 0)
        {
            var conference = await GetConferenceAsync(conferenceId, cancellationToken);
            if (conference.AgendaVersion == knownVersion)
            {
                return (conference, null);
            }
        }

        var agenda = await LoadAsync(conferenceId, cancellationToken);
        return (agenda.Conference, agenda);
    }

    /// <summary>The change log after a version, oldest first; the next page starts after the last version returned.</summary>
    public async Task<(Conference Conference, IReadOnlyList<RecordedChange> Changes)> ListChangesAsync(string conferenceId, long afterVersion, int pageSize, CancellationToken cancellationToken)
    {
        var conference = await GetConferenceAsync(conferenceId, cancellationToken);
        if (afterVersion < 0)
        {
            throw new InvalidArgumentException("after_version", "must not be negative.");
        }

        if (pageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative.");
        }

        return (conference, await store.ReadChangesAsync(conferenceId, afterVersion, pageSize == 0 ? Paging.DefaultPageSize : Math.Min(pageSize, MaxChangesPerPage), cancellationToken));
    }

    /// <summary>
    /// Every change after <paramref name="afterVersion"/>, in order, and then each new one as it is recorded, by any
    /// instance. The live part comes from the conference's one shared poller (<see cref="ChangeFeed"/>); the
    /// watcher subscribes before it replays the log, so nothing falls between the two, and what both hold comes once.
    /// </summary>
    public async IAsyncEnumerable<RecordedChange> WatchAsync(string conferenceId, long afterVersion, string caller, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var conference = await GetConferenceAsync(conferenceId, cancellationToken);
        if (afterVersion < 0)
        {
            throw new InvalidArgumentException("after_version", "must not be negative.");
        }

        using var subscription = changes.Subscribe(conferenceId, conference.AgendaVersion, caller);
        var seen = afterVersion;
        while (true)
        {
            IReadOnlyList<RecordedChange> page;
            try
            {
                (_, page) = await ListChangesAsync(conferenceId, seen, MaxChangesPerPage, cancellationToken);
            }
            catch (StorageUnavailableException) when (seen >= conference.AgendaVersion)
            {
                // Storage is away and the watcher holds the version this instance knows: nothing to replay that it
                // knows of, so the watcher stays open, and the poller delivers what comes once storage answers.
                break;
            }

            foreach (var change in page)
            {
                seen = change.Version;
                yield return change;
            }

            if (page.Count < MaxChangesPerPage)
            {
                break;
            }
        }

        await foreach (var change in subscription.Changes.ReadAllAsync(cancellationToken))
        {
            if (change.Version > seen)
            {
                seen = change.Version;
                yield return change;
            }
        }
    }

    public async Task<SavedSession> CreateSessionAsync(string conferenceId, SessionDraft draft, string actor, CancellationToken cancellationToken)
    {
        CheckRequestId(draft.RequestId);
        for (var attempt = 1; ; attempt++)
        {
            // The agenda, then the request: a request not recorded now was not recorded when the agenda was read, so
            // the agenda holds no session of it; one recorded now is in every agenda read from now on.
            var agenda = await LoadAsync(conferenceId, cancellationToken);
            if (draft.RequestId.Length > 0 && await store.FindCreatedByRequestAsync(conferenceId, draft.RequestId, cancellationToken) is { } earlier)
            {
                // A retry of a create that landed: answer with what it made, as it stands now.
                if (!agenda.Sessions.Any(s => s.Id == earlier))
                {
                    agenda = await LoadAsync(conferenceId, cancellationToken);
                }

                return new SavedSession(AgendaQueries.FindSession(agenda, earlier), agenda.Conference);
            }

            var id = draft.Id.Length > 0 ? draft.Id : NewId(draft, agenda);
            // A writer sets the editable fields; a new session is scheduled, and only an import sets source identities.
            var content = SessionFields.CopyFields(new SessionContent(), draft.Content, SessionFields.Editable.Select(f => f.Path));
            var session = new Session(id, content with { Status = SessionStatus.Scheduled, Speakers = ResolveSpeakers(draft.SpeakerIds, agenda) })
            {
                UpdateTime = time.GetUtcNow(),
            };
            SessionRules.Validate(session, agenda);
            if (AgendaIndex.Of(agenda).Contains(id))
            {
                throw new AlreadyExistsException($"conferences/{conferenceId}/sessions/{id}");
            }

            try
            {
                var change = new AgendaChange(ChangeKind.Created, id, actor, session.UpdateTime) { Updates = [.. PublicChanges.Of([(null, session)])] };
                var added = await store.AddSessionAsync(agenda.Conference, session, change, draft.RequestId, cancellationToken);
                changes.Notify(conferenceId);
                return added;
            }
            catch (AgendaMovedException) when (attempt < MaxWriteAttempts)
            {
                // Another writer changed the agenda since it was read: check this session against the new agenda.
            }
            catch (AlreadyExistsException) when (draft.RequestId.Length > 0 && attempt < MaxWriteAttempts)
            {
                // Perhaps a retry of this very request got in first: look for it again before calling it a clash.
            }
        }
    }

    /// <summary>
    /// Applies a patch. With an etag, the session must still have it; without one, the change applies to the
    /// session as read, and a concurrent writer makes it fail with a conflict rather than be overwritten.
    /// </summary>
    public Task<SavedSession> UpdateSessionAsync(
        string conferenceId, string sessionId, SessionPatch patch, string etag, string actor, CancellationToken cancellationToken) =>
        ChangeSessionAsync(conferenceId, sessionId, etag, actor, (current, agenda) => patch.ApplyTo(current, ids => ResolveSpeakers(ids, agenda)), cancellationToken);

    /// <summary>Cancels a session. It stays on record as cancelled so that calendars remove it.</summary>
    public Task<SavedSession> CancelSessionAsync(string conferenceId, string sessionId, string etag, string actor, CancellationToken cancellationToken) =>
        ChangeSessionAsync(conferenceId, sessionId, etag, actor, (current, _) => current with { Status = SessionStatus.Cancelled }, cancellationToken);

    /// <summary>
    /// Changes one session. Every rule is checked against the agenda the write commits on: when another writer
    /// changed the agenda in between, it is read again and the change applied and checked again.
    /// </summary>
    private async Task<SavedSession> ChangeSessionAsync(
        string conferenceId, string sessionId, string etag, string actor, Func<Session, AgendaSnapshot, Session> change, CancellationToken cancellationToken)
    {
        string? seenETag = null;
        for (var attempt = 1; ; attempt++)
        {
            var agenda = await LoadAsync(conferenceId, cancellationToken);
            // The first write on a version read from storage indexes it; the writes after it carry the index along.
            _ = AgendaIndex.Of(agenda);
            var current = AgendaQueries.FindSession(agenda, sessionId);
            CheckETag(current, etag, conferenceId);
            if (seenETag is not null && seenETag != current.ETag)
            {
                // The session itself changed since this write first read it.
                throw new ConcurrencyConflictException($"conferences/{conferenceId}/sessions/{current.Id}", etagWasSupplied: etag.Length > 0);
            }

            seenETag = current.ETag;
            var updated = change(current, agenda);
            if (updated == current)
            {
                // Nothing to change (a cancelled session cancelled again, a patch to the values it has): no write.
                return new SavedSession(current, agenda.Conference);
            }

            SessionRules.Validate(updated, agenda, current);

            var moved = updated.Start != current.Start || updated.End != current.End || updated.Status != current.Status;
            var now = time.GetUtcNow();
            updated = updated with { Sequence = moved ? current.Sequence + 1 : current.Sequence, UpdateTime = now };
            var kind = (current.Status, updated.Status) switch
            {
                (SessionStatus.Scheduled, SessionStatus.Cancelled) => ChangeKind.Cancelled,
                (SessionStatus.Cancelled, SessionStatus.Scheduled) => ChangeKind.Restored,
                _ => ChangeKind.Updated,
            };
            try
            {
                var saved = await store.ReplaceSessionAsync(agenda.Conference, updated, current.ETag, new AgendaChange(kind, current.Id, actor, now) { Updates = PublicChanges.Of([(current, updated)]) }, cancellationToken);
                changes.Notify(conferenceId);
                return saved;
            }
            catch (AgendaMovedException) when (attempt < MaxWriteAttempts)
            {
                // Another writer changed the agenda since it was read: apply and check this change against the new agenda.
            }
            catch (ConcurrencyConflictException) when (etag.Length == 0)
            {
                throw new ConcurrencyConflictException($"conferences/{conferenceId}/sessions/{current.Id}", etagWasSupplied: false);
            }
        }
    }

    private static void CheckETag(Session current, string etag, string conferenceId)
    {
        if (etag.Length > 0 && !string.Equals(etag, current.ETag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException($"conferences/{conferenceId}/sessions/{current.Id}");
        }
    }

    private static void CheckRequestId(string requestId)
    {
        if (requestId.Length > 0 && !Guid.TryParseExact(requestId, "D", out _))
        {
            throw new InvalidArgumentException("request_id", "must be a UUID such as 123e4567-e89b-42d3-a456-426614174000.");
        }
    }

    internal static void CheckConferenceId(string conferenceId)
    {
        if (!Slug.IsValid(conferenceId))
        {
            throw new InvalidArgumentException("conference_id", "must be a conference id such as 'netconf-2015'.");
        }
    }

    private static IReadOnlyList<SpeakerRef> ResolveSpeakers(IReadOnlyList<string> ids, AgendaSnapshot agenda)
    {
        var speakers = AgendaIndex.Of(agenda).Speakers;
        return [.. ids.Select(id => new SpeakerRef(id, speakers.Find(id)?.Name ?? ""))];
    }

    private static string NewId(SessionDraft draft, AgendaSnapshot agenda) =>
        Slug.Unique(draft.Content.Title.Length > 0 ? draft.Content.Title : string.Join(' ', draft.SpeakerIds), "session", AgendaIndex.Of(agenda).Contains);
}

/// <summary>A session as written, and the conference it belongs to (for its time zone).</summary>
public sealed record SavedSession(Session Session, Conference Conference);
