using Microsoft.Playwright;

namespace NetconfCloud.Browser.Tests;

/// <summary>The attendee pages in the browser's language: German for a German browser, a switch that is remembered, offline too.</summary>
[Collection(BrowserCollection.Name)]
public class LanguageTests(BrowserFixture fixture)
{
    private const string Conference = "netconf-2015";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AGermanBrowserGetsGermanAndTheSwitchToEnglishIsRememberedOnTheNextVisit(bool javaScript)
    {
        await using var browser = await fixture.OpenAsync(javaScript, locale: "de-DE");
        var page = browser.Page;

        await page.GotoAsync(fixture.Url(Conference), new() { WaitUntil = WaitUntilState.NetworkIdle });
        var german = (await Language(page), await page.Locator("#day-2015-02-12 h2").InnerTextAsync(), await page.Locator("#my-agenda button").InnerTextAsync());
        if (javaScript)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "netconf-2015-de.png"), FullPage = true });
        }

        await page.Locator("nav.languages a[hreflang=en]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("hl=en", StringComparison.Ordinal));
        var switched = (await Language(page), await page.Locator("#day-2015-02-12 h2").InnerTextAsync(), await page.Locator("nav.languages a[aria-current=true]").InnerTextAsync());
        await page.GotoAsync(fixture.Url($"{Conference}/sessions/bpf-updates"));
        var nextVisit = (await Language(page), await page.Locator(".facts dt").First.InnerTextAsync());

        Assert.Equal(("de", "Donnerstag, 12. Februar", "Meinen Kalender erstellen"), german);
        Assert.Equal(("en", "Thursday 12 February", "English"), switched);
        Assert.Equal(("en", "When"), nextVisit);
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task TheScriptCountsPicksInThePagesLanguage()
    {
        await using var browser = await fixture.OpenAsync(locale: "de-DE");
        await browser.Page.GotoAsync(fixture.Url(Conference));

        await browser.Page.CheckAsync("#pick-bpf-updates");

        Assert.Equal("Meinen Kalender erstellen (1 Vortrag)", await browser.Page.Locator("#my-agenda button").InnerTextAsync());
        Assert.Empty(browser.Problems);
    }

    [Theory]
    [InlineData(Conference, false)]
    [InlineData(Conference, true)]
    [InlineData("netconf-2015/sessions/bpf-updates", false)]
    [InlineData("fosdem-2026?day=2026-02-01", false)]
    [InlineData("netconf-2015?hl=fr", false)]
    [InlineData("netconf-2015?hl=nl", true)]
    public async Task AxeFindsNoAccessibilityViolationsOnTheGermanFrenchAndDutchPages(string path, bool darkScheme)
    {
        await using var browser = await fixture.OpenAsync(locale: "de-DE");
        await browser.Page.EmulateMediaAsync(new() { ColorScheme = darkScheme ? ColorScheme.Dark : ColorScheme.Light });
        await browser.Page.GotoAsync(fixture.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });

        var (violations, passed) = await Axe.RunAsync(browser.Page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(passed >= 20, $"axe passed only {passed} rules: did it run?");
    }

    [Fact]
    public async Task OfflineTheGermanPagesStayGermanAndAnUnseenPageSaysSoInGerman()
    {
        await using var browser = await fixture.OpenAsync(locale: "de-DE");
        var page = browser.Page;
        await page.GotoAsync(fixture.Url(Conference));
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0])).keys()).some(r => r.url.endsWith('assets/offline.html'))");

        await browser.Context.SetOfflineAsync(true);
        var day = await page.GotoAsync(fixture.Url(Conference));
        var dayTitle = (await Language(page), await page.Locator("#now h2").InnerTextAsync());
        var unseen = await page.GotoAsync(fixture.Url($"{Conference}/sessions/flow-table-api"));
        var unseenTitle = (await Language(page), await page.Locator("h1").InnerTextAsync());

        Assert.Equal((200, ("de", "Jetzt und danach")), (day!.Status, dayTitle));
        Assert.Equal((503, ("de", "Sie sind offline")), (unseen!.Status, unseenTitle));
    }

    private static Task<string> Language(IPage page) => page.EvaluateAsync<string>("() => document.documentElement.lang");
}
