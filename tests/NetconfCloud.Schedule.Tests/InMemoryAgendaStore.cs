using System.Globalization;

namespace NetconfCloud.Schedule.Tests;

/// <summary>A store in memory for unit tests of the rules; the real one is tested against Azurite.</summary>
internal sealed class InMemoryAgendaStore : IAgendaStore
{
    private readonly Lock gate = new();
    private AgendaSnapshot? agenda;
    private int etags;

    public List<AgendaChange> Changes { get; } = [];

    private readonly List<RecordedChange> log = [];

    /// <summary>How often the change log was read.</summary>
    public int ChangeReads { get; private set; }

    /// <summary>Thrown by the next read of the change log, once: storage refusing it, say.</summary>
    public Exception? NextChangeReadFails { get; set; }

    /// <summary>While set, thrown by every read: storage that does not answer.</summary>
    public Exception? ReadsFail { get; set; }

    /// <summary>Puts the agenda back as it was at <paramref name="earlier"/>, as a restore from a backup does (new etags).</summary>
    public void SetBackTo(AgendaSnapshot earlier)
    {
        lock (gate)
        {
            agenda = earlier with { Conference = earlier.Conference with { ETag = NextETag() } };
            log.RemoveAll(change => change.Version > earlier.Conference.AgendaVersion);
        }
    }

    public Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ChangeReads++;
            if (ReadsFail is { } away)
            {
                return Task.FromException<IReadOnlyList<RecordedChange>>(away);
            }

            if (NextChangeReadFails is { } failure)
            {
                NextChangeReadFails = null;
                return Task.FromException<IReadOnlyList<RecordedChange>>(failure);
            }

