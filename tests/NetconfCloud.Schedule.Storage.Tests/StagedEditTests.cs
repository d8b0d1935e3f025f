using Azure.Data.Tables;

namespace NetconfCloud.Schedule.Storage.Tests;

/// <summary>
/// Edits larger than one entity-group transaction (100 operations): one agenda version, never seen half-applied,
/// harmless when stopped before their commit, completed by the next writer when stopped after it.
/// </summary>
[Collection(StorageCollection.Name)]
public class StagedEditTests(StorageFixture fixture)
{
    private const string Netconf = "netconf-2015";

    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AnEditOfSixHundredSessionsIsOneVersionAndOneChange()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;

        var committed = await store.CommitAsync(agenda.Conference, Edit(Many(agenda, 600, "first")), CancellationToken.None);

        var after = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal(agenda.Conference.AgendaVersion + 1, committed.AgendaVersion);
        Assert.Equal(("", committed.AgendaVersion), (after.Conference.PendingEdit, after.Conference.AgendaVersion));
        Assert.Equal(agenda.Sessions.Count + 600, after.Sessions.Count);
        var change = Assert.Single(await store.ReadChangesAsync(Netconf, agenda.Conference.AgendaVersion, 10, CancellationToken.None));
        Assert.Equal((ChangeKind.Imported, "import"), (change.Kind, change.Subject));
    }

    [Fact]
    public async Task ReadersDuringALargeEditSeeTheAgendaBeforeItOrAfterItNeverHalf()
    {
        var (store, _, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        await store.CommitAsync(agenda.Conference, Edit(Many(agenda, 400, "old")), CancellationToken.None);
        var basis = (await store.LoadAsync(Netconf, CancellationToken.None))!;

        using var done = new CancellationTokenSource();
        var seen = new List<string[]>();
        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var read = (await store.LoadAsync(Netconf, CancellationToken.None))!;
                seen.Add([.. read.Sessions.Where(s => s.Id.StartsWith("extra-", StringComparison.Ordinal)).Select(s => s.Notes).Distinct()]);
            }
        });
        await store.CommitAsync(basis.Conference, Edit(Many(basis, 400, "new")), CancellationToken.None);
        await Task.Delay(200);
        await done.CancelAsync();
        await reader;

        Assert.True(seen.Count > 1, "the reader should have read during the edit");
        Assert.All(seen, notes => Assert.Single(notes));
        Assert.Equal("new", seen[^1].Single());
    }

    [Fact]
    public async Task StagedRowsOfAnEditThatNeverCommittedAreNotSeenAndALaterLargeEditKeepsThoseOfOneBeingStagedNow()
    {
        var (store, table, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var bpf = agenda.Sessions.Single(s => s.Id == "bpf-updates");
        await table.UpsertEntityAsync(Staged("abandoned", "session:bpf-updates", bpf with { Title = "Half an import" }));

        var read = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal(bpf.Title, read.Sessions.Single(s => s.Id == "bpf-updates").Title);

        await store.CommitAsync(read.Conference, Edit(Many(read, 150, "x")), CancellationToken.None);

        // Written a moment ago, the row may belong to an edit another writer is staging: it stays (rows an hour old go).
        Assert.Equal(["stage:abandoned:session:bpf-updates"], table.Query<TableEntity>(e => e.PartitionKey == Netconf && e.RowKey.CompareTo("stage:") >= 0 && e.RowKey.CompareTo("stage;") < 0).Select(e => e.RowKey));
    }

    [Fact]
    public async Task AnEditCommittedButNotMovedIntoPlaceIsSeenWholeAndTheNextWriterFinishesIt()
    {
        var (store, table, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var bpf = agenda.Sessions.Single(s => s.Id == "bpf-updates");
        var dma = agenda.Sessions.Single(s => s.Id == "user-space-dma");
        // What a writer stopped right after its commit leaves: the staged rows and the conference naming the edit.
        await table.UpsertEntityAsync(Staged("e1", "session:bpf-updates", bpf with { Title = "BPF, imported" }));
        var conference = (await table.GetEntityAsync<TableEntity>(Netconf, "conference")).Value;
        conference["PendingEdit"] = "e1";
        conference["AgendaVersion"] = agenda.Conference.AgendaVersion + 1;
        await table.UpdateEntityAsync(conference, conference.ETag, TableUpdateMode.Merge);

        var read = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal("BPF, imported", read.Sessions.Single(s => s.Id == "bpf-updates").Title);

        await Assert.ThrowsAsync<AgendaMovedException>(() => store.ReplaceSessionAsync(read.Conference, dma with { Notes = "after" }, dma.ETag, new AgendaChange(ChangeKind.Updated, dma.Id, "t", Now), CancellationToken.None));
        var finished = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal("", finished.Conference.PendingEdit);
        // The staged row, as this test wrote it, is now the session's row.
        Assert.Equal("BPF, imported", (await table.GetEntityAsync<TableEntity>(Netconf, "session:bpf-updates")).Value.GetString("Title"));
        Assert.Empty(table.Query<TableEntity>(e => e.PartitionKey == Netconf && e.RowKey.CompareTo("stage:") >= 0 && e.RowKey.CompareTo("stage;") < 0));
        await store.ReplaceSessionAsync(finished.Conference, dma with { Notes = "after" }, dma.ETag, new AgendaChange(ChangeKind.Updated, dma.Id, "t", Now), CancellationToken.None);
    }

    [Fact]
    public async Task ALargeEditOnAnAgendaThatMovedOnWritesNothing()
    {
        var (store, table, _) = await fixture.SeededStoreAsync();
        var agenda = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        var bpf = agenda.Sessions.Single(s => s.Id == "bpf-updates");
        await store.ReplaceSessionAsync(agenda.Conference, bpf with { Notes = "meanwhile" }, bpf.ETag, new AgendaChange(ChangeKind.Updated, bpf.Id, "t", Now), CancellationToken.None);

        await Assert.ThrowsAsync<AgendaMovedException>(() => store.CommitAsync(agenda.Conference, Edit(Many(agenda, 300, "late")), CancellationToken.None));

        var after = (await store.LoadAsync(Netconf, CancellationToken.None))!;
        Assert.Equal(agenda.Sessions.Count, after.Sessions.Count);
        Assert.Empty(table.Query<TableEntity>(e => e.PartitionKey == Netconf && e.RowKey.CompareTo("stage:") >= 0 && e.RowKey.CompareTo("stage;") < 0));
    }

    private static AgendaEdit Edit(IReadOnlyList<Session> sessions) =>
        new(new AgendaChange(ChangeKind.Imported, "", "importer", Now) { Subject = "import" }) { Sessions = sessions };

    private static Session[] Many(AgendaSnapshot agenda, int count, string notes)
    {
        var template = agenda.Sessions.Single(s => s.Id == "bpf-updates");
        return [.. Enumerable.Range(0, count).Select(i => template with { Id = $"extra-{i:D4}", Title = $"Extra {i}", Notes = notes, Status = SessionStatus.Cancelled, Speakers = [] })];
    }

    private static TableEntity Staged(string editId, string target, Session session)
    {
        var entity = new TableEntity(Netconf, $"stage:{editId}:{target}")
        {
            ["Kind"] = session.Kind.ToString(),
            ["Title"] = session.Title,
            ["Abstract"] = session.Abstract,
            ["Notes"] = session.Notes,
            ["SpeakersJson"] = "[]",
            ["Start"] = session.Start,
            ["End"] = session.End,
            ["Status"] = session.Status.ToString(),
            ["Sequence"] = session.Sequence,
            ["UpdateTime"] = session.UpdateTime,
            ["StagedOperation"] = "upsert",
        };
        return entity;
    }
}
