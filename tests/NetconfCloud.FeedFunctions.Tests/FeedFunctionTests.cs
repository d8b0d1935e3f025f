using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

[Collection(FeedsCollection.Name)]
public class FeedFunctionTests(FeedsFixture fixture)
{
    private FeedsApp App => fixture.App;

    private Task<FeedResponse> Thursday(string method = "GET", IDictionary<string, string>? headers = null) =>
        App.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "2015-02-12"), "/api/netconf-2015/days/2015-02-12.ics", method, headers);

    [Fact]
    public async Task TheThursdayFeedIsACalendarWithThursdaysSessionsAtOttawaTimes()
    {
        var response = await Thursday();

        Assert.Equal(200, response.Status);
        Assert.Equal("text/calendar; charset=utf-8", response.Header("Content-Type"));
        var calendar = await IcalJs.ParseAsync(response.Text);
        Assert.Equal(15, calendar.Events.Count);
        Assert.Equal(12, calendar.Events.Count(e => e.Categories.Contains("Talk")));
        Assert.Equal(new DateTimeOffset(2015, 2, 12, 14, 0, 0, TimeSpan.Zero), calendar.Events[0].Dtstart!.Utc);
        Assert.Equal(new DateTimeOffset(2015, 2, 12, 22, 0, 0, TimeSpan.Zero), calendar.Events[^1].Dtend!.Utc);
    }

    [Fact]
    public async Task AFeedIsInlineWithAFileNameAndCachedForTheRefreshInterval()
    {
        var response = await Thursday();

        Assert.Equal("inline; filename=netconf-2015-2015-02-12.ics", response.Header("Content-Disposition"));
        Assert.Equal("public, max-age=3600", response.Header("Cache-Control"));
        Assert.Equal("*", response.Header("Access-Control-Allow-Origin"));
        Assert.Matches("^\"[0-9a-f]{32}\"$", response.Header("ETag"));
        Assert.EndsWith("GMT", response.Header("Last-Modified"), StringComparison.Ordinal);
        Assert.Equal(response.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Header("Content-Length"));
    }

    [Fact]
    public async Task HeadHasTheHeadersOfGetAndNoBody()
    {
        var get = await Thursday();
        var head = await Thursday("HEAD");

        Assert.Equal(200, head.Status);
        Assert.Empty(head.Body);
        Assert.Equal(get.Header("ETag"), head.Header("ETag"));
        Assert.Equal(get.Header("Content-Length"), head.Header("Content-Length"));
    }

    [Fact]
    public async Task AKnownETagGetsNotModifiedWithoutABody()
    {
        var first = await Thursday();

        var again = await Thursday(headers: new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag") });

        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);
        Assert.Equal(first.Header("ETag"), again.Header("ETag"));
    }

    [Fact]
    public async Task UnchangedSinceLastModifiedGetsNotModified()
    {
        var first = await Thursday();

        var again = await Thursday(headers: new Dictionary<string, string> { ["If-Modified-Since"] = first.Header("Last-Modified") });

        Assert.Equal(304, again.Status);
    }

    [Fact]
    public async Task TwoRequestsGetTheSameBytes()
    {
        var first = await Thursday();
        var second = await Thursday();

        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task JamalHadiSalimsFeedHasHisThreeTalks()
    {
        var response = await App.SendAsync((f, r) => f.SpeakerCalendar(r, "netconf-2015", "jamal-hadi-salim"), "/api/netconf-2015/speakers/jamal-hadi-salim.ics");

        Assert.Equal(3, (await IcalJs.ParseAsync(response.Text)).Events.Count);
    }

    [Fact]
    public async Task TheWholeEventFeedHasEverySession()
    {
        var response = await App.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-2015"), "/api/netconf-2015/calendar.ics");

        Assert.Equal(30, (await IcalJs.ParseAsync(response.Text)).Events.Count);
    }

    [Fact]
    public async Task OneTalkCanBeAddedFromItsOwnFeed()
    {
        var response = await App.SendAsync((f, r) => f.SessionCalendar(r, "netconf-2015", "bpf-updates"), "/api/netconf-2015/sessions/bpf-updates.ics");

        var talk = Assert.Single((await IcalJs.ParseAsync(response.Text)).Events);
        Assert.Equal("bpf updates and next steps", talk.Summary);
    }

    [Fact]
    public async Task SponsorsAreJsonInPublishedOrder()
    {
        var response = await App.SendAsync((f, r) => f.Sponsors(r, "netconf-2015"), "/api/netconf-2015/sponsors");

        Assert.Equal(200, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.Header("Content-Type"));
        using var json = System.Text.Json.JsonDocument.Parse(response.Body);
        Assert.Equal(["mojatatu-networks", "cumulus-networks", "verizon", "noiro-networks"], json.RootElement.GetProperty("sponsors").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheIndexGivesWebcalLinks()
    {
        var response = await App.SendAsync((f, r) => f.FeedIndex(r, "netconf-2015"), "/api/netconf-2015/feeds");

        Assert.Contains("webcal://feeds.example.test/api/netconf-2015/calendar.ics", response.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-talk")]
    [InlineData("another-missing-one")]
    public async Task AnUnknownSessionIsNotFoundWithAShortText(string id)
    {
        var response = await App.SendAsync((f, r) => f.SessionCalendar(r, "netconf-2015", id), $"/api/netconf-2015/sessions/{id}.ics");

        Assert.Equal(404, response.Status);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.Contains(id, response.Text, StringComparison.Ordinal);
        Assert.True(response.Body.Length < 200);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFound()
    {
        var response = await App.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-1999"), "/api/netconf-1999/calendar.ics");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task AnUnknownDayIsNotFoundAndAMalformedOneIsABadRequest()
    {
        var saturday = await App.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "2015-02-14"), "/api/netconf-2015/days/2015-02-14.ics");
        var malformed = await App.SendAsync((f, r) => f.DayCalendar(r, "netconf-2015", "thursday"), "/api/netconf-2015/days/thursday.ics");

        Assert.Equal(404, saturday.Status);
        Assert.Equal(400, malformed.Status);
        Assert.Contains("YYYY-MM-DD", malformed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthIsOkInAFewBytesAndNeverCached()
    {
        var response = await App.SendAsync(HealthFunction.Health, "/api/health");

        Assert.Equal(200, response.Status);
        Assert.Equal("ok\n", response.Text);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("3", response.Header("Content-Length"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task HealthAnswersHeadWithoutABody()
    {
        var response = await App.SendAsync(HealthFunction.Health, "/api/health", "HEAD");

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Body);
        Assert.Equal("3", response.Header("Content-Length"));
    }

    [Fact]
    public async Task HealthReadsNothingSoItIsOkWithTheScheduleServiceUnreachable()
    {
        await using var unreachable = await FeedsApp.StartAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}"));

        var response = await unreachable.SendAsync(HealthFunction.Health, "/api/health");

        Assert.Equal(200, response.Status);
        Assert.Equal("ok\n", response.Text);
    }

    [Fact]
    public async Task AMalformedSpeakerIdIsABadRequest()
    {
        var response = await App.SendAsync((f, r) => f.SpeakerCalendar(r, "netconf-2015", "Jamal_Hadi"), "/api/netconf-2015/speakers/Jamal_Hadi.ics");

        Assert.Equal(400, response.Status);
    }
}
