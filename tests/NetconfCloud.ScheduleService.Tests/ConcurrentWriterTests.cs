using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>Many writers at once: optimistic concurrency loses nothing and applies nothing twice.</summary>
[Collection(ScheduleCollection.Name)]
public class ConcurrentWriterTests(ScheduleFixture fixture)
{
    public const int Writers = 20;

    [Fact]
    public async Task TwentyWritersOnOneSessionEachRetryingOnConflictApplyEveryUpdateExactlyOnce()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        var start = (await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion;

        var conflicts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => AppendNoteAsync(client, "tcp-pipe-size-probing", $"[writer {w}]")));

        var session = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "tcp-pipe-size-probing" });
        Assert.All(Enumerable.Range(0, Writers), w => Assert.Single(System.Text.RegularExpressions.Regex.Matches(session.Notes, $@"\[writer {w}\]")));
        Assert.Equal(start + Writers, (await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion);
        var log = await client.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015", AfterVersion = start, PageSize = 100 });
        Assert.Equal(Writers, log.Changes.Count);
        Assert.True(conflicts.Sum() > 0, "the writers should have collided at least once");
    }

    [Fact]
    public async Task TwentyWritersOnTwentySessionsAllLandWithDistinctVersions()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        var sessions = (await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", Kind = SessionKind.Talk })).Sessions.Take(Writers).ToArray();
        var start = (await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion;

        await Task.WhenAll(sessions.Select(s => AppendNoteAsync(client, s.Id, "[touched]")));

        var log = await client.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015", AfterVersion = start, PageSize = 100 });
        Assert.Equal(Enumerable.Range(1, Writers).Select(i => start + i), log.Changes.Select(c => c.AgendaVersion));
        Assert.Equal(sessions.Select(s => s.Id).Order(), log.Changes.Select(c => c.Session.Id).Order());
    }

    /// <summary>Read, append, write with the etag; on a stale etag read again. Returns how many conflicts it met.</summary>
    internal static async Task<int> AppendNoteAsync(Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client, string sessionId, string marker)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            var current = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = sessionId });
            try
            {
                await client.UpdateSessionAsync(new UpdateSessionRequest
                {
                    ConferenceId = "netconf-2015",
                    Session = new Session { Id = sessionId, Etag = current.Etag, Notes = current.Notes + marker },
                    UpdateMask = FieldMask.FromString("notes"),
                });
                return conflicts;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
            {
            }
        }
    }
}

/// <summary>
/// The speaker rule under writers racing through the real transport: two talks of one speaker moved to one free slot
/// at the same moment never both land.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class DoubleBookingRaceTests(ScheduleFixture fixture)
{
    private static readonly string[] JamalsTalks = ["netdev-announcements", "inter-fe-action"];

    [Fact]
    public async Task TwoMovesOfOneSpeakersTalksToOneSlotNeverBothLand()
    {
        await using var server = await fixture.StartServerAsync();
        var toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");
        var outcomes = new List<int>();
        for (var race = 0; race < 12; race++)
        {
            var local = new DateTime(2015, 2, 13, 18, 0, 0).AddMinutes(30 * race);
            var start = new DateTimeOffset(local, toronto.GetUtcOffset(local));
            var results = await Task.WhenAll(JamalsTalks.Select(id => MoveAsync(server.WriterClient, id, start)));
            outcomes.Add(results.Count(landed => landed));

            var sessions = (await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", SpeakerId = "jamal-hadi-salim", PageSize = 100 }))
                .Sessions.Where(s => s.Status == SessionStatus.Scheduled).ToArray();
            Assert.All(sessions, a => Assert.DoesNotContain(sessions, b => a.Id != b.Id && a.StartTime < b.EndTime && b.StartTime < a.EndTime));
        }

        Assert.All(outcomes, landed => Assert.Equal(1, landed));
    }

    /// <summary>Moves a talk to start at <paramref name="start"/> for 30 minutes; true when it landed, false when a rule refused it.</summary>
    private static async Task<bool> MoveAsync(Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client, string id, DateTimeOffset start)
    {
        try
        {
            await client.UpdateSessionAsync(new UpdateSessionRequest
            {
                ConferenceId = "netconf-2015",
                Session = new Session { Id = id, StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)) },
                UpdateMask = FieldMask.FromString("start_time,end_time"),
            });
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            return false;
        }
    }
}
