using System.Text.Json;
using System.Web;
using Microsoft.Playwright;
using NetconfCloud.Testing;

namespace NetconfCloud.Browser.Tests;

/// <summary>The conference page in a real browser: it loads clean, its subscribe links lead to the right feeds, it is accessible and fits a phone.</summary>
[Collection(BrowserCollection.Name)]
public class AttendeePageTests(BrowserFixture fixture)
{
    private const string Conference = "netconf-2015";

    [Fact]
    public async Task ThePageLoadsWithNoConsoleErrorsAndAScreenshotIsKept()
    {
        await using var browser = await fixture.OpenAsync();

        var response = await browser.Page.GotoAsync(fixture.Url(Conference), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "netconf-2015.png"), FullPage = true });

        Assert.Equal(200, response!.Status);
        Assert.Empty(browser.Problems);
        Assert.Contains("Netconf 2015", await browser.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        // Our stylesheet and script were applied: the script showed the copy buttons it alone reveals.
        Assert.True(await browser.Page.Locator("button.copy").First.IsVisibleAsync());
        Assert.True(new FileInfo(Path.Combine(BrowserFixture.Artifacts, "netconf-2015.png")).Length > 10_000);
    }

    [Fact]
    public async Task OnAPhoneThePageFitsTheScreenWidth()
    {
        await using var browser = await fixture.OpenAsync(viewport: new ViewportSize { Width = 390, Height = 844 });

        await browser.Page.GotoAsync(fixture.Url(Conference), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "netconf-2015-phone.png") });
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 390 px screen");
        Assert.Empty(browser.Problems);
    }

    [Theory]
    [InlineData("netconf-2015", false)]
    [InlineData("netconf-2015", true)]
    [InlineData("", false)]
    [InlineData("netconf-2015/subscribe/sessions/bpf-updates.ics", false)]
    [InlineData("netconf-2015/sessions/bpf-updates", false)]
    [InlineData("netconf-2015/sessions/bpf-updates", true)]
    [InlineData("netconf-2015/speakers/alexei-starovoitov", false)]
    [InlineData("netconf-2015/speakers/alexei-starovoitov", true)]
    [InlineData("fosdem-2026?day=2026-02-01", false)]
    [InlineData("fosdem-2026?day=2026-02-01", true)]
    [InlineData("fosdem-2026?q=rust&track=rust", false)]
    [InlineData("fosdem-2026?q=rust&track=rust", true)]
    [InlineData("fosdem-2026?day=1999-01-01", false)]
    public async Task AxeFindsNoAccessibilityViolations(string path, bool darkScheme)
    {
        await using var browser = await fixture.OpenAsync();
        await browser.Page.EmulateMediaAsync(new() { ColorScheme = darkScheme ? ColorScheme.Dark : ColorScheme.Light });
        await browser.Page.GotoAsync(fixture.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });

        var (violations, passed) = await Axe.RunAsync(browser.Page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(passed >= 20, $"axe passed only {passed} rules: did it run?");
    }

    [Fact]
    public async Task AxeFindsNoAccessibilityViolationsOnAPersonalAgendaPage()
    {
        await using var browser = await fixture.OpenAsync();
        await fixture.MakeAgendaAsync(browser.Page, Conference, "bpf-updates");

        var (violations, _) = await Axe.RunAsync(browser.Page);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task EverySubscribeLinkLeadsToAFeedOfTheConference()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.Page.GotoAsync(fixture.Url(Conference));
        var talks = await browser.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('article.talk'), a => a.id.replace(/^session-/, ''))");
        var (links, copyable) = await LinksAsync(browser.Page);
        // Each day, talk and speaker has its own page, and each feed its page of every way to add it: follow them all, in the browser.
        var seen = new HashSet<string>(StringComparer.Ordinal) { browser.Page.Url };
        var queue = new Queue<string>(links.Where(IsPageOfTheConference));
        while (queue.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            await browser.Page.GotoAsync(next);
            talks = [.. talks, .. await browser.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('article.talk'), a => a.id.replace(/^session-/, ''))")];
            var (more, moreCopyable) = await LinksAsync(browser.Page);
            links = [.. links, .. more];
            copyable = [.. copyable, .. moreCopyable];
            foreach (var link in more.Where(IsPageOfTheConference))
            {
                queue.Enqueue(link);
            }
        }

        var webcal = links.Where(l => l.StartsWith("webcal:", StringComparison.Ordinal)).Select(l => "http:" + l["webcal:".Length..]).ToHashSet();
        var google = links.Where(l => l.StartsWith("https://calendar.google.com/", StringComparison.Ordinal))
            .Select(l => HttpUtility.ParseQueryString(new Uri(l).Query)["cid"]!).ToList();
        var outlook = links.Where(l => l.StartsWith("https://outlook.live.com/", StringComparison.Ordinal))
            .Select(l => HttpUtility.ParseQueryString(new Uri(l).Query)["url"]!).ToHashSet();
        var feeds = await FeedsOfTheIndexAsync(talks);

        Assert.All(google, cid => Assert.StartsWith("webcal://", cid, StringComparison.Ordinal));
        Assert.Equal(feeds, webcal.Order(StringComparer.Ordinal));
        Assert.Equal(feeds, google.Select(cid => "http:" + cid["webcal:".Length..]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(feeds, outlook.Order(StringComparer.Ordinal));
        Assert.Equal(feeds, copyable.Where(feeds.Contains).Distinct().Order(StringComparer.Ordinal));
        Assert.Subset(links.ToHashSet(), feeds.ToHashSet());
        Assert.Empty(browser.Problems);
        foreach (var feed in feeds)
        {
            using var answer = await fixture.Http.GetAsync(new Uri(feed));
            Assert.Equal((feed, System.Net.HttpStatusCode.OK, "text/calendar"), (feed, answer.StatusCode, answer.Content.Headers.ContentType?.MediaType));
        }

        var whole = await IcalJs.ParseAsync(await fixture.Http.GetStringAsync(new Uri(fixture.Url($"{Conference}/calendar.ics"))));
        Assert.Equal(30, whole.Events.Count);
    }

    /// <summary>A page of the conference (a day, a talk, a speaker, a subscribe page), not a feed, an export, a search or a personal agenda.</summary>
    private bool IsPageOfTheConference(string link)
    {
        var below = fixture.Url(Conference);
        var path = link.Split('#')[0];
        return (path.StartsWith(below + "?day=", StringComparison.Ordinal) && !path.Contains('&', StringComparison.Ordinal))
            || (path.StartsWith(below + "/", StringComparison.Ordinal) && !path.Contains('?', StringComparison.Ordinal)
                && (path.Contains("/subscribe/", StringComparison.Ordinal)
                    || ((path.Contains("/sessions/", StringComparison.Ordinal) || path.Contains("/speakers/", StringComparison.Ordinal)) && !path.EndsWith(".ics", StringComparison.Ordinal))));
    }

    private static async Task<(string[] Links, string[] Copyable)> LinksAsync(IPage page) =>
        (await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]'), a => a.href)"),
         await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('input[type=url]'), i => i.value)"));

    [Fact]
    public async Task AKeyboardReachesTheSkipLinkFirstAndTicksATalk()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.Page.GotoAsync(fixture.Url(Conference));

        await browser.Page.Keyboard.PressAsync("Tab");
        var first = await browser.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        await browser.Page.FocusAsync("#pick-bpf-updates");
        await browser.Page.Keyboard.PressAsync("Space");

        Assert.Equal("#main", first);
        Assert.True(await browser.Page.IsCheckedAsync("#pick-bpf-updates"));
        var outline = await browser.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }

    [Fact]
    public async Task WithScriptTheSearchActsOnTheLoadedDayAsOneTypesAndOnlyMyPicksShowsThePicked()
    {
        await using var browser = await fixture.OpenAsync();
        await browser.Page.GotoAsync(fixture.Url(Conference));
        var all = await browser.Page.Locator("article.session").CountAsync();

        await browser.Page.FillAsync("#find-q", "BPF");
        var typed = await browser.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('article.session:not(.filtered-out)'), a => a.id)");
        await browser.Page.FillAsync("#find-q", "");
        await browser.Page.CheckAsync("#pick-introduction");
        await browser.Page.CheckAsync("#find-mine");
        var mine = await browser.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('article.session:not(.filtered-out)'), a => a.id)");

        Assert.True(all > 10);
        Assert.Equal(["session-bpf-updates"], typed);
        Assert.Equal(["session-introduction"], mine);
        Assert.Contains("(1 talk)", await browser.Page.Locator(".picks-bar button").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await browser.Page.Locator(".picks-bar button").IsVisibleAsync());
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task ThePickCountStaysInViewWhileScrollingAndPicksOnATalksPageJoinThem()
    {
        await using var browser = await fixture.OpenAsync(viewport: new ViewportSize { Width = 1280, Height = 700 });
        await browser.Page.GotoAsync(fixture.Url($"{Conference}/sessions/rhashtable"));
        await browser.Page.CheckAsync("#pick-rhashtable");
        await browser.Page.GotoAsync(fixture.Url(Conference));
        await browser.Page.CheckAsync("#pick-bpf-updates");
        // The day's first talks at the top of the screen: the bar's own place is far below, so it holds at the bottom.
        await browser.Page.EvaluateAsync("() => document.getElementById('day-2015-02-12').scrollIntoView()");

        var bar = await browser.Page.Locator(".picks-bar").BoundingBoxAsync();
        Assert.NotNull(bar);
        Assert.InRange(bar.Y + bar.Height, 695, 701);
        Assert.Contains("(2 talks)", await browser.Page.Locator(".picks-bar button").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Page.Locator(".picks-bar button").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("/my/", StringComparison.Ordinal));
        Assert.Equal(2, await browser.Page.Locator("#picked li").CountAsync());
    }

    [Fact]
    public async Task WithoutJavaScriptTheAgendaReadsAndPickingStillWorks()
    {
        await using var browser = await fixture.OpenAsync(javaScript: false);
        await browser.Page.GotoAsync(fixture.Url(Conference));

        await browser.Page.CheckAsync("#pick-bpf-updates");
        await browser.Page.CheckAsync("#pick-nftables-updates");
        await browser.Page.Locator("#my-agenda button[type=submit]").ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("/my/", StringComparison.Ordinal));

        Assert.Equal(2, await browser.Page.Locator("#picked li").CountAsync());
        Assert.Empty(browser.Problems);
    }

    /// <summary>The calendar feeds the page should link: every calendar of the feed index but the sessions that are not talks.</summary>
    private async Task<List<string>> FeedsOfTheIndexAsync(IReadOnlyCollection<string> talks)
    {
        using var index = JsonDocument.Parse(await fixture.Http.GetStringAsync(new Uri(fixture.Url($"{Conference}/feeds"))));
        return [.. index.RootElement.GetProperty("feeds").EnumerateArray()
            .Where(f => f.GetProperty("contentType").GetString() == "text/calendar")
            .Where(f => f.GetProperty("kind").GetString() != "session" || talks.Contains(f.GetProperty("url").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal)))
            .Select(f => f.GetProperty("url").GetString()!)
            .Order(StringComparer.Ordinal)];
    }
}
