using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NetconfCloud.Schedule;
using Xunit.Abstractions;

namespace NetconfCloud.Site.Tests;

public class PagePublisherTests(ITestOutputHelper output)
{
    private static readonly AgendaSnapshot Netconf = PageAgendas.Netconf;

    private static readonly DateTimeOffset DuringFirstTalk = Netconf.Sessions.Min(s => s.Start).AddMinutes(5);

    private static PagePublisher Publisher(FakeAgendaSource source, TimeProvider time) =>
        new(source, Microsoft.Extensions.Options.Options.Create(Agendas.Options), time, NullLogger<PagePublisher>.Instance);

    [Fact]
    public async Task ThePageIsHtmlWithTheSecurityHeadersAndAOneMinuteMaxAge()
    {
        var result = await Publisher(new FakeAgendaSource(Netconf), new FixedTime(DuringFirstTalk)).GetConferencePageAsync("netconf-2015", default);

        var document = result.Document!;
        Assert.Equal("text/html; charset=utf-8", document.ContentType);
        Assert.Equal(TimeSpan.FromSeconds(60), document.MaxAge);
        Assert.Equal(PageHeaders.ContentSecurityPolicy, document.Headers["Content-Security-Policy"]);
        Assert.Equal("nosniff", document.Headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", document.Headers["Referrer-Policy"]);
    }

    [Fact]
    public async Task ADayPageIsOneKeptDocumentWhileTheClockMovesAndItLinksTheNowPage()
    {
        var time = new FixedTime(DuringFirstTalk);
        var publisher = Publisher(new FakeAgendaSource(Netconf), time);
        var day = Netconf.Conference.Days[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = (await publisher.GetConferencePageAsync("netconf-2015", name => name == "day" ? day : null, default)).Document!;
        time.Now = Netconf.Sessions.Max(s => s.End);
        var later = (await publisher.GetConferencePageAsync("netconf-2015", name => name == "day" ? day : null, default)).Document!;

        Assert.Same(first, later);
        Assert.Same(first.Encoded(ContentCoding.Brotli), later.Encoded(ContentCoding.Brotli));
        Assert.Same(first.Encoded(ContentCoding.Gzip), later.Encoded(ContentCoding.Gzip));
        Assert.Equal(Netconf.Conference.AgendaUpdateTime, later.LastModified);
        Assert.Equal(Encoding.UTF8.GetString(later.Body), ConferencePage.Render(Netconf, Agendas.Options, time.Now, ConferenceView.All with { Day = Netconf.Conference.Days[0] }));
        var link = PageAgendas.Parse(Encoding.UTF8.GetString(later.Body)).QuerySelector("#now a[data-now]")!;
        Assert.Equal("/api/netconf-2015/now", link.GetAttribute("href"));
        Assert.True(first.IsNotModified(later.ETag, null));
    }

    [Fact]
    public async Task TheNowPageMovesWithTheClock()
    {
        var time = new FixedTime(DuringFirstTalk);
        var publisher = Publisher(new FakeAgendaSource(Netconf), time);
        var talk = Netconf.Sessions.Where(s => s.Status == SessionStatus.Scheduled).MinBy(s => s.Start)!;

        var during = (await publisher.GetNowPageAsync("netconf-2015", null, SiteLanguage.English, default)).Document!;
        time.Now = Netconf.Sessions.Max(s => s.End);
        var after = (await publisher.GetNowPageAsync("netconf-2015", null, SiteLanguage.English, default)).Document!;

        var content = PageAgendas.Parse(Encoding.UTF8.GetString(during.Body)).GetElementById("now-content")!;
        Assert.Contains(FeedText.Summary(talk), content.TextContent, StringComparison.Ordinal);
        Assert.Contains("The conference has ended.", Encoding.UTF8.GetString(after.Body), StringComparison.Ordinal);
        Assert.NotEqual(during.ETag, after.ETag);
        Assert.Equal(new[] { time.Now, Netconf.Conference.AgendaUpdateTime }.Max(), after.LastModified);
        Assert.Equal(PagePublisher.NowAndNextMaxAge, after.MaxAge);
        Assert.Equal(PageHeaders.ContentSecurityPolicy, after.Headers["Content-Security-Policy"]);
    }

    [Fact]
    public async Task TheNowPageRefusesAMalformedInstantAndAnUnknownConference()
    {
        var publisher = Publisher(new FakeAgendaSource(Netconf), TimeProvider.System);

        var malformed = await publisher.GetNowPageAsync("netconf-2015", "tomorrow", SiteLanguage.English, default);
        var unknown = await publisher.GetNowPageAsync("netconf-1999", null, SiteLanguage.English, default);

        Assert.Equal(FeedStatus.BadRequest, malformed.Status);
        Assert.Equal(FeedStatus.NotFound, unknown.Status);
    }

    [Fact]
    public async Task ANewAgendaVersionIsRenderedAgain()
    {
        var source = new FakeAgendaSource(Netconf);
        var publisher = Publisher(source, new FixedTime(DuringFirstTalk));
        await publisher.GetConferencePageAsync("netconf-2015", default);
        var talk = Netconf.Sessions.First(s => s.IsTalk && s.HasTitle);
        source.Agenda = Netconf.With(talk.Id, s => s with { Title = "A new title" }, Agendas.SeededAt.AddDays(1));

        var page = Encoding.UTF8.GetString((await publisher.GetConferencePageAsync("netconf-2015", default)).Document!.Body);

        Assert.Contains("A new title", page, StringComparison.Ordinal);
        Assert.Equal(1, publisher.PagesKept);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFoundAndAMalformedIdABadRequest()
    {
        var publisher = Publisher(new FakeAgendaSource(Netconf), TimeProvider.System);

        var unknown = await publisher.GetConferencePageAsync("netconf-1999", default);
        var malformed = await publisher.GetConferencePageAsync("Net Conf", default);
        var unknownNow = await publisher.GetNowAndNextAsync("netconf-1999", null, default);

        Assert.Equal((FeedStatus.NotFound, "No conference 'netconf-1999'."), (unknown.Status, unknown.Message));
        Assert.Equal(FeedStatus.BadRequest, malformed.Status);
        Assert.Equal(FeedStatus.NotFound, unknownNow.Status);
    }

    [Fact]
    public async Task WhenTheAgendaCannotBeReadTheLastGoodPageIsServedStaleOrElseUnavailable()
    {
        var source = new FakeAgendaSource(Netconf);
        var publisher = Publisher(source, new FixedTime(DuringFirstTalk));
        var fresh = await publisher.GetConferencePageAsync("netconf-2015", default);
        source.Unavailable = true;

        var stale = await publisher.GetConferencePageAsync("netconf-2015", default);
        var never = await Publisher(source, TimeProvider.System).GetConferencePageAsync("netconf-2015", default);
        var index = await Publisher(source, TimeProvider.System).GetIndexAsync(default);

        Assert.Equal((FeedStatus.Ok, true), (stale.Status, stale.Stale));
        Assert.Equal(fresh.Document!.Body, stale.Document!.Body);
        Assert.Equal(FeedStatus.Unavailable, never.Status);
        Assert.Equal(FeedStatus.Unavailable, index.Status);
    }

    [Fact]
    public async Task NowAndNextAnswersForTheInstantAskedAndRefusesAMalformedOne()
    {
        var publisher = Publisher(new FakeAgendaSource(Netconf), new FixedTime(DuringFirstTalk.AddDays(-30)));

        var asked = await publisher.GetNowAndNextAsync("netconf-2015", "2015-02-12T09:10:00-05:00", default);
        var now = await publisher.GetNowAndNextAsync("netconf-2015", null, default);
        var malformed = await publisher.GetNowAndNextAsync("netconf-2015", "12/02/2015 09:10", default);

        Assert.Contains("\"status\": \"during\"", Encoding.UTF8.GetString(asked.Document!.Body), StringComparison.Ordinal);
        Assert.Contains("\"status\": \"before\"", Encoding.UTF8.GetString(now.Document!.Body), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(30), asked.Document.MaxAge);
        Assert.Equal("application/json; charset=utf-8", asked.Document.ContentType);
        Assert.Equal(FeedStatus.BadRequest, malformed.Status);
    }

    [Fact]
    public async Task TheIndexListsTheConferencesOfTheSource()
    {
        var result = await Publisher(new FakeAgendaSource(Netconf), TimeProvider.System).GetIndexAsync(default);

        var page = PageAgendas.Parse(Encoding.UTF8.GetString(result.Document!.Body));
        Assert.Equal(["/api/netconf-2015"], page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("site.css", "text/css; charset=utf-8")]
    [InlineData("picks.js", "text/javascript; charset=utf-8")]
    public void AnAssetIsServedWithItsTypeAndKeptForADay(string file, string contentType)
    {
        var result = PageAssets.Find(file);

        Assert.Equal(contentType, result.Document!.ContentType);
        Assert.Equal(TimeSpan.FromDays(1), result.Document.MaxAge);
        Assert.NotEmpty(result.Document.Body);
        Assert.Matches("^\"[0-9a-f]{32}\"$", result.Document.ETag);
    }

    [Fact]
    public void AnUnknownAssetIsNotFound() => Assert.Equal(FeedStatus.NotFound, PageAssets.Find("../secrets.txt").Status);

    [Fact]
    public void TheScriptUsesTheDocumentedStorageKeysAndNoInlineHandlers()
    {
        var script = Encoding.UTF8.GetString(PageAssets.Get("picks.js")!.Body);

        Assert.Contains("\"netconfcloud:\" + conference + \":picks\"", script, StringComparison.Ordinal);
        Assert.Contains("\"netconfcloud:\" + conference + \":my\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStylesheetUsesNoWebFontOrOtherHost()
    {
        var css = Encoding.UTF8.GetString(PageAssets.Get("site.css")!.Body);

        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureTheNetconfPage()
    {
        var options = Agendas.Options;
        ConferencePage.Template(Netconf, options);
        var clock = Stopwatch.StartNew();
        var template = ConferencePage.Template(Netconf, options);
        var render = clock.Elapsed;
        clock.Restart();
        for (var i = 0; i < 100; i++)
        {
            template.With(ConferencePage.NowSection(Netconf, DuringFirstTalk, Agendas.Options));
        }

        output.WriteLine($"Netconf 2015: {Netconf.Sessions.Count} sessions, page {template.Length / 1024.0:F1} KiB, rendered in {render.TotalMilliseconds:F1} ms, a request's section and splice {clock.Elapsed.TotalMilliseconds / 100:F3} ms");
        Assert.True(template.Length > 0);
    }
}
