using Microsoft.Extensions.Time.Testing;

namespace NetconfCloud.Schedule.Tests;

/// <summary>The agenda served from memory: storage is asked at most once per interval, a writer reads its own write, pages keep their version.</summary>
public class AgendaCacheTests
{
    private const string Netconf = "netconf-2015";

    private readonly InMemoryAgendaStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly AgendaServiceSettings settings = new() { RevalidateInterval = TimeSpan.FromSeconds(1), KeptVersions = 3 };
    private readonly AgendaService agenda;

    public AgendaCacheTests()
    {
        store.SeedAsync(Netconf2015.Agenda, CancellationToken.None).GetAwaiter().GetResult();
        agenda = new AgendaService(store, time, new ChangeFeed(store, time, settings), settings);
    }

    [Fact]
    public async Task ReadsWithinTheIntervalAskStorageNothing()
    {
        await agenda.LoadAsync(Netconf, CancellationToken.None);
        var (full, rows) = (store.FullReads, store.ConferenceReads);

        for (var i = 0; i < 100; i++)
        {
            await agenda.LoadAsync(Netconf, CancellationToken.None);
            await agenda.GetConferenceAsync(Netconf, CancellationToken.None);
        }

        Assert.Equal((full, rows), (store.FullReads, store.ConferenceReads));
    }

