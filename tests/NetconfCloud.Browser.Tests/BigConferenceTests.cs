using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace NetconfCloud.Browser.Tests;

/// <summary>
/// FOSDEM 2026 and 38C3 as Chromium lays them out: every card under its room's heading on a desktop (measured boxes,
/// every card of every day), the headings and times held while the grid scrolls, a list naming the room on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BigConferenceTests(BrowserFixture fixture)
{
    private static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>The days a page offers and the events of the published file, read with XLinq (not our reader).</summary>
    private static int EventsIn(string file) =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Schedules", file)).Descendants("event").Count();

    [Theory]
    [InlineData("fosdem-2026", "fosdem-2026.xml")]
    [InlineData("38c3", "38c3-hub.xml")]
    public async Task OnADesktopEveryCardLiesInItsRoomsColumnOnEveryDay(string conference, string file)
    {
        await using var browser = await fixture.OpenAsync(viewport: Desktop);
        await browser.Page.GotoAsync(fixture.Url(conference));
        var days = await browser.Page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('nav.days a'), a => a.href)");
        var checkedCards = 0;
        var misplaced = new List<string>();

        foreach (var day in days)
        {
            await browser.Page.GotoAsync(day);
            var result = await browser.Page.EvaluateAsync<JsonElement>(Geometry);
            checkedCards += result.GetProperty("checked").GetInt32();
            misplaced.AddRange(result.GetProperty("misplaced").EnumerateArray().Select(m => m.GetString()!));
        }

        Assert.Empty(misplaced);
        Assert.Equal(EventsIn(file), checkedCards);
        Assert.Empty(browser.Problems);
    }

    /// <summary>
    /// For every card: the heading of the column named by its cell's place in the table (as the browser laid it out,
    /// rowspans included) must be its room's, and the card's box must lie within that heading's horizontal extent.
    /// Cards of sessions in no room must be in a row across every column.
    /// </summary>
    private const string Geometry = """
        () => {
          const misplaced = [];
          let checked = 0;
          for (const card of document.querySelectorAll("article.session")) {
            checked++;
            const table = card.closest("table.grid");
            const room = card.getAttribute("data-room");
            if (!table) { continue; }
            if (!room || !table.querySelector(`thead th[data-room="${room}"]`)) {
              if (!card.closest("tr.everywhere")) { misplaced.push(card.id + ": no room, not in a row for everyone"); }
              continue;
            }
            const heading = table.querySelector(`thead th[data-room="${room}"]`).getBoundingClientRect();
            const box = card.getBoundingClientRect();
            if (box.width === 0 || box.left < heading.left - 1 || box.right > heading.right + 1) {
              misplaced.push(`${card.id} (${room}): card ${Math.round(box.left)}–${Math.round(box.right)}, column ${Math.round(heading.left)}–${Math.round(heading.right)}`);
            }
          }
          return { checked, misplaced };
        }
        """;

    [Fact]
    public async Task RoomHeadingsAndTheTimeColumnStayInViewWhileTheGridScrolls()
    {
        await using var browser = await fixture.OpenAsync(viewport: Desktop);
        await browser.Page.GotoAsync(fixture.Url("fosdem-2026?day=2026-01-31"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "fosdem-2026.png") });
        await browser.Page.Locator(".grid-wrap").ScrollIntoViewIfNeededAsync();

        var held = await browser.Page.EvaluateAsync<JsonElement>("""
            () => {
              const wrap = document.querySelector(".grid-wrap");
              wrap.scrollIntoView();
              wrap.scrollTop = 3000; wrap.scrollLeft = 2000;
              const box = wrap.getBoundingClientRect();
              const heading = wrap.querySelector("thead th[data-room]").getBoundingClientRect();
              const rows = Array.from(wrap.querySelectorAll("tbody th[scope=row]")).map(th => th.getBoundingClientRect())
                .filter(r => r.bottom > box.top + 40 && r.top < box.bottom);
              return { scrolledDown: wrap.scrollTop, scrolledRight: wrap.scrollLeft,
                       headingTop: heading.top - box.top, timeLeft: rows.length ? rows[0].left - box.left : -1 };
            }
            """);
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "fosdem-2026-scrolled.png") });

        Assert.True(held.GetProperty("scrolledDown").GetDouble() > 1000, "the grid did not scroll down");
        Assert.True(held.GetProperty("scrolledRight").GetDouble() > 1000, "the grid did not scroll sideways");
        Assert.InRange(held.GetProperty("headingTop").GetDouble(), -1, 2);
        Assert.InRange(held.GetProperty("timeLeft").GetDouble(), -1, 2);
    }

    [Theory]
    [InlineData("fosdem-2026")]
    [InlineData("38c3")]
    public async Task OnAPhoneTheDayIsAListOfCardsEachNamingItsRoomAndNothingIsWiderThanTheScreen(string conference)
    {
        await using var browser = await fixture.OpenAsync(viewport: Phone);
        await browser.Page.GotoAsync(fixture.Url(conference), new() { WaitUntil = WaitUntilState.NetworkIdle });
        if (conference == "fosdem-2026")
        {
            await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "fosdem-2026-phone.png") });
        }

        var cards = await browser.Page.EvaluateAsync<JsonElement>("""
            () => Array.from(document.querySelectorAll("table.grid article.session[data-room]")).map(card => {
              const room = card.querySelector(".room");
              const heading = card.closest("table").querySelector(`thead th[data-room="${card.getAttribute("data-room")}"]`);
              return { id: card.id, shown: !!room && room.getBoundingClientRect().height > 0, room: room ? room.textContent : "", heading: heading.textContent };
            })
            """);
        var overflow = await browser.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");

        Assert.True(cards.GetArrayLength() > 50, $"only {cards.GetArrayLength()} cards");
        Assert.All(cards.EnumerateArray(), c => Assert.Equal((c.GetProperty("id").GetString(), true, c.GetProperty("heading").GetString()),
            (c.GetProperty("id").GetString(), c.GetProperty("shown").GetBoolean(), c.GetProperty("room").GetString())));
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 390 px screen");
        Assert.True(browser.Problems.Count == 0, string.Join("\n", browser.Problems));
    }

    [Fact]
    public async Task TheFirstViewOfFosdemIsSmallAndItsMeasuresAreKept()
    {
        await using var browser = await fixture.OpenAsync(viewport: Desktop);
        var response = await browser.Page.GotoAsync(fixture.Url("fosdem-2026"), new() { WaitUntil = WaitUntilState.Load });

        var measures = await browser.Page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = performance.getEntriesByType("navigation")[0];
              return { elements: document.getElementsByTagName("*").length,
                       allNodes: (() => { let n = 0; const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL); while (w.nextNode()) { n++; } return n; })(),
                       domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime, load: nav.loadEventEnd - nav.startTime,
                       transferSize: nav.transferSize, decodedBodySize: nav.decodedBodySize, encodedBodySize: nav.encodedBodySize,
                       height: document.documentElement.scrollHeight };
            }
            """);
        File.WriteAllText(Path.Combine(BrowserFixture.Artifacts, "fosdem-2026-measures.json"), measures.ToString());
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Url("fosdem-2026"));
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var brotli = await http.SendAsync(request);
        var compressed = (await brotli.Content.ReadAsByteArrayAsync()).Length;

        Assert.Equal(200, response!.Status);
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.True(compressed <= 150 * 1024, $"the first view is {compressed} bytes as Brotli");
        Assert.True(measures.GetProperty("allNodes").GetInt32() <= 8000, $"the first view has {measures.GetProperty("allNodes").GetInt32()} DOM nodes");
    }

    [Fact]
    public async Task ATalkPageIsSmallAndLinksItsSpeakersAndTheDayItIsOn()
    {
        await using var browser = await fixture.OpenAsync(viewport: Desktop);
        await browser.Page.GotoAsync(fixture.Url("fosdem-2026"));
        var first = await browser.Page.Locator("article.talk h3 a").First.GetAttributeAsync("href");

        var response = await browser.Page.GotoAsync(new Uri(new Uri(fixture.Url("")), first).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });
        using var request = new HttpRequestMessage(HttpMethod.Get, browser.Page.Url);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var brotli = await http.SendAsync(request);
        var compressed = (await brotli.Content.ReadAsByteArrayAsync()).Length;
        var speaker = await browser.Page.Locator(".facts a[href*='/speakers/']").First.GetAttributeAsync("href");
        var speakerPage = await browser.Page.GotoAsync(new Uri(new Uri(fixture.Url("")), speaker).ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal(200, speakerPage!.Status);
        Assert.True(compressed <= 15 * 1024, $"a talk page is {compressed} bytes as Brotli");
        Assert.Empty(browser.Problems);
    }
}
