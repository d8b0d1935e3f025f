using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

[Collection(ScheduleCollection.Name)]
public class ChangeStreamTests(ScheduleFixture fixture)
{
    private static UpdateSessionRequest Retitle(string id, string title) => new()
    {
        ConferenceId = "netconf-2015",
        Session = new Session { Id = id, Title = title },
        UpdateMask = FieldMask.FromString("title"),
    };

    [Fact]
    public async Task AWatcherSeesEveryChangeInOrderWithTheAgendaVersion()
    {
        await using var server = await fixture.StartServerAsync();
        var writer = server.WriterClient;
        var start = (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = server.ReaderClient.WatchSchedule(new WatchScheduleRequest { ConferenceId = "netconf-2015", AfterVersion = start }, cancellationToken: cts.Token);

        for (var i = 1; i <= 10; i++)
        {
            await writer.UpdateSessionAsync(Retitle("bpf-updates", $"Title {i}"));
        }

        await writer.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });
        var seen = new List<ScheduleChange>();
        while (seen.Count < 11 && await watch.ResponseStream.MoveNext(cts.Token))
        {
            seen.Add(watch.ResponseStream.Current);
        }

        Assert.Equal(Enumerable.Range(1, 11).Select(i => start + i), seen.Select(c => c.AgendaVersion));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Title {i}"), seen.Take(10).Select(c => c.Session.Title));
        Assert.Equal(ChangeKind.Cancelled, seen[^1].Kind);
        Assert.Equal(SessionStatus.Cancelled, seen[^1].Session.Status);
        Assert.Equal("Test Organiser", seen[0].Actor);
    }

    [Fact]
    public async Task AWatcherOnOneInstanceSeesChangesMadeThroughAnother()
    {
        await using var first = await fixture.StartServerAsync();
        var table = first.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Schedule.Storage.AgendaStorageOptions>>().Value.TableName;
        await using var second = new ScheduleServer(fixture.Azurite.ConnectionString, table);
        await second.WaitUntilServingAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = first.ReaderClient.WatchSchedule(new WatchScheduleRequest { ConferenceId = "netconf-2015" }, cancellationToken: cts.Token);

        await second.WriterClient.UpdateSessionAsync(Retitle("rhashtable", "Made on the second instance"));

        Assert.True(await watch.ResponseStream.MoveNext(cts.Token));
        Assert.Equal("Made on the second instance", watch.ResponseStream.Current.Session.Title);
    }

    [Fact]
    public async Task TheChangeLogPagesFromAVersion()
    {
        await using var server = await fixture.StartServerAsync();
        for (var i = 0; i < 5; i++)
        {
            await server.WriterClient.UpdateSessionAsync(Retitle("rhashtable", $"v{i}"));
        }

        var first = await server.ReaderClient.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015", PageSize = 3 });
        var rest = await server.ReaderClient.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015", PageSize = 3, PageToken = first.NextPageToken });

        Assert.Equal([2L, 3L, 4L], first.Changes.Select(c => c.AgendaVersion));
        Assert.Equal([5L, 6L], rest.Changes.Select(c => c.AgendaVersion));
        Assert.Equal("", rest.NextPageToken);
    }

    [Fact]
    public async Task WatchingAnUnknownConferenceIsNotFound()
    {
        using var watch = fixture.Server.ReaderClient.WatchSchedule(new WatchScheduleRequest { ConferenceId = "netconf-1999" });

        await RpcAssert.FailsWith(Grpc.Core.StatusCode.NotFound, () => watch.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task WatchingNeedsAnAuthenticatedCaller()
    {
        using var watch = fixture.Server.Client.WatchSchedule(new WatchScheduleRequest { ConferenceId = "netconf-2015" });

        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task TheChangeLogNeedsAnAuthenticatedCaller() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => fixture.Server.Client.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015" }).ResponseAsync);

    [Fact]
    public async Task ACallerWithTooManyWatchersOpenIsToldResourceExhausted()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.ReaderClient;
        await server.WriterClient.UpdateSessionAsync(Retitle("bpf-updates", "Something to replay"));
        var open = new List<AsyncServerStreamingCall<ScheduleChange>>();
        for (var i = 0; i < new Schedule.AgendaServiceSettings().MaxWatchersPerCaller; i++)
        {
            var call = client.WatchSchedule(new WatchScheduleRequest { ConferenceId = "netconf-2015" });
            open.Add(call);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "each watcher replays the log first");
        }

        using var oneMore = client.WatchSchedule(new WatchScheduleRequest { ConferenceId = "netconf-2015" });
        var error = await Assert.ThrowsAsync<RpcException>(() => oneMore.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        open.ForEach(call => call.Dispose());
    }
}
