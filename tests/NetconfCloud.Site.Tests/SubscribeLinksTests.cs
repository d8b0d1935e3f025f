using System.Web;

namespace NetconfCloud.Site.Tests;

public class SubscribeLinksTests
{
    private static readonly FeedKey Thursday = FeedKey.Parse(FeedKind.Day, "netconf-2015", "2015-02-12");

    private static SubscribeLinks Links => SubscribeLinks.For(Agendas.Options, Thursday, "Netconf 2015 — Thursday 12 February");

    [Fact]
    public void TheWebcalLinkIsTheFeedAddressWithTheWebcalScheme() =>
        Assert.Equal("webcal://feeds.example.test/api/netconf-2015/days/2015-02-12.ics", Links.Webcal.AbsoluteUri);

    [Fact]
    public void TheGoogleLinkCarriesTheEncodedWebcalAddressAsCid()
    {
        var google = Links.Google;

        Assert.Equal("https://calendar.google.com/calendar/r", google.GetLeftPart(UriPartial.Path));
        Assert.Equal("?cid=webcal%3A%2F%2Ffeeds.example.test%2Fapi%2Fnetconf-2015%2Fdays%2F2015-02-12.ics", google.Query);
        Assert.Equal(Links.Webcal.AbsoluteUri, HttpUtility.ParseQueryString(google.Query)["cid"]);
    }

    [Fact]
    public void TheOutlookLinkCarriesTheHttpsAddressAndTheCalendarName()
    {
        var outlook = Links.Outlook;

        var query = HttpUtility.ParseQueryString(outlook.Query);
        Assert.Equal("https://outlook.live.com/calendar/0/addfromweb", outlook.GetLeftPart(UriPartial.Path));
        Assert.Equal(["url", "name"], query.AllKeys.Select(k => k!));
        Assert.Equal(FeedUrls.Https(Agendas.Options, Thursday).AbsoluteUri, query["url"]);
        Assert.Equal("Netconf 2015 — Thursday 12 February", query["name"]);
    }

    [Fact]
    public void AppleIsTheWebcalLinkAndTheDownloadAndCopyAddressesAreHttps()
    {
        Assert.Equal(Links.Webcal, Links.Apple);
        Assert.Equal(FeedUrls.Https(Agendas.Options, Thursday), Links.Download);
        Assert.Equal("https://feeds.example.test/api/netconf-2015/days/2015-02-12.ics", Links.Https.AbsoluteUri);
    }

    [Fact]
    public void APersonalAgendaFeedGetsTheSameLinksForItsAddress()
    {
        var links = SubscribeLinks.ForPersonalAgenda(Agendas.Options, "netconf-2015", "abcdefghijklmnopqrstuvwxyz", "Netconf 2015 — my agenda");

        Assert.Equal(PersonalAgendaRoutes.CalendarUrl(Agendas.Options, "netconf-2015", "abcdefghijklmnopqrstuvwxyz"), links.Https);
        Assert.Equal("webcal://feeds.example.test/api/netconf-2015/my/abcdefghijklmnopqrstuvwxyz/calendar.ics", links.Webcal.AbsoluteUri);
        Assert.Equal(links.Webcal.AbsoluteUri, HttpUtility.ParseQueryString(links.Google.Query)["cid"]);
        Assert.Equal(links.Https.AbsoluteUri, HttpUtility.ParseQueryString(links.Outlook.Query)["url"]);
    }

    [Fact]
    public void ANameWithAmpersandsAndQuotesSurvivesTheOutlookLink()
    {
        var links = new SubscribeLinks(new Uri("https://feeds.example.test/api/x/calendar.ics"), "R&D \"day\" + more");

        Assert.Equal("R&D \"day\" + more", HttpUtility.ParseQueryString(links.Outlook.Query)["name"]);
    }

    [Fact]
    public void TheMarkupHasEveryLinkTheCopyFieldAndADownloadAttribute()
    {
        var html = new HtmlWriter();
        Links.WriteTo(html, SiteLanguage.English, "thursday");

        var page = PageAgendas.Parse(html.ToString());
        var hrefs = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal([Links.Webcal.AbsoluteUri, Links.Google.AbsoluteUri, Links.Outlook.AbsoluteUri, Links.Apple.AbsoluteUri, Links.Download.AbsoluteUri, "#android"], hrefs);
        Assert.True(page.QuerySelector($"a[href='{Links.Download.AbsoluteUri}']")!.HasAttribute("download"));
        Assert.Equal(Links.Https.AbsoluteUri, page.QuerySelector("input#url-thursday")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("label[for='url-thursday']"));
    }
}
