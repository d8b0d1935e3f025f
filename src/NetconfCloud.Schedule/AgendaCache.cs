using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetconfCloud.Schedule;

/// <summary>
/// Each conference's agenda kept in memory, keyed by its version, in front of the store. A read within
/// <see cref="AgendaServiceSettings.RevalidateInterval"/> of the last look at storage costs nothing; after it, one
/// point read of the conference row says whether the agenda moved (its etag changes with every write), and only
/// then is the agenda read again. A write through this instance updates the snapshot at once (its writer reads its
/// own write); a write through another instance is seen within the interval, or at once by a writer whose guarded
/// write it made fail. The last few versions are kept, so that a client paging through the agenda pages through
/// one version; the least recently used conferences leave first.
/// <para>
/// When storage does not answer, a conference held is served from memory (a known version, perhaps stale) and
/// storage is asked again once per interval by one read while the others are answered at once;
/// <see cref="StorageUnreachableSince"/> says since when. Storage is believed over memory: when it reports an older
/// version than the one held (a restore, a lost write), the older one is served from then on.
/// </para>
/// </summary>
public sealed partial class AgendaCache(IAgendaStore inner, TimeProvider time, AgendaServiceSettings settings, ILogger<AgendaCache>? logger = null) : IAgendaStore
{
    private readonly ILogger log = logger ?? NullLogger<AgendaCache>.Instance;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> recency = new();

    /// <summary>Conferences storage said do not exist, and when: asked for again within the interval, they cost nothing.</summary>
    private readonly Dictionary<string, long> absent = new(StringComparer.Ordinal);

    /// <summary>Unknown conference ids remembered at most; beyond that the oldest answers are dropped together.</summary>
    private const int MaxAbsent = 1024;

    private DateTimeOffset? unreachableSince;

    /// <summary>When storage stopped answering, as this instance saw it; null while it answers.</summary>
    public DateTimeOffset? StorageUnreachableSince
    {
        get
        {
            lock (gate)
            {
                return unreachableSince;
            }
        }
    }

    /// <summary>Storage did not answer (a read or write here, or the health check): from now on it is known away.</summary>
    public void NoteStorageUnreachable()
    {
        lock (gate)
        {
            if (unreachableSince is null)
            {
                unreachableSince = time.GetUtcNow();
                LogStorageUnreachable(entries.Count);
            }
        }
    }

    /// <summary>Storage answered: it is back.</summary>
    public void NoteStorageAnswered()
    {
        lock (gate)
        {
            if (unreachableSince is { } since)
            {
                unreachableSince = null;
                LogStorageBack(time.GetUtcNow() - since);
            }
        }
    }

    public async Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var entry = Find(conferenceId);
        if (entry is { Stale: false } && time.GetElapsedTime(entry.CheckedAt) < settings.RevalidateInterval)
        {
            return entry.Current;
        }

        if (entry is null && KnownAbsent(conferenceId))
        {
            return null;
        }

        if (entry is null)
        {
            return await LoadWholeAsync(conferenceId, basis: null, cancellationToken);
        }

        // While storage is away, one read asks it again and the others are answered from memory meanwhile.
        var asking = entry.TryBeginRevalidation();
        if (!asking && StorageUnreachableSince is not null)
        {
            return entry.Current;
        }

        var basis = entry.Current;
        try
        {
            var conference = await Ask(() => inner.LoadConferenceAsync(conferenceId, cancellationToken));
            if (conference is null)
            {
                Forget(conferenceId);
                return null;
            }

            if (conference.ETag == basis.Conference.ETag && conference.ETag.Length > 0)
            {
                return Checked(conferenceId, basis);
            }

            return await LoadWholeAsync(conferenceId, basis, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            // A known version, perhaps stale, rather than none: storage is asked again after the interval.
            LogServedFromMemory(conferenceId, basis.Conference.AgendaVersion);
            return Checked(conferenceId, entry.Current);
        }
        finally
        {
            if (asking)
            {
                entry.EndRevalidation();
            }
        }
    }

    private async Task<AgendaSnapshot?> LoadWholeAsync(string conferenceId, AgendaSnapshot? basis, CancellationToken cancellationToken)
    {
        var loaded = await Ask(() => inner.LoadAsync(conferenceId, cancellationToken));
        if (loaded is null)
        {
            Forget(conferenceId);
            RememberAbsent(conferenceId);
            return null;
        }

        return Remember(loaded, basis);
    }

