using Azure.Data.Tables;
using NetconfCloud.Testing;

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
        Assert.Equal(written.Session.ETag, after.Sessions.Single(s => s.Id == "bpf-updates").ETag);
        Assert.Equal((after.Conference.AgendaVersion, after.Conference.ETag), (written.Conference.AgendaVersion, written.Conference.ETag));
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
            new Session("bpf-updates", new SessionContent
            {
                Title = "BPF",
                Speakers = [new SpeakerRef("alexei-starovoitov", "Alexei Starovoitov")],
                Start = new DateTimeOffset(2015, 2, 12, 20, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2015, 2, 12, 20, 30, 0, TimeSpan.Zero),
                SlideCount = 1,
                Status = SessionStatus.Cancelled,
            })
            {
                Sequence = 3,
                UpdateTime = new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero),
            },
            change.Session!);
    }

    [Fact]
    public async Task ChangeRowsAreWrittenInTheCurrentShapeWithTheirSchema()
    {
        var (store, table, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var session = agenda.Sessions.Single(s => s.Id == "bpf-updates");

        await store.ReplaceSessionAsync(agenda.Conference, session with { Kind = SessionKind.Meal }, session.ETag, Change(session.Id), CancellationToken.None);

        var row = (await table.GetEntityAsync<TableEntity>(Netconf, $"change:{agenda.Conference.AgendaVersion + 1:D12}")).Value;
        Assert.Equal(3, row.GetInt32("Schema"));
        Assert.Contains("\"kind\":\"meal\"", row.GetString("SessionJson"), StringComparison.Ordinal);
        Assert.DoesNotContain("isTalk", row.GetString("SessionJson"), StringComparison.Ordinal);
    }

    private static AgendaChange Change(string sessionId) =>
        new(ChangeKind.Updated, sessionId, "tester", new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
}

/// <summary>
/// Every field of a session survives storage: the row and the change log. Compared by reflection over the record,
/// so a field added to the domain and mapped nowhere in storage fails here.
/// </summary>
[Collection(StorageCollection.Name)]
public class StorageRoundTripTests(StorageFixture fixture)
{
    private static readonly Session Everything = EveryField.Session;

    [Fact]
    public async Task ASessionWithEveryFieldSetIsStoredAndLoggedUnchanged()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync("netconf-2015", CancellationToken.None))!;
        Assert.Empty(EveryField.UnsetFields(Everything));

        await store.AddSessionAsync(agenda.Conference, Everything, new AgendaChange(ChangeKind.Created, Everything.Id, "tester", Everything.UpdateTime), "", CancellationToken.None);

        var stored = (await store.LoadAsync("netconf-2015", CancellationToken.None))!.Sessions.Single(s => s.Id == Everything.Id);
        var logged = (await store.ReadChangesAsync("netconf-2015", agenda.Conference.AgendaVersion, 1, CancellationToken.None)).Single().Session!;
        Assert.Empty(EveryField.Differences(Everything, stored));
        Assert.Empty(EveryField.Differences(Everything, logged));
        Assert.Equal((Everything.Id, Everything.Sequence, Everything.UpdateTime), (stored.Id, stored.Sequence, stored.UpdateTime));
        Assert.Equal((Everything.Id, Everything.Sequence, Everything.UpdateTime), (logged.Id, logged.Sequence, logged.UpdateTime));
    }

    [Fact]
    public async Task ASessionLongerThanOneColumnHoldsIsStoredAndLoggedWhole()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync("netconf-2015", CancellationToken.None))!;
        // Twenty links of the longest address our rules allow: about 44,000 characters, more than a 64 KiB column.
        var longest = Everything with
        {
            Id = "long-links",
            Links = [.. Enumerable.Range(0, SessionRules.MaxLinks).Select(i => new Link($"Link {i} 🐝", "https://example.org/" + new string((char)('a' + i), SessionRules.MaxUrlLength - 20)))],
        };

        await store.AddSessionAsync(agenda.Conference, longest, new AgendaChange(ChangeKind.Created, longest.Id, "tester", longest.UpdateTime), "", CancellationToken.None);

        var stored = (await store.LoadAsync("netconf-2015", CancellationToken.None))!.Sessions.Single(s => s.Id == longest.Id);
        var logged = (await store.ReadChangesAsync("netconf-2015", agenda.Conference.AgendaVersion, 1, CancellationToken.None)).Single().Session!;
        Assert.Empty(EveryField.Differences(longest, stored));
        Assert.Empty(EveryField.Differences(longest, logged));
    }
}