            return Task.FromResult<IReadOnlyList<RecordedChange>>([.. log.Where(c => c.Version > afterVersion).Take(max)]);
        }
    }

    /// <summary>How often the whole agenda was read.</summary>
    public int FullReads { get; private set; }

    /// <summary>How often the conference row alone was read.</summary>
    public int ConferenceReads { get; private set; }

    public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            FullReads++;
            if (ReadsFail is { } away)
            {
                return Task.FromException<AgendaSnapshot?>(away);
            }

            return Task.FromResult(agenda?.Conference.Id == conferenceId ? agenda : null);
        }
    }

    public Task<Conference?> LoadConferenceAsync(string conferenceId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            ConferenceReads++;
            if (ReadsFail is { } away)
            {
                return Task.FromException<Conference?>(away);
            }

            return Task.FromResult(agenda?.Conference.Id == conferenceId ? agenda.Conference : null);
        }
    }

    /// <summary>Runs once just before the next write commits: another writer that gets in first.</summary>
    public Action<InMemoryAgendaStore>? BeforeNextWrite { get; set; }

    /// <summary>Replaces a session as another writer would, raising the agenda version.</summary>
    public void ReplaceByAnotherWriter(Session session)
    {
        lock (gate)
        {
            var stored = session with { ETag = NextETag() };
            Commit([.. agenda!.Sessions.Select(s => s.Id == session.Id ? stored : s)], new AgendaChange(ChangeKind.Updated, session.Id, "another writer", session.UpdateTime));
        }
    }

    private readonly Dictionary<string, string> requests = [];

    public Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(requests.TryGetValue(requestId, out var id) ? id : null);
        }
    }

    public Task<SavedSession> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken)
    {
        RunBeforeNextWrite();
        lock (gate)
        {
            CheckBasis(basis);
            if (requestId.Length > 0 && !requests.TryAdd(requestId, session.Id))
            {
                throw new AgendaMovedException(basis.Id);
            }

            var stored = session with { ETag = NextETag() };
            Commit([.. agenda!.Sessions, stored], change);
            return Task.FromResult(new SavedSession(stored, agenda.Conference));
        }
    }

    public Task<SavedSession> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken)
    {
        RunBeforeNextWrite();
        lock (gate)
        {
            var current = agenda!.Sessions.Single(s => s.Id == session.Id);
            if (current.ETag != expectedETag)
            {
                throw new ConcurrencyConflictException($"sessions/{session.Id}");
            }

            CheckBasis(basis);

            var stored = session with { ETag = NextETag() };
            Commit([.. agenda.Sessions.Select(s => s.Id == session.Id ? stored : s)], change);
            return Task.FromResult(new SavedSession(stored, agenda.Conference));
        }
    }

    public Task<bool> SeedAsync(AgendaSnapshot seed, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (agenda is not null)
            {
                return Task.FromResult(false);
            }

            agenda = seed with { Conference = seed.Conference with { ETag = NextETag() }, Sessions = [.. seed.Sessions.Select(s => s with { ETag = NextETag() })] };
            return Task.FromResult(true);
        }
    }

    public Task<Conference> CommitAsync(Conference basis, AgendaEdit edit, CancellationToken cancellationToken)
    {
        RunBeforeNextWrite();
        lock (gate)
        {
            CheckBasis(basis);
            var written = edit.Sessions.Select(s => s with { ETag = NextETag() }).ToDictionary(s => s.Id);
            var speakers = edit.Speakers.ToDictionary(s => s.Id);
            var sponsors = edit.Sponsors.ToDictionary(s => s.Order);
            var current = agenda!;
            agenda = current with
            {
                Conference = (edit.Conference ?? current.Conference) with
                {
                    AgendaVersion = current.Conference.AgendaVersion + 1,
                    AgendaUpdateTime = edit.Change.Time,
                    ETag = NextETag(),
                },
                Sessions = [.. current.Sessions.Where(s => !written.ContainsKey(s.Id)), .. written.Values],
                Speakers = [.. current.Speakers.Where(s => !speakers.ContainsKey(s.Id) && !edit.RemovedSpeakerIds.Contains(s.Id)), .. speakers.Values],
                Sponsors = [.. current.Sponsors.Where(s => !sponsors.ContainsKey(s.Order) && !edit.RemovedSponsorOrders.Contains(s.Order)), .. sponsors.Values],
            };
            Changes.Add(edit.Change);
            log.Add(new RecordedChange(agenda.Conference.AgendaVersion, edit.Change.Kind, null, edit.Change.Actor, edit.Change.Time) { Subject = edit.Change.Subject, Summary = edit.Change.Summary, Updates = edit.Change.Updates });
            return Task.FromResult(agenda.Conference);
        }
    }

    public Task<Conference> CreateConferenceAsync(Conference conference, AgendaChange change, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (agenda is not null)
            {
                throw new AlreadyExistsException($"conferences/{conference.Id}");
            }

            agenda = new AgendaSnapshot(conference with { AgendaVersion = 1, AgendaUpdateTime = change.Time, ETag = NextETag() }, [], [], []);
            Changes.Add(change);
            return Task.FromResult(agenda.Conference);
        }
    }

    public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Conference>>(agenda is null ? [] : [agenda.Conference]);
        }
    }

    private void Commit(IReadOnlyList<Session> sessions, AgendaChange change)
    {
        agenda = agenda! with
        {
            Sessions = sessions,
            Conference = agenda.Conference with { AgendaVersion = agenda.Conference.AgendaVersion + 1, AgendaUpdateTime = change.Time, ETag = NextETag() },
        };
        Changes.Add(change);
        log.Add(new RecordedChange(agenda.Conference.AgendaVersion, change.Kind, sessions.Single(s => s.Id == change.SessionId), change.Actor, change.Time) { Updates = change.Updates });
    }

    private void RunBeforeNextWrite()
    {
        var before = BeforeNextWrite;
        BeforeNextWrite = null;
        before?.Invoke(this);
    }

    private void CheckBasis(Conference basis)
    {
        if (basis.AgendaVersion != agenda!.Conference.AgendaVersion)
        {
            throw new AgendaMovedException(basis.Id);
        }
    }

    private string NextETag() => (++etags).ToString(CultureInfo.InvariantCulture);
}
