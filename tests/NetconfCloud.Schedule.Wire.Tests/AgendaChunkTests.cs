using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire.Tests;

public class AgendaChunkTests
{
    private static AgendaSnapshot Agenda(int sessions) => new(
        Everything.Conference,
        [.. Enumerable.Range(0, sessions).Select(i => Everything.Session with { Id = $"session-{i}", Start = Everything.Session.Start.AddMinutes(i) })],
        [Everything.Speaker],
        [Everything.Sponsor]);

    [Fact]
    public async Task AnAgendaSplitIntoChunksAssemblesToTheSameAgenda()
    {
        var agenda = Agenda(1001);

        var chunks = AgendaChunks.Split(agenda).ToArray();
        var back = await AgendaChunks.AssembleAsync(chunks.ToAsyncEnumerable(), CancellationToken.None);

        Assert.True(chunks.Length > 5, "a thousand sessions take several chunks");
        Assert.All(chunks, c => Assert.True(c.Sessions.Count <= AgendaChunks.ItemsPerChunk));
        Assert.Equal(agenda.Sessions.Select(s => s.Id), back!.Sessions.Select(s => s.Id));
        Assert.Equal(agenda.Speakers, back.Speakers, (a, b) => a.Id == b.Id && a.AlsoKnownAs.SequenceEqual(b.AlsoKnownAs));
        Assert.Equal(agenda.Sponsors, back.Sponsors);
        Assert.Equal(agenda.Conference.AgendaVersion, back.Conference.AgendaVersion);
    }

    [Fact]
    public async Task AnUnchangedAnswerAssemblesToNothing()
    {
        var back = await AgendaChunks.AssembleAsync(new[] { AgendaChunks.Unchanged(Everything.Conference) }.ToAsyncEnumerable(), CancellationToken.None);

        Assert.Null(back);
    }

    [Fact]
    public async Task AStreamThatMixesVersionsIsRefused()
    {
        var chunks = AgendaChunks.Split(Agenda(3)).ToArray();
        chunks[^1] = new Proto.AgendaChunk(chunks[^1]) { AgendaVersion = chunks[^1].AgendaVersion + 1 };

        await Assert.ThrowsAsync<InvalidDataException>(() => AgendaChunks.AssembleAsync(chunks.ToAsyncEnumerable(), CancellationToken.None));
    }

    [Fact]
    public async Task AStreamWithoutItsConferenceIsRefused()
    {
        var chunks = AgendaChunks.Split(Agenda(3)).Skip(1);

        await Assert.ThrowsAsync<InvalidDataException>(() => AgendaChunks.AssembleAsync(chunks.ToAsyncEnumerable(), CancellationToken.None));
    }
}
