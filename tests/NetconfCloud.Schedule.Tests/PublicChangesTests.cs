using Microsoft.Extensions.Time.Testing;

namespace NetconfCloud.Schedule.Tests;

public class PublicChangesTests
{
    private static readonly Session Talk = Netconf2015.Session("bpf-updates") with { RoomId = "main" };

    [Fact]
    public void ANewSessionIsNew()
    {
        var update = PublicChanges.Between(null, Talk);

        Assert.Equal([PublicChangeKind.New], update!.Kinds);
        Assert.Equal((Talk.Title, Talk.Start, Talk.RoomId), (update.PreviousTitle, update.PreviousStart, update.PreviousRoomId));
    }

    [Fact]
    public void AMoveKeepsTheTimesBeforeAndAfter()
    {
        var moved = Talk with { Start = Talk.Start.AddHours(2), End = Talk.End.AddHours(2) };

        var update = PublicChanges.Between(Talk, moved);

        Assert.Equal([PublicChangeKind.Moved], update!.Kinds);
        Assert.Equal((Talk.Start, Talk.End, moved.Start, moved.End), (update.PreviousStart, update.PreviousEnd, update.Start, update.End));
    }

    [Fact]
    public void ALongerSlotIsAMoveToo() =>
        Assert.Equal([PublicChangeKind.Moved], PublicChanges.Between(Talk, Talk with { End = Talk.End.AddMinutes(15) })!.Kinds);

    [Fact]
    public void ACancellationIsCancelledAndARestoreRestored()
    {
        var cancelled = Talk with { Status = SessionStatus.Cancelled };

        Assert.Equal([PublicChangeKind.Cancelled], PublicChanges.Between(Talk, cancelled)!.Kinds);
        Assert.Equal([PublicChangeKind.Restored], PublicChanges.Between(cancelled, Talk)!.Kinds);
    }

    [Fact]
    public void ARetitleKeepsTheOldTitle()
    {
        var update = PublicChanges.Between(Talk, Talk with { Title = "BPF in 2015" });

        Assert.Equal([PublicChangeKind.Retitled], update!.Kinds);
        Assert.Equal((Talk.Title, "BPF in 2015"), (update.PreviousTitle, update.Title));
    }

    [Fact]
    public void ARoomChangeKeepsTheOldRoom()
    {
        var update = PublicChanges.Between(Talk, Talk with { RoomId = "side" });

        Assert.Equal([PublicChangeKind.RoomChanged], update!.Kinds);
        Assert.Equal(("main", "side"), (update.PreviousRoomId, update.RoomId));
    }

    [Fact]
    public void SeveralChangesToOneSessionAreOneUpdateWithEveryKind()
    {
        var update = PublicChanges.Between(Talk, Talk with { Title = "BPF", RoomId = "side", Start = Talk.Start.AddHours(1), End = Talk.End.AddHours(1), Status = SessionStatus.Cancelled });

        Assert.Equal([PublicChangeKind.Cancelled, PublicChangeKind.Moved, PublicChangeKind.RoomChanged, PublicChangeKind.Retitled], update!.Kinds);
    }

    [Fact]
    public void NotesAbstractsAndSpeakersAreNotPublicChanges() =>
        Assert.Null(PublicChanges.Between(Talk, Talk with { Notes = "speaker is ill", Abstract = "new", Speakers = [], Sequence = Talk.Sequence + 1 }));

    [Fact]
    public void SeveralSessionsInOneVersionKeepOnlyThoseThatChangedPublicly()
    {
        var other = Netconf2015.Session("rhashtable");

        var updates = PublicChanges.Of([(Talk, Talk with { Title = "BPF" }), (other, other with { Notes = "private" }), (null, other with { Id = "xdp" })]);

        Assert.Equal(["bpf-updates", "xdp"], updates.Select(u => u.SessionId));
    }

    [Fact]
    public void ABigImportIsSummarisedWithTheWeightiestSessionsListedAndEveryKindCounted()
    {
        var created = Enumerable.Range(0, 883).Select(i => PublicChanges.Between(null, Talk with { Id = $"talk-{i}", Start = Talk.Start.AddMinutes(i) })!);
        var cancelled = PublicChanges.Between(Talk, Talk with { Status = SessionStatus.Cancelled })!;

        var set = PublicChanges.Summarise(7, Talk.Start, [.. created, cancelled], 20)!;

        Assert.Equal(884, set.SessionCount);
        Assert.Equal(20, set.Sessions.Count);
        Assert.True(set.IsSummarised);
        Assert.Equal("bpf-updates", set.Sessions[0].SessionId);
        Assert.Equal("talk-0", set.Sessions[1].SessionId);
        Assert.Equal((883, 1), (set.CountOf(PublicChangeKind.New), set.CountOf(PublicChangeKind.Cancelled)));
    }

