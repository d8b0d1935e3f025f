using Microsoft.Extensions.Time.Testing;

namespace NetconfCloud.Schedule.Tests;

public class AgendaServiceTests
{
    private readonly InMemoryAgendaStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly AgendaService agenda;

    public AgendaServiceTests()
    {
        store.SeedAsync(Netconf2015.Agenda, CancellationToken.None).GetAwaiter().GetResult();
        agenda = new AgendaService(store, time, new AgendaServiceSettings());
    }

    private Task<Session> Get(string id) => agenda.GetSessionAsync("netconf-2015", id, CancellationToken.None);

    [Fact]
    public async Task ThursdaySessionsAreListedInStartOrder()
    {
        var page = await agenda.ListSessionsAsync(new SessionQuery("netconf-2015", Day: new DateOnly(2015, 2, 12)), new PageRequest(), CancellationToken.None);

        Assert.Equal(15, page.Items.Count);
        Assert.Equal("introduction", page.Items[0].Id);
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Start < p.Second.Start));
    }

    [Fact]
    public async Task FilteringByKindAndSpeakerCombines()
    {
        var page = await agenda.ListSessionsAsync(new SessionQuery("netconf-2015", SpeakerId: "jamal-hadi-salim", Kind: SessionKind.Talk), new PageRequest(), CancellationToken.None);

        Assert.Equal(3, page.Items.Count);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(() => agenda.GetConferenceAsync("netconf-1999", CancellationToken.None));

    [Fact]
    public async Task MovingATalkRaisesItsSequenceAndTheAgendaVersion()
    {
        var before = await Get("bpf-updates");

        var moved = await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Start = Netconf2015.At(12, 18), End = Netconf2015.At(12, 18, 30) }, before.ETag, "organiser", CancellationToken.None);

        Assert.Equal(before.Sequence + 1, moved.Sequence);
        Assert.Equal(time.GetUtcNow(), moved.UpdateTime);
        Assert.Equal(2, (await agenda.GetConferenceAsync("netconf-2015", CancellationToken.None)).AgendaVersion);
    }

    [Fact]
    public async Task RetitlingATalkKeepsItsSequence()
    {
        var before = await Get("bpf-updates");

        var retitled = await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "BPF" }, "", "organiser", CancellationToken.None);

        Assert.Equal("BPF", retitled.Title);
        Assert.Equal(before.Sequence, retitled.Sequence);
    }

    [Fact]
    public async Task CancellingATalkKeepsItAsACancelledRecordWithAHigherSequence()
    {
        var cancelled = await agenda.CancelSessionAsync("netconf-2015", "user-space-dma", "", "organiser", CancellationToken.None);

        Assert.Equal(SessionStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.Equal(SessionStatus.Cancelled, (await Get("user-space-dma")).Status);
        Assert.Equal(ChangeKind.Cancelled, store.Changes.Single().Kind);
    }

    [Fact]
    public async Task AStaleETagIsAConflictAndChangesNothing()
    {
        var original = await Get("bpf-updates");
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "First" }, original.ETag, "a", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "Second" }, original.ETag, "b", CancellationToken.None));

        Assert.True(error.ETagWasSupplied);
        Assert.Equal("First", (await Get("bpf-updates")).Title);
    }

    [Fact]
    public async Task ACreatedSessionWithoutAnIdGetsOneFromItsTitle()
    {
        var draft = new SessionDraft("", SessionKind.Talk, "XDP: eXpress Data Path", "", "", ["tom-herbert"], Netconf2015.At(13, 17, 30), Netconf2015.At(13, 18));

        var created = await agenda.CreateSessionAsync("netconf-2015", draft, "organiser", CancellationToken.None);

        Assert.Equal("xdp-express-data-path", created.Id);
        Assert.Equal("Tom Herbert", created.Speakers[0].Name);
        Assert.Equal(SessionStatus.Scheduled, created.Status);
    }

    [Fact]
    public async Task CreatingASessionWithATakenIdIsAlreadyExists()
    {
        var draft = new SessionDraft("bpf-updates", SessionKind.Talk, "Again", "", "", [], Netconf2015.At(13, 17, 30), Netconf2015.At(13, 18));

        await Assert.ThrowsAsync<AlreadyExistsException>(() => agenda.CreateSessionAsync("netconf-2015", draft, "organiser", CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownSpeakerFilterNamesSpeakerId()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            agenda.ListSessionsAsync(new SessionQuery("netconf-2015", SpeakerId: "linus-torvalds"), new PageRequest(), CancellationToken.None));

        Assert.Equal("speaker_id", error.Violations[0].Field);
    }

    [Fact]
    public async Task ADayOutsideTheConferenceNamesDay()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            agenda.ListSessionsAsync(new SessionQuery("netconf-2015", Day: new DateOnly(2015, 2, 14)), new PageRequest(), CancellationToken.None));

        Assert.Equal("day", error.Violations[0].Field);
    }

    [Fact]
    public async Task EveryChangeIsLoggedWithItsVersionActorAndTheSessionAfterIt()
    {
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "BPF" }, "", "alice", CancellationToken.None);
        await agenda.CancelSessionAsync("netconf-2015", "user-space-dma", "", "bob", CancellationToken.None);

        var log = await agenda.ListChangesAsync("netconf-2015", 0, 0, CancellationToken.None);

        Assert.Equal([(2L, ChangeKind.Updated, "bpf-updates", "alice"), (3L, ChangeKind.Cancelled, "user-space-dma", "bob")], log.Select(c => (c.Version, c.Kind, c.Session.Id, c.Actor)));
        Assert.Equal("BPF", log[0].Session.Title);
    }

    [Fact]
    public async Task AWatcherGetsTheChangesAfterItsVersionInOrderThenNewOnes()
    {
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "One" }, "", "a", CancellationToken.None);
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "Two" }, "", "a", CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<long>();

        await using var watch = agenda.WatchAsync("netconf-2015", 2, cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await watch.MoveNextAsync());
        seen.Add(watch.Current.Version);
        var next = watch.MoveNextAsync().AsTask();
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", new SessionPatch { Title = "Three" }, "", "a", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next);
        seen.Add(watch.Current.Version);

        Assert.Equal([3L, 4L], seen);
        Assert.Equal("Three", watch.Current.Session.Title);
    }

    [Fact]
    public async Task ANegativeAfterVersionNamesAfterVersion()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => agenda.ListChangesAsync("netconf-2015", -1, 0, CancellationToken.None));

        Assert.Equal("after_version", error.Violations[0].Field);
    }
}