    /// <summary>A call to storage, noting whether it answered.</summary>
    private async Task<T> Ask<T>(Func<Task<T>> call)
    {
        try
        {
            var answer = await call();
            NoteStorageAnswered();
            return answer;
        }
        catch (StorageUnavailableException)
        {
            NoteStorageUnreachable();
            throw;
        }
    }

    /// <summary>The agenda at <paramref name="version"/> when this instance still holds it (see <see cref="AgendaServiceSettings.KeptVersions"/>).</summary>
    public AgendaSnapshot? AtVersion(string conferenceId, long version)
    {
        lock (gate)
        {
            return entries.TryGetValue(conferenceId, out var entry)
                ? entry.Versions.FirstOrDefault(s => s.Conference.AgendaVersion == version)
                : null;
        }
    }

    public async Task<Conference?> LoadConferenceAsync(string conferenceId, CancellationToken cancellationToken) =>
        (await LoadAsync(conferenceId, cancellationToken))?.Conference;

    public async Task<SavedSession> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken)
    {
        var saved = await Guarded(basis, () => inner.AddSessionAsync(basis, session, change, requestId, cancellationToken));
        Advance(basis, saved.Conference, saved.Session);
        return saved;
    }

    public async Task<SavedSession> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken)
    {
        var saved = await Guarded(basis, () => inner.ReplaceSessionAsync(basis, session, expectedETag, change, cancellationToken));
        Advance(basis, saved.Conference, saved.Session);
        return saved;
    }

    /// <summary>An edit rewrites rows whose new etags only storage knows: the next read loads the agenda again.</summary>
    public async Task<Conference> CommitAsync(Conference basis, AgendaEdit edit, CancellationToken cancellationToken)
    {
        var committed = await Guarded(basis, () => inner.CommitAsync(basis, edit, cancellationToken));
        MarkStale(basis.Id);
        return committed;
    }

    public async Task<Conference> CreateConferenceAsync(Conference conference, AgendaChange change, CancellationToken cancellationToken)
    {
        var created = await inner.CreateConferenceAsync(conference, change, cancellationToken);
        Forget(conference.Id);
        return created;
    }

    public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) => inner.ListConferencesAsync(cancellationToken);

    public Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken) =>
        inner.FindCreatedByRequestAsync(conferenceId, requestId, cancellationToken);

    public Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken) =>
        inner.ReadChangesAsync(conferenceId, afterVersion, max, cancellationToken);

    public async Task<bool> SeedAsync(AgendaSnapshot agenda, CancellationToken cancellationToken)
    {
        var wrote = await inner.SeedAsync(agenda, cancellationToken);
        Forget(agenda.Conference.Id);
        return wrote;
    }

    /// <summary>How many conferences are held now (for tests and metrics).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>A write on an agenda that moved (another instance wrote) means what is held is old: look again next time.</summary>
    private async Task<T> Guarded<T>(Conference basis, Func<Task<T>> write)
    {
        try
        {
            return await Ask(write);
        }
        catch (AgendaException)
        {
            MarkStale(basis.Id);
            throw;
        }
    }

    /// <summary>
    /// The held agenda moved on by one write through this instance, when the write was made on it: the next snapshot
    /// shares the sessions and indexes of this one but for the written session (<see cref="AgendaIndex.With"/>).
    /// </summary>
    private void Advance(Conference basis, Conference after, Session written)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(basis.Id, out var entry) || entry.Current.Conference.ETag != basis.ETag || entry.Current.Conference.AgendaVersion != basis.AgendaVersion)
            {
                entry?.MarkStale();
                return;
            }

            entry.Push(AgendaIndex.With(entry.Current, after, written), settings.KeptVersions, time.GetTimestamp());
        }
    }

    private Entry? Find(string conferenceId)
    {
        lock (gate)
        {
            return entries.GetValueOrDefault(conferenceId);
        }
    }

    private AgendaSnapshot Checked(string conferenceId, AgendaSnapshot agenda)
    {
        lock (gate)
        {
            if (entries.TryGetValue(conferenceId, out var entry) && ReferenceEquals(entry.Current, agenda))
            {
                entry.Checked(time.GetTimestamp());
            }

            return agenda;
        }
    }

    /// <summary>
    /// Holds what storage answered, read when <paramref name="basis"/> was held (null: nothing was). An older version
    /// than the one held is put back only when it is still <paramref name="basis"/> that is held: then storage itself
    /// went back (a restore, a lost write) and is believed; otherwise a write through this instance moved the agenda
    /// on while the read was under way, and the newer agenda stays.
    /// </summary>
    private AgendaSnapshot Remember(AgendaSnapshot agenda, AgendaSnapshot? basis)
    {
        var id = agenda.Conference.Id;
        lock (gate)
        {
            if (entries.TryGetValue(id, out var entry))
            {
                if (agenda.Conference.AgendaVersion >= entry.Current.Conference.AgendaVersion)
                {
                    entry.Push(agenda, settings.KeptVersions, time.GetTimestamp());
                }
                else if (ReferenceEquals(entry.Current, basis))
                {
                    LogSetBack(id, entry.Current.Conference.AgendaVersion, agenda.Conference.AgendaVersion);
                    entry.Reset(agenda, time.GetTimestamp());
                }

                recency.Remove(entry.Node);
                recency.AddFirst(entry.Node);
                return entry.Current;
            }

            entries[id] = new Entry(agenda, recency.AddFirst(id), time.GetTimestamp());
            while (entries.Count > settings.MaxCachedConferences && recency.Last is { } oldest)
            {
                entries.Remove(oldest.Value);
                recency.RemoveLast();
            }

            return agenda;
        }
    }

    private void MarkStale(string conferenceId)
    {
        lock (gate)
        {
            entries.GetValueOrDefault(conferenceId)?.MarkStale();
        }
    }

    private bool KnownAbsent(string conferenceId)
    {
        lock (gate)
        {
            return absent.TryGetValue(conferenceId, out var since) && time.GetElapsedTime(since) < settings.RevalidateInterval;
        }
    }

    private void RememberAbsent(string conferenceId)
    {
        lock (gate)
        {
            if (absent.Count >= MaxAbsent)
            {
                absent.Clear();
            }

            absent[conferenceId] = time.GetTimestamp();
        }
    }

    private void Forget(string conferenceId)
    {
        lock (gate)
        {
            absent.Remove(conferenceId);
            if (entries.Remove(conferenceId, out var entry))
            {
                recency.Remove(entry.Node);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Storage holds conference {ConferenceId} at version {StoredVersion}, older than the version {HeldVersion} held in memory (a restore or a lost write): serving the stored one.")]
    private partial void LogSetBack(string conferenceId, long heldVersion, long storedVersion);

    [LoggerMessage(LogLevel.Warning, "Agenda storage does not answer; {Count} conferences held in memory are served from it.")]
    private partial void LogStorageUnreachable(int count);

    [LoggerMessage(LogLevel.Information, "Agenda storage answers again after {Outage}.")]
    private partial void LogStorageBack(TimeSpan outage);

    [LoggerMessage(LogLevel.Debug, "Storage does not answer: conference {ConferenceId} served from memory at version {Version}.")]
    private partial void LogServedFromMemory(string conferenceId, long version);

    /// <summary>One conference: its newest agenda first, then the versions before it; when storage was last asked.</summary>
    private sealed class Entry(AgendaSnapshot current, LinkedListNode<string> node, long checkedAt)
    {
        private readonly List<AgendaSnapshot> versions = [current];

        public AgendaSnapshot Current => versions[0];

        public IReadOnlyList<AgendaSnapshot> Versions => versions;

        public LinkedListNode<string> Node { get; } = node;

        public long CheckedAt { get; private set; } = checkedAt;

        public bool Stale { get; private set; }

        private int revalidating;

        /// <summary>True for the one caller that may ask storage now; <see cref="EndRevalidation"/> when done.</summary>
        public bool TryBeginRevalidation() => Interlocked.CompareExchange(ref revalidating, 1, 0) == 0;

        public void EndRevalidation() => Volatile.Write(ref revalidating, 0);

        /// <summary>Storage went back to an older version: the versions held after it are no longer storage's.</summary>
        public void Reset(AgendaSnapshot agenda, long now)
        {
            versions.Clear();
            versions.Add(agenda);
            Checked(now);
        }

        public void Push(AgendaSnapshot agenda, int kept, long now)
        {
            if (agenda.Conference.AgendaVersion != Current.Conference.AgendaVersion)
            {
                versions.Insert(0, agenda);
            }
            else
            {
                versions[0] = agenda;
            }

            if (versions.Count > kept)
            {
                versions.RemoveRange(kept, versions.Count - kept);
            }

            Checked(now);
        }

        public void Checked(long now)
        {
            CheckedAt = now;
            Stale = false;
        }

        public void MarkStale() => Stale = true;
    }
}
