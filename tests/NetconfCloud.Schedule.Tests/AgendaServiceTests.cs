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
        agenda = new AgendaService(store, time, new ChangeFeed(store, time, new AgendaServiceSettings()));
    }

    private async Task<Session> Get(string id) => AgendaQueries.FindSession(await agenda.LoadAsync("netconf-2015", CancellationToken.None), id);

    private async Task<Page<Session>> ListAsync(SessionQuery query) =>
        AgendaQueries.ListSessions(await agenda.LoadAsync(query.ConferenceId, CancellationToken.None), query, new PageRequest());

    [Fact]
    public async Task ThursdaySessionsAreListedInStartOrder()
    {
        var page = await ListAsync(new SessionQuery("netconf-2015", Day: new DateOnly(2015, 2, 12)));

        Assert.Equal(15, page.Items.Count);
        Assert.Equal("introduction", page.Items[0].Id);
        Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.Start < p.Second.Start));
    }

    [Fact]
    public async Task TheWholeListingIsInStartOrderAndFollowsAMoveAtOnce()
    {
        var before = await ListAsync(new SessionQuery("netconf-2015"));
        await agenda.UpdateSessionAsync("netconf-2015", "introduction", SessionPatch.Of(new() { Start = Netconf2015.At(12, 17), End = Netconf2015.At(12, 17, 30) }, "start_time", "end_time"), "", "organiser", CancellationToken.None);

        var after = await ListAsync(new SessionQuery("netconf-2015"));

        Assert.Equal("introduction", before.Items[0].Id);
        Assert.Equal(["rhashtable", "introduction"], [after.Items[0].Id, after.Items[14].Id]);
        Assert.True(after.Items.Zip(after.Items.Skip(1)).All(p => p.First.Start <= p.Second.Start));
    }

    [Fact]
    public async Task FilteringByKindAndSpeakerCombines()
    {
        var page = await ListAsync(new SessionQuery("netconf-2015", SpeakerId: "jamal-hadi-salim", Kind: SessionKind.Talk));

        Assert.Equal(3, page.Items.Count);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(() => agenda.GetConferenceAsync("netconf-1999", CancellationToken.None));

    [Fact]
    public async Task MovingATalkRaisesItsSequenceAndTheAgendaVersion()
    {
        var before = await Get("bpf-updates");

        var moved = (await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Start = Netconf2015.At(12, 18), End = Netconf2015.At(12, 18, 30) }, "start_time", "end_time"), before.ETag, "organiser", CancellationToken.None)).Session;

        Assert.Equal(before.Sequence + 1, moved.Sequence);
        Assert.Equal(time.GetUtcNow(), moved.UpdateTime);
        Assert.Equal(2, (await agenda.GetConferenceAsync("netconf-2015", CancellationToken.None)).AgendaVersion);
    }

    [Fact]
    public async Task RetitlingATalkKeepsItsSequence()
    {
        var before = await Get("bpf-updates");

        var retitled = (await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "BPF" }, "title"), "", "organiser", CancellationToken.None)).Session;

        Assert.Equal("BPF", retitled.Title);
        Assert.Equal(before.Sequence, retitled.Sequence);
    }

    [Fact]
    public async Task CancellingATalkKeepsItAsACancelledRecordWithAHigherSequence()
    {
        var cancelled = (await agenda.CancelSessionAsync("netconf-2015", "user-space-dma", "", "organiser", CancellationToken.None)).Session;

        Assert.Equal(SessionStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.Equal(SessionStatus.Cancelled, (await Get("user-space-dma")).Status);
        Assert.Equal(ChangeKind.Cancelled, store.Changes.Single().Kind);
    }

    [Fact]
    public async Task AStaleETagIsAConflictAndChangesNothing()
    {
        var original = await Get("bpf-updates");
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "First" }, "title"), original.ETag, "a", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "Second" }, "title"), original.ETag, "b", CancellationToken.None));

        Assert.True(error.ETagWasSupplied);
        Assert.Equal("First", (await Get("bpf-updates")).Title);
    }

    [Fact]
    public async Task ACreatedSessionWithoutAnIdGetsOneFromItsTitle()
    {
        var draft = new SessionDraft("", new() { Title = "XDP: eXpress Data Path", Speakers = [new("tom-herbert", "")], Start = Netconf2015.At(13, 17, 30), End = Netconf2015.At(13, 18) });

        var created = (await agenda.CreateSessionAsync("netconf-2015", draft, "organiser", CancellationToken.None)).Session;

        Assert.Equal("xdp-express-data-path", created.Id);
        Assert.Equal("Tom Herbert", created.Speakers[0].Name);
        Assert.Equal(SessionStatus.Scheduled, created.Status);
    }

    [Fact]
    public async Task CreatingASessionWithATakenIdIsAlreadyExists()
    {
        var draft = new SessionDraft("bpf-updates", new() { Title = "Again", Start = Netconf2015.At(13, 17, 30), End = Netconf2015.At(13, 18) });

        await Assert.ThrowsAsync<AlreadyExistsException>(() => agenda.CreateSessionAsync("netconf-2015", draft, "organiser", CancellationToken.None));
    }

    [Fact]
    public async Task AnUnknownSpeakerFilterNamesSpeakerId()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            ListAsync(new SessionQuery("netconf-2015", SpeakerId: "linus-torvalds")));

        Assert.Equal("speaker_id", error.Violations[0].Field);
    }

    [Fact]
    public async Task ADayOutsideTheConferenceNamesDay()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            ListAsync(new SessionQuery("netconf-2015", Day: new DateOnly(2015, 2, 14))));

        Assert.Equal("day", error.Violations[0].Field);
    }

    [Fact]
    public async Task EveryChangeIsLoggedWithItsVersionActorAndTheSessionAfterIt()
    {
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "BPF" }, "title"), "", "alice", CancellationToken.None);
        await agenda.CancelSessionAsync("netconf-2015", "user-space-dma", "", "bob", CancellationToken.None);

        var (_, log) = await agenda.ListChangesAsync("netconf-2015", 0, 0, CancellationToken.None);

        Assert.Equal([(2L, ChangeKind.Updated, "bpf-updates", "alice"), (3L, ChangeKind.Cancelled, "user-space-dma", "bob")], log.Select(c => (c.Version, c.Kind, c.Session!.Id, c.Actor)));
        Assert.Equal("BPF", log[0].Session!.Title);
    }

    [Fact]
    public async Task AWatcherGetsTheChangesAfterItsVersionInOrderThenNewOnes()
    {
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "One" }, "title"), "", "a", CancellationToken.None);
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "Two" }, "title"), "", "a", CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<long>();

        await using var watch = agenda.WatchAsync("netconf-2015", 2, "watcher", cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await watch.MoveNextAsync());
        seen.Add(watch.Current.Version);
        var next = watch.MoveNextAsync().AsTask();
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "Three" }, "title"), "", "a", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next);
        seen.Add(watch.Current.Version);

        Assert.Equal([3L, 4L], seen);
        Assert.Equal("Three", watch.Current.Session!.Title);
    }

    [Fact]
    public async Task ANegativeAfterVersionNamesAfterVersion()
    {
        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() => agenda.ListChangesAsync("netconf-2015", -1, 0, CancellationToken.None));

        Assert.Equal("after_version", error.Violations[0].Field);
    }
}