    [Fact]
    public async Task AfterTheIntervalOneRowIsReadAndTheAgendaOnlyWhenItMoved()
    {
        await agenda.LoadAsync(Netconf, CancellationToken.None);
        var full = store.FullReads;

        time.Advance(TimeSpan.FromSeconds(2));
        await agenda.LoadAsync(Netconf, CancellationToken.None);
        Assert.Equal((full, 1), (store.FullReads, store.ConferenceReads));

        store.ReplaceByAnotherWriter(AgendaQueries.FindSession(Netconf2015.Agenda, "bpf-updates") with { Title = "Elsewhere" });
        var stale = await agenda.LoadAsync(Netconf, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var fresh = await agenda.LoadAsync(Netconf, CancellationToken.None);

        Assert.Equal(AgendaQueries.FindSession(Netconf2015.Agenda, "bpf-updates").Title, AgendaQueries.FindSession(stale, "bpf-updates").Title);
        Assert.Equal("Elsewhere", AgendaQueries.FindSession(fresh, "bpf-updates").Title);
        Assert.Equal(full + 1, store.FullReads);
    }

    [Fact]
    public async Task AWriterReadsItsOwnWriteAtOnceWithoutReadingTheAgendaAgain()
    {
        await agenda.LoadAsync(Netconf, CancellationToken.None);
        var full = store.FullReads;

        var saved = await agenda.UpdateSessionAsync(Netconf, "bpf-updates", SessionPatch.Of(new() { Title = "BPF: next" }, "title"), "", "organiser", CancellationToken.None);
        var read = await agenda.LoadAsync(Netconf, CancellationToken.None);

        Assert.Equal("BPF: next", AgendaQueries.FindSession(read, "bpf-updates").Title);
        Assert.Equal(saved.Conference.AgendaVersion, read.Conference.AgendaVersion);
        Assert.Equal(full, store.FullReads);
    }

    [Fact]
    public async Task PagingThroughAChangingAgendaGivesEverySessionOfItsFirstVersionOnce()
    {
        var first = await agenda.LoadForPageAsync(Netconf, "", CancellationToken.None);
        var page = AgendaQueries.ListSessions(first, new SessionQuery(Netconf), new PageRequest(10));
        var seen = page.Items.Select(s => s.Id).ToList();

        // A session that sorts before the first page lands, and another moves to the end.
        await agenda.CreateSessionAsync(Netconf, new SessionDraft("", new() { Kind = SessionKind.Break, Title = "Early coffee", Start = Netconf2015.At(12, 8), End = Netconf2015.At(12, 8, 30) }), "organiser", CancellationToken.None);
        await agenda.UpdateSessionAsync(Netconf, seen[^1], SessionPatch.Of(new() { Start = Netconf2015.At(13, 18), End = Netconf2015.At(13, 18, 30) }, "start_time", "end_time"), "", "organiser", CancellationToken.None);
        while (page.NextPageToken.Length > 0)
        {
            var snapshot = await agenda.LoadForPageAsync(Netconf, page.NextPageToken, CancellationToken.None);
            page = AgendaQueries.ListSessions(snapshot, new SessionQuery(Netconf), new PageRequest(10, page.NextPageToken));
            seen.AddRange(page.Items.Select(s => s.Id));
        }

        Assert.Equal(first.Sessions.Select(s => s.Id).Order(), seen.Order());
        Assert.Equal(first.Sessions.Count + 1, (await agenda.LoadAsync(Netconf, CancellationToken.None)).Sessions.Count);
    }

    [Fact]
    public async Task APageOfAVersionNoLongerHeldAsksToStartAgain()
    {
        var first = await agenda.LoadForPageAsync(Netconf, "", CancellationToken.None);
        var token = AgendaQueries.ListSessions(first, new SessionQuery(Netconf), new PageRequest(10)).NextPageToken;
        foreach (var notes in new[] { "a", "b", "c" })
        {
            await agenda.UpdateSessionAsync(Netconf, "bpf-updates", SessionPatch.Of(new() { Notes = notes }, "notes"), "", "organiser", CancellationToken.None);
        }

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => agenda.LoadForPageAsync(Netconf, token, CancellationToken.None));

        Assert.Equal("page_token", error.Violations.Single().Field);
        Assert.Contains("start again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConferenceAskedForAgainWithinTheIntervalCostsNothing()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => agenda.LoadAsync("no-such-conference", CancellationToken.None));
        var reads = store.FullReads + store.ConferenceReads;

        for (var i = 0; i < 50; i++)
        {
            await Assert.ThrowsAsync<NotFoundException>(() => agenda.LoadAsync("no-such-conference", CancellationToken.None));
        }

        Assert.Equal(reads, store.FullReads + store.ConferenceReads);
        time.Advance(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAsync<NotFoundException>(() => agenda.LoadAsync("no-such-conference", CancellationToken.None));
        Assert.Equal(reads + 1, store.FullReads + store.ConferenceReads);
    }

    [Fact]
    public async Task StorageSetBackToAnOlderVersionIsBelievedAfterTheInterval()
    {
        var v1 = await agenda.LoadAsync(Netconf, CancellationToken.None);
        await agenda.UpdateSessionAsync(Netconf, "bpf-updates", SessionPatch.Of(new() { Notes = "lost in the restore" }, "notes"), "", "organiser", CancellationToken.None);
        store.SetBackTo(v1);

        var within = await agenda.LoadAsync(Netconf, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        var after = await agenda.LoadAsync(Netconf, CancellationToken.None);

        Assert.Equal(v1.Conference.AgendaVersion + 1, within.Conference.AgendaVersion);
        Assert.Equal(v1.Conference.AgendaVersion, after.Conference.AgendaVersion);
        Assert.NotEqual("lost in the restore", AgendaQueries.FindSession(after, "bpf-updates").Notes);
    }

    [Fact]
    public async Task AWriteRefusedAfterStorageWasSetBackMakesTheNextOneLandOnTheStoredVersion()
    {
        var v1 = await agenda.LoadAsync(Netconf, CancellationToken.None);
        await agenda.UpdateSessionAsync(Netconf, "bpf-updates", SessionPatch.Of(new() { Notes = "lost in the restore" }, "notes"), "", "organiser", CancellationToken.None);
        store.SetBackTo(v1);
        var patch = SessionPatch.Of(new() { Title = "Written after the restore" }, "title");

        // Checked against the version held, the write is refused: the session changed under it, as far as it knows.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => agenda.UpdateSessionAsync(Netconf, "bpf-updates", patch, "", "organiser", CancellationToken.None));
        var saved = await agenda.UpdateSessionAsync(Netconf, "bpf-updates", patch, "", "organiser", CancellationToken.None);

        Assert.Equal(v1.Conference.AgendaVersion + 1, saved.Conference.AgendaVersion);
        Assert.Equal("Written after the restore", saved.Session.Title);
        Assert.NotEqual("lost in the restore", saved.Session.Notes);
    }

    [Fact]
    public async Task WhenStorageDoesNotAnswerAHeldAgendaIsServedFromMemoryAndTheOutageIsKnownUntilItAnswers()
    {
        var cache = new AgendaCache(store, time, settings);
        var held = await cache.LoadAsync(Netconf, CancellationToken.None);
        store.ReadsFail = new StorageUnavailableException("Storage does not answer.");
        time.Advance(TimeSpan.FromSeconds(2));
        var failedAt = time.GetUtcNow();

        var served = await cache.LoadAsync(Netconf, CancellationToken.None);
        var since = cache.StorageUnreachableSince;
        store.ReadsFail = null;
        time.Advance(TimeSpan.FromSeconds(2));
        await cache.LoadAsync(Netconf, CancellationToken.None);

        Assert.Same(held, served);
        Assert.Equal(failedAt, since);
        Assert.Null(cache.StorageUnreachableSince);
    }

    [Fact]
    public async Task WhenStorageDoesNotAnswerAConferenceNotHeldIsUnavailable()
    {
        var cache = new AgendaCache(store, time, settings);
        store.ReadsFail = new StorageUnavailableException("Storage does not answer.");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => cache.LoadAsync(Netconf, CancellationToken.None));

        Assert.Equal(time.GetUtcNow(), cache.StorageUnreachableSince);
    }
}
