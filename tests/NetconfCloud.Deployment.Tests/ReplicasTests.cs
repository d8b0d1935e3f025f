using System.Diagnostics;
using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using Xunit.Abstractions;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// What holds across replicas: two schedule service replicas on one table, each with its own feeds host. Writers race
/// through different replicas; readers of one see what was written through the other within two seconds (each
/// replica revalidates its agenda in memory against storage at most once a second, and each feeds host its agenda
/// against its replica at most twice a second, so 1.5 s and the time of the calls at most).
/// </summary>
[Collection(ReplicasCollection.Name)]
public class ReplicasTests(ReplicasFixture fixture, ITestOutputHelper output)
{
    private const string Conference = "netconf-2015";
    private const string Speaker = "david-miller";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(2);

    /// <summary>Thursday 12 February 2015, 18:00 in Ottawa: after the day's last talk, so the slots are free.</summary>
    private static readonly DateTimeOffset Evening = new(2015, 2, 12, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WritersRacingThroughTwoReplicasNeverBookOneSpeakerTwiceAtOnce()
    {
        var outcomes = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var start = Evening.AddMinutes(15 * round);
            await BothReplicasHoldTheAgendaAsync();

            // Each replica alone would accept its session: the speaker is free then. Together they would double-book him.
            using var go = new SemaphoreSlim(0, 2);
            var throughA = CreateAsync(fixture.A, $"race-{round}-a", start, go);
            var throughB = CreateAsync(fixture.B, $"race-{round}-b", start, go);
            go.Release(2);
            var results = await Task.WhenAll(throughA, throughB);

            Assert.Single(results, r => r == StatusCode.OK);
            var lost = Assert.Single(results, r => r != StatusCode.OK);
            Assert.Contains(lost, new[] { StatusCode.InvalidArgument, StatusCode.Aborted, StatusCode.FailedPrecondition });
            outcomes.Add($"{round}: A {results[0]}, B {results[1]}");
        }

        output.WriteLine(string.Join(Environment.NewLine, outcomes));
        foreach (var replica in new[] { fixture.A, fixture.B })
        {
            var sessions = await SessionsAsync(replica);
            var his = sessions.Where(s => s.SpeakerIds.Contains(Speaker)).OrderBy(s => s.StartTime.ToDateTimeOffset()).ToList();
            Assert.Equal(20, sessions.Count(s => s.Id.StartsWith("race-", StringComparison.Ordinal)));
            Assert.All(his.Zip(his.Skip(1)), pair => Assert.True(
                pair.First.EndTime.ToDateTimeOffset() <= pair.Second.StartTime.ToDateTimeOffset(),
                $"{pair.First.Id} and {pair.Second.Id} overlap"));
        }
    }

    [Fact]
    public async Task ARetitleThroughOneReplicaReachesTheOtherReplicasFeedsWithinTwoSeconds()
    {
        using var feedsB = fixture.B.Feeds();
        var talk = (await SessionsAsync(fixture.A)).First(s => s.Kind == SessionKind.Talk && s.Title.Length > 0);
        var path = $"/api/{Conference}/sessions/{talk.Id}.ics";
        Assert.Contains($"SUMMARY:{talk.Title}", Unfolded(await feedsB.GetStringAsync(path)), StringComparison.Ordinal);
        var title = $"Retitled through replica A {Guid.NewGuid():N}"[..40];

        await fixture.A.Writer.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = Conference,
            Session = new Session { Id = talk.Id, Title = title },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });
        var written = Stopwatch.StartNew();

        var seenAfter = await FirstSeenAsync(async () => Unfolded(await feedsB.GetStringAsync(path)).Contains($"SUMMARY:{title}", StringComparison.Ordinal), written);

        output.WriteLine($"seen on the other replica's feeds {seenAfter.TotalMilliseconds:0} ms after the write returned");
        Assert.True(seenAfter <= Propagation, $"seen after {seenAfter.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task APersonalAgendaRevokedThroughOneReplicaIsGoneOnTheOtherWithinTwoSeconds()
    {
        using var feedsA = fixture.A.Feeds();
        using var feedsB = fixture.B.Feeds();
        var talks = (await SessionsAsync(fixture.A)).Where(s => s.Kind == SessionKind.Talk).Take(2).ToList();
        using var created = await feedsA.PostAsync($"/api/{Conference}/my", new FormUrlEncodedContent(talks.Select(t => KeyValuePair.Create("session", t.Id))));
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        var agenda = created.Headers.Location!;
        using (var before = await feedsB.GetAsync(new Uri($"{agenda}/calendar.ics")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoked = await feedsA.DeleteAsync(agenda);
        Assert.True(revoked.IsSuccessStatusCode, $"DELETE answered {revoked.StatusCode}");
        var written = Stopwatch.StartNew();

        var goneAfter = await FirstSeenAsync(async () =>
        {
            using var response = await feedsB.GetAsync(new Uri($"{agenda}/calendar.ics"));
            return response.StatusCode == HttpStatusCode.Gone;
        }, written);

        output.WriteLine($"410 on the other replica's feeds {goneAfter.TotalMilliseconds:0} ms after the revoke returned");
        Assert.True(goneAfter <= Propagation, $"gone after {goneAfter.TotalMilliseconds:0} ms");
    }

    /// <summary>
    /// Asks every 50 ms until <paramref name="seen"/> holds and returns when the asking request was sent, measured
    /// from the write: the instant the other replica's answer was already the new one. Gives up after ten seconds.
    /// </summary>
    private static async Task<TimeSpan> FirstSeenAsync(Func<Task<bool>> seen, Stopwatch sinceWrite)
    {
        while (sinceWrite.Elapsed < TimeSpan.FromSeconds(10))
        {
            var asked = sinceWrite.Elapsed;
            if (await seen())
            {
                return asked;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("Not seen through the other replica within 10 s.");
    }

    private async Task BothReplicasHoldTheAgendaAsync()
    {
        var versions = await Task.WhenAll(fixture.A.Reader.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Conference }).ResponseAsync,
            fixture.B.Reader.GetConferenceAsync(new GetConferenceRequest { ConferenceId = Conference }).ResponseAsync);
        Assert.All(versions, v => Assert.True(v.AgendaVersion > 0));
    }

    private static async Task<StatusCode> CreateAsync(Replica replica, string id, DateTimeOffset start, SemaphoreSlim go)
    {
        var request = new CreateSessionRequest
        {
            ConferenceId = Conference,
            Session = new Session
            {
                Id = id,
                Kind = SessionKind.Talk,
                Title = $"Race {id}",
                SpeakerIds = { Speaker },
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(10)),
            },
        };
        var writer = replica.Writer;
        await go.WaitAsync();
        try
        {
            await writer.CreateSessionAsync(request);
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<List<Session>> SessionsAsync(Replica replica)
    {
        var sessions = new List<Session>();
        var request = new ListSessionsRequest { ConferenceId = Conference, PageSize = 100 };
        do
        {
            var page = await replica.Reader.ListSessionsAsync(request);
            sessions.AddRange(page.Sessions);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return sessions;
    }

    /// <summary>iCalendar lines unfolded (RFC 5545 §3.1), so a long SUMMARY is one line again.</summary>
    private static string Unfolded(string calendar) => calendar.Replace("\r\n ", "", StringComparison.Ordinal);
}
