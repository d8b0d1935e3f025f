using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// <c>ListSessions</c> replies are kept per agenda version and request and sent as the bytes they were serialised to:
/// through the real transport, a kept reply reads as a fresh one, each query keeps its own, and a write is in the
/// very next listing.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class KeptListingTests(ScheduleFixture fixture) : IAsyncLifetime
{
    private ScheduleServer server = null!;
    private Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client = null!;

    public async Task InitializeAsync()
    {
        server = await fixture.StartServerAsync();
        client = server.WriterClient;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<ListSessionsResponse> List(string day = "", string pageToken = "", int pageSize = 100) =>
        await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", Day = day, PageSize = pageSize, PageToken = pageToken });

    [Fact]
    public async Task TheListingAfterAWriteShowsTheWrite()
    {
        var before = await List();
        await List();
        var session = before.Sessions.Single(s => s.Id == "rhashtable");

        await client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "rhashtable", Title = "Resizable hash tables, renamed" },
            UpdateMask = FieldMask.FromString("title"),
        });
        var after = await List();

        Assert.NotEqual("Resizable hash tables, renamed", session.Title);
        Assert.Equal("Resizable hash tables, renamed", after.Sessions.Single(s => s.Id == "rhashtable").Title);
        Assert.NotEqual(session.Etag, after.Sessions.Single(s => s.Id == "rhashtable").Etag);
        Assert.Equal(before.Sessions.Count, after.Sessions.Count);
    }

    [Fact]
    public async Task AKeptReplyReadsTheSameAsTheFirst()
    {
        var first = await List();

        var kept = await List();

        Assert.Equal(30, first.Sessions.Count);
        Assert.Equal(first, kept);
    }

    [Fact]
    public async Task EachQueryAndPageIsKeptApart()
    {
        var thursday = await List(day: "2015-02-12");
        var friday = await List(day: "2015-02-13");
        var firstPage = await List(pageSize: 7);
        var secondPage = await List(pageSize: 7, pageToken: firstPage.NextPageToken);

        Assert.All(thursday.Sessions, s => Assert.Equal("2015-02-12", s.Day));
        Assert.All(friday.Sessions, s => Assert.Equal("2015-02-13", s.Day));
        Assert.Equal(thursday, await List(day: "2015-02-12"));
        Assert.Equal(7, firstPage.Sessions.Count);
        Assert.Empty(firstPage.Sessions.Select(s => s.Id).Intersect(secondPage.Sessions.Select(s => s.Id)));
        Assert.Equal(secondPage, await List(pageSize: 7, pageToken: firstPage.NextPageToken));
    }
}