/// <summary>Writers that race: every rule is checked against the agenda the write commits on.</summary>
public class RacingWriterTests
{
    private readonly InMemoryAgendaStore store = new();
    private readonly AgendaService agenda;

    public RacingWriterTests()
    {
        store.SeedAsync(Netconf2015.Agenda, CancellationToken.None).GetAwaiter().GetResult();
        agenda = new AgendaService(store, TimeProvider.System, new ChangeFeed(store, TimeProvider.System, new AgendaServiceSettings()));
    }

    [Fact]
    public async Task AMoveThatLosesARaceIsCheckedAgainstTheWinnersMoveAndRefused()
    {
        var freeSlot = SessionPatch.Of(new() { Start = Netconf2015.At(13, 18), End = Netconf2015.At(13, 18, 30) }, "start_time", "end_time");
        store.BeforeNextWrite = s => s.ReplaceByAnotherWriter(Netconf2015.Session("netdev-announcements") with { Start = freeSlot.Values.Start, End = freeSlot.Values.End });

        var error = await Assert.ThrowsAsync<InvalidArgumentException>(() =>
            agenda.UpdateSessionAsync("netconf-2015", "inter-fe-action", freeSlot, "", "organiser", CancellationToken.None));

        Assert.Contains("netdev-announcements", error.Message, StringComparison.Ordinal);
        Assert.Equal(Netconf2015.At(13, 13, 30), AgendaQueries.FindSession((await agenda.LoadAsync("netconf-2015", CancellationToken.None)), "inter-fe-action").Start);
    }

