using System.Diagnostics;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NetconfCloud.Feeds;
using NetconfCloud.Site;
using Xunit.Abstractions;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>The attendee pages through their functions, over the real schedule service with the Netconf 2015 seed.</summary>
[Collection(FeedsCollection.Name)]
public class PageFunctionTests(FeedsFixture fixture)
{
    private FeedsApp App => fixture.App;

    private Task<FeedResponse> Page(string method = "GET", IDictionary<string, string>? headers = null) =>
        App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-2015"), "/api/netconf-2015", method, headers);

    [Theory]
    [InlineData("sessions/bpf-updates.ics", 200)]
    [InlineData("speakers/jamal-hadi-salim.ics", 200)]
    [InlineData("days/2015-02-12.ics", 200)]
    [InlineData("sessions/no-such-talk.ics", 404)]
    [InlineData("sponsors", 404)]
    [InlineData("days/12-02-2015.ics", 400)]
    public async Task EachFeedHasAPageOfEveryWayToAddIt(string feed, int status)
    {
        var response = await App.SendPageAsync((f, r) => f.SubscribePage(r, "netconf-2015", feed), $"/api/netconf-2015/subscribe/{feed}");

        Assert.Equal(status, response.Status);
        if (status == 200)
        {
            var page = new HtmlParser().ParseDocument(response.Text);
            Assert.Equal($"{FeedsApp.PublicBaseUrl}/netconf-2015/{feed}", page.QuerySelector("#subscribe input[type=url]")!.GetAttribute("value"));
            Assert.Equal(5, page.QuerySelectorAll("#subscribe ul.subscribe-links a").Length);
            Assert.Equal(PageHeaders.ContentSecurityPolicy, response.Header("Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task ABrowserTakingBrotliGetsThePageCompressedWithItsOwnETagAndA304ForIt()
    {
        var plain = await Page();
        var compressed = await Page(headers: new Dictionary<string, string> { ["Accept-Encoding"] = "gzip, deflate, br, zstd" });
        var again = await Page(headers: new Dictionary<string, string> { ["Accept-Encoding"] = "br", ["If-None-Match"] = compressed.Header("ETag") });

        Assert.Equal("br", compressed.Header("Content-Encoding"));
        Assert.Equal("Accept-Encoding, Accept-Language, Cookie", compressed.Header("Vary"));
        Assert.NotEqual(plain.Header("ETag"), compressed.Header("ETag"));
        using var input = new MemoryStream(compressed.Body);
        using var brotli = new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        await brotli.CopyToAsync(output);
        Assert.Equal(new HtmlParser().ParseDocument(plain.Text).QuerySelectorAll("article.session").Length,
            new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(output.ToArray())).QuerySelectorAll("article.session").Length);
        Assert.True(compressed.Body.Length < plain.Body.Length / 3);
        Assert.Equal(304, again.Status);
        Assert.Equal("", plain.Header("Content-Encoding"));
    }

    [Fact]
    public async Task ABrowserAskingForGermanGetsTheGermanPageThatVariesByLanguageAndSetsNoCookie()
    {
        var response = await Page(headers: new Dictionary<string, string> { ["Accept-Language"] = "de-AT,de;q=0.9,en;q=0.8" });

        var page = new HtmlParser().ParseDocument(response.Text);
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Donnerstag, 12. Februar", page.QuerySelector("#day-2015-02-12 h2")!.TextContent);
        Assert.Equal("Accept-Encoding, Accept-Language, Cookie", response.Header("Vary"));
        Assert.Equal("de", response.Header("Content-Language"));
        Assert.Equal("", response.Header("Set-Cookie"));
        Assert.StartsWith("public", response.Header("Cache-Control"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALanguageChosenWithHlIsRememberedInACookieThatWinsOverAcceptLanguage()
    {
        var chosen = await App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-2015"), "/api/netconf-2015?hl=fr", headers: new Dictionary<string, string> { ["Accept-Language"] = "de" });
        var cookie = chosen.Header("Set-Cookie");
        var next = await App.SendPageAsync((f, r) => f.SessionPage(r, "netconf-2015", "bpf-updates"), "/api/netconf-2015/sessions/bpf-updates",
            headers: new Dictionary<string, string> { ["Accept-Language"] = "de", ["Cookie"] = cookie.Split(';')[0] });

        Assert.Equal("fr", new HtmlParser().ParseDocument(chosen.Text).DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("hl=fr;", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/api", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("private", chosen.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.Equal("fr", new HtmlParser().ParseDocument(next.Text).DocumentElement.GetAttribute("lang"));
        Assert.Equal("", next.Header("Set-Cookie"));
    }

    [Fact]
    public async Task AnHlNamingNoLanguageOfTheSiteIsAPageSayingSoWithStatus400()
    {
        var response = await App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-2015"), "/api/netconf-2015?hl=tlh");

        Assert.Equal(400, response.Status);
        var page = new HtmlParser().ParseDocument(response.Text);
        Assert.Equal("hl 'tlh' is not a language of this site; it has en, de, fr, nl.", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("/api/netconf-2015?hl=de", page.QuerySelector("nav.languages a[hreflang=de]")!.GetAttribute("href"));
        Assert.Equal("", response.Header("Set-Cookie"));
    }

    [Fact]
    public async Task TheFeedsDoNotVaryByLanguage()
    {
        var feed = await App.SendAsync((f, r) => f.ConferenceCalendar(r, "netconf-2015"), "/api/netconf-2015/calendar.ics", headers: new Dictionary<string, string> { ["Accept-Language"] = "de" });

        Assert.Equal("Accept-Encoding", feed.Header("Vary"));
    }

    [Fact]
    public async Task TheConferencePageIsHtmlWithEverySessionOfTheSeedOneDayAtATime()
    {
        var response = await Page();
        var second = await App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-2015"), "/api/netconf-2015?day=2015-02-13");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.Header("Content-Type"));
        var page = new HtmlParser().ParseDocument(response.Text);
        var next = new HtmlParser().ParseDocument(second.Text);
        Assert.Equal("Linux Kernel Developers' Netconf 2015", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(30, page.QuerySelectorAll("#day-2015-02-12 article.session").Length + next.QuerySelectorAll("#day-2015-02-13 article.session").Length);
        Assert.Equal("09:00", page.QuerySelector("#day-2015-02-12 article.session .m time")!.TextContent);
    }

    [Fact]
    public async Task ABadParameterIsAPageSayingWhichWithStatus400()
    {
        var response = await App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-2015"), "/api/netconf-2015?day=2015-02-14");

        Assert.Equal(400, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("no-store", response.Header("Cache-Control"));
        var page = new HtmlParser().ParseDocument(response.Text);
        Assert.Equal("day must be one of the days of Netconf 2015: 2015-02-12, 2015-02-13.", page.QuerySelector("[role=alert] p")!.TextContent);
        Assert.Equal("/api/netconf-2015", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ATalkAndASpeakerHaveTheirOwnPagesAndAnUnknownOneIsAPage404()
    {
        var talk = await App.SendPageAsync((f, r) => f.SessionPage(r, "netconf-2015", "bpf-updates"), "/api/netconf-2015/sessions/bpf-updates");
        var speaker = await App.SendPageAsync((f, r) => f.SpeakerPage(r, "netconf-2015", "alexei-starovoitov"), "/api/netconf-2015/speakers/alexei-starovoitov");
        var unknown = await App.SendPageAsync((f, r) => f.SessionPage(r, "netconf-2015", "no-such-talk"), "/api/netconf-2015/sessions/no-such-talk");

        Assert.Equal((200, "bpf updates and next steps"), (talk.Status, new HtmlParser().ParseDocument(talk.Text).QuerySelector("h1")!.TextContent));
        Assert.Equal((200, "Alexei Starovoitov"), (speaker.Status, new HtmlParser().ParseDocument(speaker.Text).QuerySelector("h1")!.TextContent));
        Assert.Equal((404, "text/html; charset=utf-8"), (unknown.Status, unknown.Header("Content-Type")));
    }

    [Fact]
    public async Task ThePageCarriesTheSecurityHeadersAndIsKeptAMinute()
    {
        var response = await Page();

        Assert.Equal("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'", response.Header("Content-Security-Policy"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", response.Header("Referrer-Policy"));
        Assert.Equal("public, max-age=60", response.Header("Cache-Control"));
        Assert.Equal("", response.Header("Content-Disposition"));
    }

    [Fact]
    public async Task AKnownETagGetsNotModified()
    {
        var first = await Page();

        var again = await Page(headers: new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag") });

        Assert.Equal(304, again.Status);
        Assert.Empty(again.Body);
    }

    [Fact]
    public async Task HeadHasTheHeadersAndNoBody()
    {
        var get = await Page();
        var head = await Page("HEAD");

        Assert.Equal(200, head.Status);
        Assert.Empty(head.Body);
        Assert.Equal(get.Header("Content-Length"), head.Header("Content-Length"));
        Assert.Equal(get.Header("Content-Security-Policy"), head.Header("Content-Security-Policy"));
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFoundAndAMalformedIdABadRequest()
    {
        var unknown = await App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-1999"), "/api/netconf-1999");
        var malformed = await App.SendPageAsync((f, r) => f.ConferencePage(r, "Net_Conf"), "/api/Net_Conf");

        Assert.Equal((404, "No conference 'netconf-1999'."), (unknown.Status, unknown.Text.TrimEnd()));
        Assert.Equal(400, malformed.Status);
    }

    [Fact]
    public async Task TheIndexListsTheSeededConference()
    {
        var response = await App.SendPageAsync((f, r) => f.ConferenceIndexPage(r), "/api/");

        Assert.Equal(200, response.Status);
        var page = new HtmlParser().ParseDocument(response.Text);
        Assert.Contains("/api/netconf-2015", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task NowAndNextAnswersForTheInstantAsked()
    {
        var response = await App.SendPageAsync((f, r) => f.NowAndNext(r, "netconf-2015"), "/api/netconf-2015/now.json?at=2015-02-12T10:40:00-05:00");

        Assert.Equal(200, response.Status);
        Assert.Equal("public, max-age=30", response.Header("Cache-Control"));
        using var json = JsonDocument.Parse(response.Text);
        var room = Assert.Single(json.RootElement.GetProperty("rooms").EnumerateArray());
        Assert.Equal("during", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("thursday-morning-break", room.GetProperty("now").GetProperty("id").GetString());
        Assert.Equal("nftables-updates", room.GetProperty("next").GetProperty("id").GetString());
    }

    [Fact]
    public async Task NowAndNextRefusesAMalformedInstant()
    {
        var response = await App.SendPageAsync((f, r) => f.NowAndNext(r, "netconf-2015"), "/api/netconf-2015/now.json?at=yesterday");

        Assert.Equal(400, response.Status);
        Assert.StartsWith("at must be", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStylesheetIsServedForADay()
    {
        var response = await App.SendAsync(r => PageFunctions.PageAsset(r, "site.css"), "/api/assets/site.css");
        var missing = await App.SendAsync(r => PageFunctions.PageAsset(r, "nope.css"), "/api/assets/nope.css");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/css; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("public, max-age=86400", response.Header("Cache-Control"));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task TheFeedIndexNamesThePageAndNowAndNext()
    {
        var response = await App.SendAsync((f, r) => f.FeedIndex(r, "netconf-2015"), "/api/netconf-2015/feeds");

        using var json = JsonDocument.Parse(response.Text);
        Assert.Equal("https://feeds.example.test/api/netconf-2015", json.RootElement.GetProperty("page").GetString());
        Assert.Equal("https://feeds.example.test/api/netconf-2015/now.json", json.RootElement.GetProperty("nowAndNext").GetString());
    }
}

/// <summary>The page of a big imported conference (FOSDEM 2026: hundreds of events, dozens of rooms and tracks).</summary>
[Collection(FeedsCollection.Name)]
public class ImportedConferencePageTests(FeedsFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task TheFosdemPageHasEverySessionInItsRoomColumnAndIsMeasured()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var agenda = await ImportedConferenceFeedTests.ImportFosdemAsync(server);

        var clock = Stopwatch.StartNew();
        var first = await feeds.SendPageAsync((f, r) => f.ConferencePage(r, "fosdem-2026"), "/api/fosdem-2026");
        var firstTime = clock.Elapsed;
        clock.Restart();
        const int Requests = 20;
        for (var i = 0; i < Requests; i++)
        {
            await feeds.SendPageAsync((f, r) => f.ConferencePage(r, "fosdem-2026"), "/api/fosdem-2026");
        }

        var again = clock.Elapsed / Requests;
        clock.Restart();
        var page = new HtmlParser().ParseDocument(first.Text);
        var parse = clock.Elapsed;
        var sunday = new HtmlParser().ParseDocument((await feeds.SendPageAsync((f, r) => f.ConferencePage(r, "fosdem-2026"), "/api/fosdem-2026?day=2026-02-01")).Text);

        output.WriteLine($"FOSDEM 2026: {agenda.Sessions.Count} sessions, {agenda.Conference.Rooms.Count} rooms, {agenda.Conference.Tracks.Count} tracks; page {first.Body.Length / 1024.0:F0} KiB; first request (load + render) {firstTime.TotalMilliseconds:F0} ms, then {again.TotalMilliseconds:F1} ms a request; AngleSharp parse {parse.TotalMilliseconds:F0} ms");
        Assert.Equal(200, first.Status);
        Assert.Equal(agenda.Sessions.Count, page.QuerySelectorAll("article.session").Length + sunday.QuerySelectorAll("article.session").Length);
        Assert.Equal(agenda.Conference.Tracks.Count, page.QuerySelectorAll("#tracks li").Length);
        Assert.All(page.QuerySelectorAll("table.grid"), table => Assert.True(table.QuerySelectorAll("thead th[scope=col]").Length > 2));
        Assert.Empty(page.QuerySelectorAll("[style], style"));
        var labelled = page.QuerySelectorAll("label[for]").Select(l => l.GetAttribute("for")).ToHashSet();
        Assert.All(page.QuerySelectorAll("input"), input => Assert.True(labelled.Contains(input.Id) || input.ParentElement!.LocalName == "label", input.Id));
    }
}
