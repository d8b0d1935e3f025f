using Azure.Data.Tables;

namespace NetconfCloud.Schedule.Storage.Tests;

/// <summary>The agenda in Table Storage: writes guarded by versions, whole reads at one version, the change log's shapes.</summary>
[Collection(StorageCollection.Name)]
public class TableAgendaStoreTests(StorageFixture fixture)
{
    private const string Netconf = "netconf-2015";

    [Fact]
    public async Task AWriteRaisesTheVersionAndLogsTheSessionAfterIt()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var session = agenda.Sessions.Single(s => s.Id == "bpf-updates");

        var written = await store.ReplaceSessionAsync(agenda.Conference, session with { Title = "BPF" }, session.ETag, Change("bpf-updates"), CancellationToken.None);

        var after = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal(agenda.Conference.AgendaVersion + 1, after.Conference.AgendaVersion);
        Assert.Equal(written.ETag, after.Sessions.Single(s => s.Id == "bpf-updates").ETag);
        var logged = Assert.Single(await store.ReadChangesAsync(Netconf, agenda.Conference.AgendaVersion, 10, CancellationToken.None));
        Assert.Equal("BPF", logged.Session!.Title);
    }

    [Fact]
    public async Task AWriteCheckedAgainstAnOlderVersionIsRefusedAndWritesNothing()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var old = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var other = old.Sessions.Single(s => s.Id == "bpf-updates");
        await store.ReplaceSessionAsync(old.Conference, other with { Notes = "first" }, other.ETag, Change(other.Id), CancellationToken.None);
        var session = old.Sessions.Single(s => s.Id == "user-space-dma");

        await Assert.ThrowsAsync<AgendaMovedException>(() =>
            store.ReplaceSessionAsync(old.Conference, session with { Notes = "second" }, session.ETag, Change(session.Id), CancellationToken.None));

        var now = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal(old.Conference.AgendaVersion + 1, now.Conference.AgendaVersion);
        Assert.Equal(session.Notes, now.Sessions.Single(s => s.Id == "user-space-dma").Notes);
    }

    [Fact]
    public async Task AStaleSessionETagIsAConflictNotAMovedAgenda()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var session = agenda.Sessions.Single(s => s.Id == "bpf-updates");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.ReplaceSessionAsync(agenda.Conference, session with { Notes = "x" }, "W/\"datetime'2001-01-01T00%3A00%3A00Z'\"", Change(session.Id), CancellationToken.None));
    }

    [Fact]
    public async Task AddingATakenIdIsAlreadyExists()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;

        await Assert.ThrowsAsync<AlreadyExistsException>(() =>
            store.AddSessionAsync(agenda.Conference, agenda.Sessions[0], Change(agenda.Sessions[0].Id), "", CancellationToken.None));
    }

    [Fact]
    public async Task AnAgendaLargerThanOneQueryPageIsReadWholeAtOneVersion()
    {
        var (store, table, seed) = await fixture.SeededStoreAsync();
        var template = seed.Sessions.Single(s => s.Id == "bpf-updates");
        foreach (var batch in Enumerable.Range(0, 1500).Chunk(100))
        {
            await table.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Netconf, $"session:extra-{i:D4}")
            {
                ["Kind"] = "Talk",
                ["Title"] = $"Extra {i}",
                ["SpeakersJson"] = "[]",
                ["Start"] = template.Start,
                ["End"] = template.End,
                ["Status"] = "Cancelled",
            })));
        }

        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;

        Assert.Equal(seed.Sessions.Count + 1500, agenda.Sessions.Count);
        Assert.Equal(seed.Speakers.Count, agenda.Speakers.Count);
        Assert.Equal(seed.Sponsors.Count, agenda.Sponsors.Count);
    }

    /// <summary>
    /// A change row as the first shape wrote it: no schema column, the domain session record serialised with the web
    /// defaults (enums as numbers, derived properties included). Written here byte for byte as it stands in storage.
    /// </summary>
    [Fact]
    public async Task AChangeRowInTheFirstShapeIsStillRead()
    {
        var (store, table, _) = await fixture.SeededStoreAsync();
        const string json = """
            {"id":"bpf-updates","kind":0,"title":"BPF","abstract":"","notes":"","speakers":[{"id":"alexei-starovoitov","name":"Alexei Starovoitov"}],"start":"2015-02-12T20:00:00+00:00","end":"2015-02-12T20:30:00+00:00","slideCount":1,"status":1,"sequence":3,"updateTime":"2026-11-20T09:15:00+00:00","eTag":"","isTalk":true,"hasTitle":true,"speakerNames":"Alexei Starovoitov"}
            """;
        await table.AddEntityAsync(new TableEntity(Netconf, "change:000000000007")
        {
            ["AgendaVersion"] = 7L,
            ["Kind"] = "Cancelled",
            ["SessionId"] = "bpf-updates",
            ["Actor"] = "Organiser",
            ["Time"] = new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero),
            ["SessionJson"] = json,
        });

        var change = Assert.Single(await store.ReadChangesAsync(Netconf, 6, 10, CancellationToken.None));

        Assert.Equal((7L, ChangeKind.Cancelled, "Organiser"), (change.Version, change.Kind, change.Actor));
        Assert.Equal(
            new Session("bpf-updates", SessionKind.Talk, "BPF", "", "", [new SpeakerRef("alexei-starovoitov", "Alexei Starovoitov")],
                new DateTimeOffset(2015, 2, 12, 20, 0, 0, TimeSpan.Zero), new DateTimeOffset(2015, 2, 12, 20, 30, 0, TimeSpan.Zero), 1,
                SessionStatus.Cancelled, 3, new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero), ""),
            change.Session!,
            new SessionComparer());
    }

    [Fact]
    public async Task ChangeRowsAreWrittenInTheCurrentShapeWithTheirSchema()
    {
        var (store, table, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var session = agenda.Sessions.Single(s => s.Id == "bpf-updates");

        await store.ReplaceSessionAsync(agenda.Conference, session with { Kind = SessionKind.Meal }, session.ETag, Change(session.Id), CancellationToken.None);

        var row = (await table.GetEntityAsync<TableEntity>(Netconf, $"change:{agenda.Conference.AgendaVersion + 1:D12}")).Value;
        Assert.Equal(2, row.GetInt32("Schema"));
        Assert.Contains("\"kind\":\"Meal\"", row.GetString("SessionJson"), StringComparison.Ordinal);
        Assert.DoesNotContain("isTalk", row.GetString("SessionJson"), StringComparison.Ordinal);
    }

    private static AgendaChange Change(string sessionId) =>
        new(ChangeKind.Updated, sessionId, "tester", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private sealed class SessionComparer : IEqualityComparer<Session>
    {
        public bool Equals(Session? x, Session? y) =>
            x is not null && y is not null && x with { Speakers = [] } == y with { Speakers = [] } && x.Speakers.SequenceEqual(y.Speakers);

        public int GetHashCode(Session obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}

/// <summary>
/// Every field of a session survives storage: the row and the change log. Compared by reflection over the record,
/// so a field added to the domain and mapped nowhere in storage fails here.
/// </summary>
[Collection(StorageCollection.Name)]
public class StorageRoundTripTests(StorageFixture fixture)
{
    private static readonly Session Everything = new(
        "every-field", SessionKind.Meal, "Every field 🐝", "An abstract.", "A note.",
        [new SpeakerRef("jamal-hadi-salim", "Jamal Hadi Salim"), new SpeakerRef("david-miller", "David S. Miller")],
        new DateTimeOffset(2015, 2, 13, 22, 0, 0, TimeSpan.Zero), new DateTimeOffset(2015, 2, 13, 22, 45, 0, TimeSpan.Zero),
        SlideCount: 3, SessionStatus.Cancelled, Sequence: 5, UpdateTime: new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), ETag: "")
    {
        Subtitle = "A subtitle",
        Language = "de-AT",
        Links = [new Link("Slides", "https://example.org/slides.pdf"), new Link("Recording", "https://example.org/video")],
        RoomId = "saal-1",
        TrackId = "hardware",
        SourceGuid = "0a8d7a5e-3c1b-4f6a-9d2e-1b2c3d4e5f60",
    };

    [Fact]
    public async Task ASessionWithEveryFieldSetIsStoredAndLoggedUnchanged()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync("netconf-2015", CancellationToken.None))!;
        Assert.Empty(typeof(Session).GetProperties().Where(p => p.CanWrite && p.Name != nameof(Session.ETag) && IsDefault(p.GetValue(Everything))).Select(p => p.Name));

        await store.AddSessionAsync(agenda.Conference, Everything, new AgendaChange(ChangeKind.Created, Everything.Id, "tester", Everything.UpdateTime), "", CancellationToken.None);

        var stored = (await store.LoadAsync("netconf-2015", CancellationToken.None))!.Sessions.Single(s => s.Id == Everything.Id);
        var logged = (await store.ReadChangesAsync("netconf-2015", agenda.Conference.AgendaVersion, 1, CancellationToken.None)).Single().Session;
        foreach (var property in typeof(Session).GetProperties().Where(p => p.CanWrite && p.Name != nameof(Session.ETag)))
        {
            Assert.True(Same(property.GetValue(Everything), property.GetValue(stored)), $"Session.{property.Name} did not survive its row.");
            Assert.True(Same(property.GetValue(Everything), property.GetValue(logged)), $"Session.{property.Name} did not survive the change log.");
        }
    }

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        System.Collections.IEnumerable list => !list.Cast<object>().Any(),
        _ => value.Equals(Activator.CreateInstance(value.GetType())),
    };

    private static bool Same(object? a, object? b) =>
        a is System.Collections.IEnumerable x and not string && b is System.Collections.IEnumerable y
            ? x.Cast<object>().SequenceEqual(y.Cast<object>())
            : Equals(a, b);
}