    [Fact]
    public async Task AWriteThatLosesARaceToAnUnrelatedChangeIsAppliedOnTopOfIt()
    {
        store.BeforeNextWrite = s => s.ReplaceByAnotherWriter(Netconf2015.Session("user-space-dma") with { Notes = "moved rooms" });

        var saved = await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "BPF" }, "title"), "", "organiser", CancellationToken.None);

        var now = await agenda.LoadAsync("netconf-2015", CancellationToken.None);
        Assert.Equal("BPF", saved.Session.Title);
        Assert.Equal("moved rooms", AgendaQueries.FindSession(now, "user-space-dma").Notes);
        Assert.Equal(3, now.Conference.AgendaVersion);
    }

    [Fact]
    public async Task AWriteWhoseOwnSessionChangedInTheRaceIsAConflict()
    {
        var before = Netconf2015.Session("bpf-updates");
        store.BeforeNextWrite = s => s.ReplaceByAnotherWriter(before with { Notes = "someone else" });

        var error = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "BPF" }, "title"), "", "organiser", CancellationToken.None));

        Assert.False(error.ETagWasSupplied);
    }
}

/// <summary>Watchers share one poller per conference, and their number is bounded.</summary>
public class ChangeFeedTests
{
    private readonly InMemoryAgendaStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly AgendaServiceSettings settings = new() { MaxWatchers = 60, MaxWatchersPerCaller = 50 };
    private readonly ChangeFeed feed;
    private readonly AgendaService agenda;

    public ChangeFeedTests()
    {
        store.SeedAsync(Netconf2015.Agenda, CancellationToken.None).GetAwaiter().GetResult();
        feed = new ChangeFeed(store, time, settings);
        agenda = new AgendaService(store, time, feed);
    }

    [Fact]
    public async Task FiftyWatchersOfOneConferenceShareOnePoller()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var watchers = Enumerable.Range(0, 50).Select(_ => agenda.WatchAsync("netconf-2015", 0, "watcher", cts.Token).GetAsyncEnumerator(cts.Token)).ToArray();
        var next = watchers.Select(w => w.MoveNextAsync().AsTask()).ToArray();
        while (feed.Count < 50)
        {
            await Task.Delay(10, cts.Token);
        }

        var before = store.ChangeReads;
        for (var i = 0; i < 20; i++)
        {
            time.Advance(settings.WatchPollInterval);
            await Task.Delay(5, cts.Token);
        }

