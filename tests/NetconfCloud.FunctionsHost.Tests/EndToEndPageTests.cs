using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>The attendee pages through the real host: the API root, a conference's page, its assets and now.json, none shadowing another route.</summary>
[Collection(FeedsHostCollection.Name)]
public class EndToEndPageTests(FeedsHostFixture fixture)
{
    private readonly HttpClient http = fixture.Http;

    [Fact]
    public async Task TheRootThePageItsAssetsAndNowJsonAreServedThroughTheHost()
    {
        using var index = await http.GetAsync("/api/");
        using var page = await http.GetAsync("/api/netconf-2015");
        using var css = await http.GetAsync("/api/assets/site.css");
        using var now = await http.GetAsync("/api/netconf-2015/now.json?at=2015-02-12T09:10:00-05:00");

        Assert.Equal((HttpStatusCode.OK, "text/html"), (index.StatusCode, index.Content.Headers.ContentType!.MediaType));
        Assert.Contains("/api/netconf-2015", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType!.MediaType));
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Equal(15, document.QuerySelectorAll("#day-2015-02-12 article.session").Length);
        Assert.StartsWith("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType!.MediaType));
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        using var json = JsonDocument.Parse(await now.Content.ReadAsStringAsync());
        Assert.Equal("introduction", json.RootElement.GetProperty("rooms")[0].GetProperty("now").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ATalksPageAndItsCalendarEachGetTheirOwnFunction()
    {
        using var page = await http.GetAsync("/api/netconf-2015/sessions/bpf-updates");
        using var calendar = await http.GetAsync("/api/netconf-2015/sessions/bpf-updates.ics");
        using var speaker = await http.GetAsync("/api/netconf-2015/speakers/alexei-starovoitov");
        using var speakerCalendar = await http.GetAsync("/api/netconf-2015/speakers/alexei-starovoitov.ics");

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/calendar"), (calendar.StatusCode, calendar.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/html"), (speaker.StatusCode, speaker.Content.Headers.ContentType!.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/calendar"), (speakerCalendar.StatusCode, speakerCalendar.Content.Headers.ContentType!.MediaType));
    }

    [Fact]
    public async Task LiteralRoutesAreNotShadowedByTheConferencePage()
    {
        using var health = await http.GetAsync("/api/health");
        using var feeds = await http.GetAsync("/api/netconf-2015/feeds");
        using var sponsors = await http.GetAsync("/api/netconf-2015/sponsors");

        Assert.Equal("ok", (await health.Content.ReadAsStringAsync()).Trim());
        Assert.Equal("application/json", feeds.Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", sponsors.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AnUnknownConferencePageIsNotFound()
    {
        using var response = await http.GetAsync("/api/no-such-conference");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
