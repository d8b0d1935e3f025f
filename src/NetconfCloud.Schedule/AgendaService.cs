namespace NetconfCloud.Schedule;

/// <summary>Reads and changes the agenda of a conference; the rules live here, storage behind <see cref="IAgendaStore"/>.</summary>
public sealed class AgendaService(IAgendaStore store, TimeProvider time, AgendaServiceSettings settings)
{
    public const int MaxChangesPerPage = 500;

    public async Task<AgendaSnapshot> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        CheckConferenceId(conferenceId);
        return await store.LoadAsync(conferenceId, cancellationToken)
            ?? throw new NotFoundException($"conferences/{conferenceId}");
    }

    /// <summary>The conference and its agenda version: one row, so that "has anything changed?" is cheap.</summary>
    public async Task<Conference> GetConferenceAsync(string conferenceId, CancellationToken cancellationToken)
    {
        CheckConferenceId(conferenceId);
        return await store.LoadConferenceAsync(conferenceId, cancellationToken)
            ?? throw new NotFoundException($"conferences/{conferenceId}");
    }

    public async Task<Page<Session>> ListSessionsAsync(SessionQuery query, PageRequest page, CancellationToken cancellationToken) =>
        AgendaQueries.ListSessions(await LoadAsync(query.ConferenceId, cancellationToken), query, page);

    public async Task<Session> GetSessionAsync(string conferenceId, string sessionId, CancellationToken cancellationToken) =>
        AgendaQueries.FindSession(await LoadAsync(conferenceId, cancellationToken), sessionId);

    public async Task<Page<Speaker>> ListSpeakersAsync(string conferenceId, PageRequest page, CancellationToken cancellationToken) =>
        AgendaQueries.ListSpeakers(await LoadAsync(conferenceId, cancellationToken), page);

    public async Task<Speaker> GetSpeakerAsync(string conferenceId, string speakerId, CancellationToken cancellationToken) =>
        AgendaQueries.FindSpeaker(await LoadAsync(conferenceId, cancellationToken), speakerId);

    public async Task<Page<Sponsor>> ListSponsorsAsync(string conferenceId, PageRequest page, CancellationToken cancellationToken) =>
        AgendaQueries.ListSponsors(await LoadAsync(conferenceId, cancellationToken), page);

    /// <summary>The change log after a version, oldest first; the next page starts after the last version returned.</summary>
    public async Task<IReadOnlyList<RecordedChange>> ListChangesAsync(string conferenceId, long afterVersion, int pageSize, CancellationToken cancellationToken)
    {
        await GetConferenceAsync(conferenceId, cancellationToken);
        if (afterVersion < 0)
        {
            throw new InvalidArgumentException("after_version", "must not be negative.");
        }

        if (pageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative.");
        }

        return await store.ReadChangesAsync(conferenceId, afterVersion, pageSize == 0 ? Paging.DefaultPageSize : Math.Min(pageSize, MaxChangesPerPage), cancellationToken);
    }

    /// <summary>
    /// Every change after <paramref name="afterVersion"/>, in order, and then each new one as it is recorded.
    /// Changes are read from storage, so those made by any instance of the service are seen.
    /// </summary>
    public async IAsyncEnumerable<RecordedChange> WatchAsync(string conferenceId, long afterVersion, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = afterVersion;
        foreach (var change in await ListChangesAsync(conferenceId, afterVersion, MaxChangesPerPage, cancellationToken))
        {
            seen = change.Version;
            yield return change;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var changes = await store.ReadChangesAsync(conferenceId, seen, MaxChangesPerPage, cancellationToken);
            foreach (var change in changes)
            {
                seen = change.Version;
                yield return change;
            }

            if (changes.Count < MaxChangesPerPage)
            {
                await Task.Delay(settings.WatchPollInterval, time, cancellationToken);
            }
        }
    }

    public async Task<Session> CreateSessionAsync(string conferenceId, SessionDraft draft, string actor, CancellationToken cancellationToken)
    {
        var agenda = await LoadAsync(conferenceId, cancellationToken);
        var id = draft.Id.Length > 0 ? draft.Id : NewId(draft, agenda);
        var session = new Session(
            id, draft.Kind, draft.Title, draft.Abstract, draft.Notes, ResolveSpeakers(draft.SpeakerIds, agenda),
            draft.Start, draft.End, draft.SlideCount, SessionStatus.Scheduled, Sequence: 0, UpdateTime: time.GetUtcNow(), ETag: "");
        SessionRules.Validate(session, agenda);
        if (agenda.Sessions.Any(s => s.Id == id))
        {
            throw new AlreadyExistsException($"conferences/{conferenceId}/sessions/{id}");
        }

        return await store.AddSessionAsync(conferenceId, session, new AgendaChange(ChangeKind.Created, id, actor, session.UpdateTime), cancellationToken);
    }

    /// <summary>
    /// Applies a patch. With an etag, the session must still have it; without one, the change applies to the
    /// session as read, and a concurrent writer makes it fail with a conflict rather than be overwritten.
    /// </summary>
    public async Task<Session> UpdateSessionAsync(
        string conferenceId, string sessionId, SessionPatch patch, string etag, string actor, CancellationToken cancellationToken)
    {
        var agenda = await LoadAsync(conferenceId, cancellationToken);
        var current = AgendaQueries.FindSession(agenda, sessionId);
        CheckETag(current, etag, conferenceId);

        var updated = current with
        {
            Kind = patch.Kind ?? current.Kind,
            Title = patch.Title ?? current.Title,
            Abstract = patch.Abstract ?? current.Abstract,
            Notes = patch.Notes ?? current.Notes,
            Speakers = patch.SpeakerIds is { } ids ? ResolveSpeakers(ids, agenda) : current.Speakers,
            Start = patch.Start ?? current.Start,
            End = patch.End ?? current.End,
            Status = patch.Status ?? current.Status,
            SlideCount = patch.SlideCount ?? current.SlideCount,
        };
        return await SaveAsync(conferenceId, agenda, current, updated, etag, actor, cancellationToken);
    }

    /// <summary>Cancels a session. It stays on record as cancelled so that calendars remove it.</summary>
    public async Task<Session> CancelSessionAsync(string conferenceId, string sessionId, string etag, string actor, CancellationToken cancellationToken)
    {
        var agenda = await LoadAsync(conferenceId, cancellationToken);
        var current = AgendaQueries.FindSession(agenda, sessionId);
        CheckETag(current, etag, conferenceId);
        if (current.Status == SessionStatus.Cancelled)
        {
            return current;
        }

        return await SaveAsync(conferenceId, agenda, current, current with { Status = SessionStatus.Cancelled }, etag, actor, cancellationToken);
    }

    private async Task<Session> SaveAsync(
        string conferenceId, AgendaSnapshot agenda, Session current, Session updated, string etag, string actor, CancellationToken cancellationToken)
    {
        SessionRules.Validate(updated, agenda);
        if (updated == current)
        {
            return current;
        }

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
            return await store.ReplaceSessionAsync(conferenceId, updated, current.ETag, new AgendaChange(kind, current.Id, actor, now), cancellationToken);
        }
        catch (ConcurrencyConflictException) when (etag.Length == 0)
        {
            throw new ConcurrencyConflictException($"conferences/{conferenceId}/sessions/{current.Id}", etagWasSupplied: false);
        }
    }

    private static void CheckETag(Session current, string etag, string conferenceId)
    {
        if (etag.Length > 0 && !string.Equals(etag, current.ETag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException($"conferences/{conferenceId}/sessions/{current.Id}");
        }
    }

    private static void CheckConferenceId(string conferenceId)
    {
        if (!Slug.IsValid(conferenceId))
        {
            throw new InvalidArgumentException("conference_id", "must be a conference id such as 'netconf-2015'.");
        }
    }

    private static IReadOnlyList<SpeakerRef> ResolveSpeakers(IReadOnlyList<string> ids, AgendaSnapshot agenda) =>
        [.. ids.Select(id => new SpeakerRef(id, agenda.Speakers.FirstOrDefault(s => s.Id == id)?.Name ?? ""))];

    private static string NewId(SessionDraft draft, AgendaSnapshot agenda)
    {
        var basis = Slug.From(draft.Title.Length > 0 ? draft.Title : string.Join(' ', draft.SpeakerIds));
        if (basis.Length == 0)
        {
            basis = "session";
        }

        basis = basis.Length > Slug.MaxLength - 4 ? basis[..(Slug.MaxLength - 4)].TrimEnd('-') : basis;
        var id = basis;
        for (var n = 2; agenda.Sessions.Any(s => s.Id == id); n++)
        {
            id = $"{basis}-{n}";
        }

        return id;
    }
}