        var polls = store.ChangeReads - before;
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "Seen by all" }, "title"), "", "organiser", CancellationToken.None);
        var delivered = await Task.WhenAll(next);

        Assert.InRange(polls, 1, 20);
        Assert.All(delivered, Assert.True);
        Assert.All(watchers, w => Assert.Equal("Seen by all", w.Current.Session!.Title));
        foreach (var watcher in watchers)
        {
            await watcher.DisposeAsync();
        }

        Assert.Equal(0, feed.Count);
    }

    [Fact]
    public async Task WatchersEndAsUnavailableWhenTheirPollerFailsAndTheNextWatcherGetsANewPoller()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "Replayed" }, "title"), "", "organiser", CancellationToken.None);
        var first = agenda.WatchAsync("netconf-2015", 0, "watcher", cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await first.MoveNextAsync());
        var replayed = first.Current.Version;

        store.NextChangeReadFails = new InvalidDataException("Storage refused the read.");
        var failed = first.MoveNextAsync().AsTask();
        while (!failed.IsCompleted)
        {
            time.Advance(settings.WatchIdlePollInterval);
            await Task.Delay(5, cts.Token);
        }

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => failed);
        await using var second = agenda.WatchAsync("netconf-2015", replayed, "watcher", cts.Token).GetAsyncEnumerator(cts.Token);
        var next = second.MoveNextAsync().AsTask();
        await first.DisposeAsync();
        while (feed.Count != 1)
        {
            await Task.Delay(5, cts.Token);
        }

        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "Seen after the failure" }, "title"), "", "organiser", CancellationToken.None);

        Assert.IsType<InvalidDataException>(error.Cause);
        Assert.True(await next);
        Assert.Equal("Seen after the failure", second.Current.Session?.Title);
    }

    [Fact]
    public async Task WatchersStayOpenWhileStorageIsAwayAndSeeTheNextChangeWhenItAnswers()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var version = (await agenda.GetConferenceAsync("netconf-2015", CancellationToken.None)).AgendaVersion;
        await using var watcher = agenda.WatchAsync("netconf-2015", version, "watcher", cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watcher.MoveNextAsync().AsTask();
        while (feed.Count != 1)
        {
            await Task.Delay(5, cts.Token);
        }

        store.ReadsFail = new StorageUnavailableException("Storage does not answer.");
        var reads = store.ChangeReads;
        for (var waited = TimeSpan.Zero; waited < settings.WatchGiveUpAfter / 2; waited += TimeSpan.FromSeconds(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2, cts.Token);
        }

        var openThroughTheOutage = !next.IsCompleted;
        var pollsDuringTheOutage = store.ChangeReads - reads;
        store.ReadsFail = null;
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Title = "After the outage" }, "title"), "", "organiser", CancellationToken.None);

        Assert.True(openThroughTheOutage);
        Assert.InRange(pollsDuringTheOutage, 2, (int)(settings.WatchGiveUpAfter / 2 / settings.WatchPollInterval));
        Assert.True(await next);
        Assert.Equal("After the outage", watcher.Current.Session?.Title);
    }

    [Fact]
    public async Task WatchersEndAsUnavailableWhenStorageStaysAwayLongerThanThePollerWaits()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var version = (await agenda.GetConferenceAsync("netconf-2015", CancellationToken.None)).AgendaVersion;
        await using var watcher = agenda.WatchAsync("netconf-2015", version, "watcher", cts.Token).GetAsyncEnumerator(cts.Token);
        var next = watcher.MoveNextAsync().AsTask();
        while (feed.Count != 1)
        {
            await Task.Delay(5, cts.Token);
        }

        store.ReadsFail = new StorageUnavailableException("Storage does not answer.");
        var waited = TimeSpan.Zero;
        while (!next.IsCompleted && waited < settings.WatchGiveUpAfter * 2)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            waited += TimeSpan.FromSeconds(1);
            await Task.Delay(2, cts.Token);
        }

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => next);
        Assert.InRange(waited, settings.WatchGiveUpAfter, settings.WatchGiveUpAfter + settings.WatchIdlePollInterval + TimeSpan.FromSeconds(1));
        Assert.Contains("watch again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneCallerMayNotOpenMoreWatchersThanItsShare()
    {
        var open = Enumerable.Range(0, settings.MaxWatchersPerCaller).Select(_ => feed.Subscribe("netconf-2015", 1, "greedy")).ToList();

        var error = Assert.Throws<ResourceExhaustedException>(() => feed.Subscribe("netconf-2015", 1, "greedy"));
        using var someoneElse = feed.Subscribe("netconf-2015", 1, "modest");

        Assert.Contains("greedy", error.Message, StringComparison.Ordinal);
        open.ForEach(s => s.Dispose());
    }

    [Fact]
    public void AnInstanceHoldsNoMoreWatchersThanItsCap()
    {
        var open = Enumerable.Range(0, settings.MaxWatchers).Select(i => feed.Subscribe("netconf-2015", 1, $"caller-{i}")).ToList();

        Assert.Throws<ResourceExhaustedException>(() => feed.Subscribe("netconf-2015", 1, "one-more"));
        open.ForEach(s => s.Dispose());
        Assert.Equal(0, feed.Count);
    }
}
