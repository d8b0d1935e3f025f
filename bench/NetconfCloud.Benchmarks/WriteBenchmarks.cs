using BenchmarkDotNet.Attributes;
using NetconfCloud.Schedule;

namespace NetconfCloud.Benchmarks;

/// <summary>
/// One write through <see cref="AgendaService"/> over an agenda held in memory, as the schedule service makes it: find
/// the session, apply the patch, check every rule against the agenda (clashes included), and move the held agenda
/// on to the next version. Storage is left out (<see cref="HeldStore"/> answers at once), so what is timed is the
/// domain's share, which should not grow with the agenda.
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private AgendaService service = null!;
    private string sessionId = "";
    private DateTimeOffset start;
    private DateTimeOffset end;
    private long writes;

    [Params(30, 1_000, 10_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var agenda = SyntheticAgenda.Build(Sessions);
        var settings = new AgendaServiceSettings { RevalidateInterval = TimeSpan.FromDays(1) };
        var store = new HeldStore(agenda);
        service = new AgendaService(store, TimeProvider.System, new ChangeFeed(store, TimeProvider.System, settings), settings);

        // The first talk of the first day (09:00): moving it five minutes later meets no other talk of its speakers.
        var talk = agenda.Sessions[0];
        (sessionId, start, end) = (talk.Id, talk.Start, talk.End);
        service.UpdateSessionAsync(agenda.Conference.Id, sessionId, SessionPatch.Of(new SessionContent { Title = "Warm" }, "title"), "", "bench", default).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "UpdateSession: title")]
    public Task<SavedSession> Title()
    {
        var title = (++writes % 2 == 0) ? "A talk, renamed" : "A talk, renamed again";
        return service.UpdateSessionAsync(SyntheticAgenda.ConferenceId, sessionId, SessionPatch.Of(new SessionContent { Title = title }, "title"), "", "bench", default);
    }

    [Benchmark(Description = "UpdateSession: move 5 minutes (and back)")]
    public Task<SavedSession> Move()
    {
        var shift = TimeSpan.FromMinutes(++writes % 2 == 0 ? 0 : 5);
        var values = new SessionContent { Start = start + shift, End = end + shift };
        return service.UpdateSessionAsync(SyntheticAgenda.ConferenceId, sessionId, SessionPatch.Of(values, "start_time", "end_time"), "", "bench", default);
    }

    /// <summary>
    /// Storage that answers at once: the agenda for the first read (then the cache holds it), and a write with the
    /// next version and a new etag, as Table Storage answers a replace. Nothing else is asked of it here.
    /// </summary>
    private sealed class HeldStore(AgendaSnapshot agenda) : IAgendaStore
    {
        private Conference conference = agenda.Conference;
        private long etags;

        public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
            conference == agenda.Conference ? Task.FromResult<AgendaSnapshot?>(agenda) : throw new NotSupportedException("read once: the cache holds the agenda after it");

        public Task<Conference?> LoadConferenceAsync(string conferenceId, CancellationToken cancellationToken) => Task.FromResult<Conference?>(conference);

        public Task<SavedSession> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken)
        {
            var etag = $"W/\"bench-{++etags}\"";
            conference = basis with { AgendaVersion = basis.AgendaVersion + 1, AgendaUpdateTime = change.Time, ETag = etag };
            return Task.FromResult(new SavedSession(session with { ETag = etag }, conference));
        }

        public Task<SavedSession> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Conference> CommitAsync(Conference basis, AgendaEdit edit, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Conference> CreateConferenceAsync(Conference conference, AgendaChange change, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> SeedAsync(AgendaSnapshot agenda, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
