using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NetconfCloud.Browser.Tests;

/// <summary>The public changes page in a real browser: accessible in light and dark, and an import of FOSDEM summarised.</summary>
[Collection(BrowserCollection.Name)]
public class ChangesPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData("fosdem-2026/changes", false)]
    [InlineData("fosdem-2026/changes", true)]
    [InlineData("netconf-2015/changes", false)]
    [InlineData("netconf-2015/changes", true)]
    public async Task AxeFindsNoAccessibilityViolationsOnTheChangesPage(string path, bool darkScheme)
    {
        await using var browser = await fixture.OpenAsync();
        await browser.Page.EmulateMediaAsync(new() { ColorScheme = darkScheme ? ColorScheme.Dark : ColorScheme.Light });
        await browser.Page.GotoAsync(fixture.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });

        var (violations, passed) = await Axe.RunAsync(browser.Page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(passed >= 15, $"axe passed only {passed} rules: did it run?");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task TheImportOfFosdemIsOneVersionListingTwentySessionsAndCountingTheRest()
    {
        await using var browser = await fixture.OpenAsync();

        var response = await browser.Page.GotoAsync(fixture.Url("fosdem-2026/changes"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "fosdem-2026-changes.png"), FullPage = true });
        var nodes = await browser.Page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
        var bytes = (await response!.BodyAsync()).Length;
        output.WriteLine($"fosdem-2026/changes: {bytes} bytes, {nodes} elements");

        Assert.Equal(1, await browser.Page.Locator("section.change-version").CountAsync());
        Assert.Equal(20, await browser.Page.Locator("ul.changes li").CountAsync());
        Assert.Matches(@"^\d+ new sessions\.$", await browser.Page.Locator("section.change-version p.counts").InnerTextAsync());
        Assert.Equal("application/atom+xml", await browser.Page.Locator("head link[rel=alternate]").GetAttributeAsync("type"));
    }
}
