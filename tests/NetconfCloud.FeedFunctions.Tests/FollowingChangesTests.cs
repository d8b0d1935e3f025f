using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>Changes made through the schedule service reach the feeds; each test has its own service and table.</summary>
[Collection(FeedsCollection.Name)]
public class FollowingChangesTests(FeedsFixture fixture)
{
    [Fact]
    public async Task ACancelledTalkIsPublishedCancelledWithANewETagAndAHigherSequence()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        Task<FeedResponse> Friday() => feeds.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "2015-02-13"), "/api/netconf-2015/days/2015-02-13.ics");
        var before = await Friday();

        await server.WriterClient.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "user-space-dma" });
        var after = await Friday();

        Assert.NotEqual(before.Header("ETag"), after.Header("ETag"));
        var talk = (await IcalJs.ParseAsync(after.Text)).Events.Single(e => e.Uid == "netconf-2015/sessions/user-space-dma");
        Assert.Equal("CANCELLED", talk.Status);
        Assert.Equal(1, talk.Sequence);
        var stale = await feeds.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "2015-02-13"), "/api/netconf-2015/days/2015-02-13.ics", headers: new Dictionary<string, string> { ["If-None-Match"] = before.Header("ETag") });
        Assert.Equal(200, stale.Status);
    }

    [Fact]
    public async Task AMovedTalkAppearsAtItsNewTime()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var start = new DateTimeOffset(2015, 2, 13, 17, 30, 0, TimeSpan.FromHours(-5));

        await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "bpf-updates", StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)) },
            UpdateMask = FieldMask.FromString("start_time,end_time"),
        });
        var friday = await feeds.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "2015-02-13"), "/api/netconf-2015/days/2015-02-13.ics");

        var talk = (await IcalJs.ParseAsync(friday.Text)).Events.Single(e => e.Uid == "netconf-2015/sessions/bpf-updates");
        Assert.Equal("2015-02-13T17:30:00", talk.Dtstart!.Local);
        Assert.Equal(1, talk.Sequence);
    }

    [Fact]
    public async Task WithTheScheduleServiceUnreachableAndNothingRenderedTheAnswerIs503WithRetryAfter()
    {
        await using var feeds = await FeedsApp.StartAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}"));

        var response = await feeds.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-2015"), "/api/netconf-2015/calendar.ics");

        Assert.Equal(503, response.Status);
        Assert.Equal("30", response.Header("Retry-After"));
        Assert.DoesNotContain("BEGIN:VCALENDAR", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheScheduleServiceGoesAwayTheLastGoodFeedIsStillServed()
    {
        var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var good = await feeds.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-2015"), "/api/netconf-2015/calendar.ics");

        await server.DisposeAsync();
        var stale = await feeds.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-2015"), "/api/netconf-2015/calendar.ics");

        Assert.Equal(200, stale.Status);
        Assert.Equal(good.Header("ETag"), stale.Header("ETag"));
        Assert.Equal(good.Body, stale.Body);
        Assert.Equal("public, max-age=3600", good.Header("Cache-Control"));
        Assert.Equal("public, max-age=30", stale.Header("Cache-Control"));
    }

    [Fact]
    public async Task HostileTextWrittenThroughTheServiceLeavesTheFeedValidWithOneEventPerSession()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        const string title = "שלום networking 🐧, Ünïcode; back\\slash";
        const string hostile = "Abstract\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:Injected\r\nEND:VEVENT";

        await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "bpf-updates", Title = title, Abstract = hostile },
            UpdateMask = FieldMask.FromString("title,abstract"),
        });
        var whole = await feeds.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-2015"), "/api/netconf-2015/calendar.ics");

        var calendar = await IcalJs.ParseAsync(whole.Text);
        Assert.Equal(30, calendar.Events.Count);
        Assert.DoesNotContain(calendar.Events, e => e.Uid == "injected");
        var talk = calendar.Events.Single(e => e.Uid == "netconf-2015/sessions/bpf-updates");
        Assert.Equal(title, talk.Summary);
        Assert.Contains("BEGIN:VEVENT", talk.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithinTheRevalidationWindowTheFeedsDoNotAskAgainAndAfterItTheySeeTheChange()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address, revalidateMilliseconds: 1500);
        Task<FeedResponse> Talk() => feeds.SendAsync((f, r) => f.SessionCalendar(r, "netconf-2015", "rhashtable"), "/api/netconf-2015/sessions/rhashtable.ics");
        var before = await Talk();

        await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "rhashtable", Title = "Resizable hash tables" },
            UpdateMask = FieldMask.FromString("title"),
        });
        var within = await Talk();
        await Task.Delay(TimeSpan.FromMilliseconds(1600));
        var after = await Talk();

        Assert.Equal(before.Header("ETag"), within.Header("ETag"));
        Assert.NotEqual(before.Header("ETag"), after.Header("ETag"));
        Assert.Contains("Resizable hash tables", after.Text, StringComparison.Ordinal);
    }
}
