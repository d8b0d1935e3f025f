using AngleSharp.Html.Parser;

namespace NetconfCloud.Site.Tests;

/// <summary>The page of one feed: every way to add it, for the talks and speakers the conference page lists in one line.</summary>
public class SubscribePageTests
{
    [Theory]
    [InlineData("calendar.ics", FeedKind.Event, "")]
    [InlineData("days/2015-02-12.ics", FeedKind.Day, "2015-02-12")]
    [InlineData("speakers/jamal-hadi-salim.ics", FeedKind.Speaker, "jamal-hadi-salim")]
    [InlineData("rooms/main-hall.ics", FeedKind.Room, "main-hall")]
    [InlineData("tracks/kernel.ics", FeedKind.Track, "kernel")]
    [InlineData("sessions/bpf-updates.ics", FeedKind.Session, "bpf-updates")]
    public void AFeedsPathNamesItsKindAndArgument(string path, FeedKind kind, string argument)
    {
        var key = FeedKey.FromPath("netconf-2015", path);

        Assert.Equal(new FeedKey(kind, "netconf-2015", argument), key);
        Assert.Equal($"netconf-2015/{path}", key!.Path);
    }

    [Theory]
    [InlineData("sponsors")]
    [InlineData("schedule.json")]
    [InlineData("sessions/.ics")]
    [InlineData("talks/bpf-updates.ics")]
    [InlineData("sessions/bpf-updates")]
    public void APathOfNoCalendarIsNone(string path) => Assert.Null(FeedKey.FromPath("netconf-2015", path));

    [Fact]
    public void AMalformedArgumentIsABadRequest() =>
        Assert.Throws<FeedRequestException>(() => FeedKey.FromPath("netconf-2015", "days/12-02-2015.ics"));

    [Fact]
    public void ATalksPageHasEveryWayToAddItsFeed()
    {
        var agenda = Agendas.Netconf2015;
        var key = FeedKey.Parse(FeedKind.Session, agenda.Conference.Id, "bpf-updates");
        var expected = SubscribeLinks.For(Agendas.Options, key, "Netconf 2015 — BPF updates");

        var page = new HtmlParser().ParseDocument(SubscribePage.Render(agenda, key, "Netconf 2015 — BPF updates", Agendas.Options));

        Assert.Equal(
            [expected.Webcal.AbsoluteUri, expected.Google.AbsoluteUri, expected.Outlook.AbsoluteUri, expected.Apple.AbsoluteUri, expected.Download.AbsoluteUri],
            page.QuerySelectorAll("#subscribe ul.subscribe-links a").Select(a => a.GetAttribute("href")));
        Assert.Equal(expected.Https.AbsoluteUri, page.QuerySelector("#subscribe input[type=url]")!.GetAttribute("value"));
        Assert.Equal("/api/netconf-2015/sessions/bpf-updates", page.QuerySelector("header > p a")!.GetAttribute("href"));
        Assert.Contains("Android", page.GetElementById("android")!.TextContent, StringComparison.Ordinal);
        Assert.Single(page.QuerySelectorAll("h1"));
    }
}