    [Fact]
    public void AVersionNarrowedToSessionsNotInItShowsNothing() =>
        Assert.Null(PublicChanges.Summarise(7, Talk.Start, [PublicChanges.Between(null, Talk)!], 20, new HashSet<string> { "rhashtable" }));

    [Fact]
    public void AnOldLogRowWithoutPublicChangesSaysWhatItsKindSays()
    {
        var cancelled = new RecordedChange(3, ChangeKind.Cancelled, Talk with { Status = SessionStatus.Cancelled }, "organiser", Talk.Start);
        var edited = new RecordedChange(4, ChangeKind.Updated, Talk, "organiser", Talk.Start);

        Assert.Equal([PublicChangeKind.Cancelled], PublicChanges.FromLog(cancelled).Single().Kinds);
        Assert.Empty(PublicChanges.FromLog(edited));
    }
}

public class PublicChangeLogTests
{
    private readonly InMemoryAgendaStore store = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly AgendaService agenda;

    public PublicChangeLogTests()
    {
        store.SeedAsync(Netconf2015.Agenda, CancellationToken.None).GetAwaiter().GetResult();
        agenda = new AgendaService(store, time, new ChangeFeed(store, time, new AgendaServiceSettings()));
    }

    private Task<SavedSession> Retitle(string id, string title) =>
        agenda.UpdateSessionAsync("netconf-2015", id, SessionPatch.Of(new() { Title = title }, "title"), "", "organiser", CancellationToken.None);

    private Task<PublicChangePage> List(long olderThan = 0, long after = 0, int size = 0, params string[] only) =>
        agenda.ListPublicChangesAsync("netconf-2015", olderThan, after, size, 0, only, CancellationToken.None);

    [Fact]
    public async Task ChangesAreListedNewestFirstWithWhatChanged()
    {
        await Retitle("bpf-updates", "BPF");
        await agenda.CancelSessionAsync("netconf-2015", "rhashtable", "", "organiser", CancellationToken.None);

        var page = await List();

        Assert.Equal([PublicChangeKind.Cancelled, PublicChangeKind.Retitled], page.Versions.Select(v => v.Sessions.Single().Kinds.Single()));
        Assert.True(page.Versions[0].Version > page.Versions[1].Version);
        Assert.Equal("BPF", page.Versions[1].Sessions[0].Title);
        Assert.False(page.HasOlder);
    }

    [Fact]
    public async Task AnEditOfNotesIsNotListed()
    {
        await agenda.UpdateSessionAsync("netconf-2015", "bpf-updates", SessionPatch.Of(new() { Notes = "private" }, "notes"), "", "organiser", CancellationToken.None);

        Assert.Empty((await List()).Versions);
    }

    [Fact]
    public async Task PagesGoBackThroughOlderVersionsWithoutGapsOrRepeats()
    {
        foreach (var title in new[] { "One", "Two", "Three", "Four", "Five" })
        {
            await Retitle("bpf-updates", title);
        }

        var first = await List(size: 2);
        var second = await List(first.OlderThan, size: 2);
        var third = await List(second.OlderThan, size: 2);

        Assert.Equal(["Five", "Four", "Three", "Two", "One"], new[] { first, second, third }.SelectMany(p => p.Versions).Select(v => v.Sessions[0].Title));
        Assert.False(third.HasOlder);
    }

    [Fact]
    public async Task ChangesAfterAVersionToChosenSessionsAreWhatAnAttendeeMissed()
    {
        await Retitle("bpf-updates", "Seen already");
        var seen = (await agenda.GetConferenceAsync("netconf-2015", CancellationToken.None)).AgendaVersion;
        await Retitle("bpf-updates", "BPF");
        await Retitle("rhashtable", "Not picked");

        var page = await List(after: seen, only: "bpf-updates");

        Assert.Equal(["BPF"], page.Versions.Select(v => v.Sessions.Single().Title));
    }

    [Fact]
    public async Task TooManySessionIdsAreRefusedNamingTheField()
    {
        var ids = Enumerable.Range(0, PersonalAgenda.MaxSessions + 1).Select(i => $"s{i}").ToArray();

        var e = await Assert.ThrowsAsync<InvalidArgumentException>(() => List(only: ids));

        Assert.Equal("session_ids", e.Violations.Single().Field);
    }
}
