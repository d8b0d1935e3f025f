using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>Real HTTP requests to the feeds, served by the real isolated worker.</summary>
[Collection(FeedsHostCollection.Name)]
public class EndToEndFeedTests(FeedsHostFixture fixture)
{
    private readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task TheWholeEventCalendarIsServedWithEverySession()
    {
        using var response = await http.GetAsync("/api/netconf-2015/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(30, (await IcalJs.ParseAsync(await response.Content.ReadAsStringAsync())).Events.Count);
    }

    [Fact]
    public async Task ACalendarAppGivenTheThursdayFeedSeesTheThursdayTalksAtOttawaTimes()
    {
        var calendar = await IcalJs.ParseAsync(await http.GetStringAsync("/api/netconf-2015/days/2015-02-12.ics"));

        var talks = calendar.Events.Where(e => e.Categories.Contains("Talk")).ToArray();
        Assert.Equal(12, talks.Length);
        Assert.All(talks, t => Assert.Equal("America/Toronto", t.Dtstart!.Tzid));
        Assert.Equal(("2015-02-12T09:00:00", new DateTimeOffset(2015, 2, 12, 14, 0, 0, TimeSpan.Zero)), (talks[0].Dtstart!.Local, talks[0].Dtstart!.Utc));
        Assert.Equal("2015-02-12T16:30:00", talks[^1].Dtstart!.Local);
    }

    [Fact]
    public async Task JamalHadiSalimsFeedHasThreeTalks()
    {
        var calendar = await IcalJs.ParseAsync(await http.GetStringAsync("/api/netconf-2015/speakers/jamal-hadi-salim.ics"));

        Assert.Equal(3, calendar.Events.Count);
    }

    [Fact]
    public async Task OneTalkHasItsOwnFeed()
    {
        var calendar = await IcalJs.ParseAsync(await http.GetStringAsync("/api/netconf-2015/sessions/jeff-kirsher-talk.ics"));

        Assert.Equal("Talk by Jeff Kirsher", Assert.Single(calendar.Events).Summary);
    }

    [Fact]
    public async Task SponsorsAreJsonInPublishedOrder()
    {
        using var response = await http.GetAsync("/api/netconf-2015/sponsors");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["Mojatatu Networks", "Cumulus Networks", "Verizon", "Noiro Networks"], json.RootElement.GetProperty("sponsors").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task TheIndexListsWebcalLinks()
    {
        var index = await http.GetStringAsync("/api/netconf-2015/feeds");

        Assert.Contains("webcal://", index, StringComparison.Ordinal);
        Assert.Contains("/netconf-2015/days/2015-02-13.ics", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnETagTheClientHasGetsNotModified()
    {
        using var first = await http.GetAsync("/api/netconf-2015/days/2015-02-13.ics");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/netconf-2015/days/2015-02-13.ics");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HeadAnswersWithHeadersOnly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/api/netconf-2015/calendar.ics");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 1000);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task FeedsAreOpenToAnyOriginAndCacheable()
    {
        using var response = await http.GetAsync("/api/netconf-2015/calendar.ics");

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl!.MaxAge);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task AnUnknownSessionIsNotFoundWithAShortText()
    {
        using var response = await http.GetAsync("/api/netconf-2015/sessions/no-such-talk.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-talk", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedDateIsABadRequest()
    {
        using var response = await http.GetAsync("/api/netconf-2015/days/12-02-2015.ics");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task APathNoFunctionServesIsNotFound()
    {
        using var response = await http.GetAsync("/api/netconf-2015/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AMethodTheFunctionDoesNotTakeIsRefused()
    {
        using var response = await http.PostAsync("/api/netconf-2015/sponsors", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")));

        Assert.False(response.IsSuccessStatusCode);
    }
}
