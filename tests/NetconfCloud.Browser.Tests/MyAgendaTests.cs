using Google.Protobuf.WellKnownTypes;
using Microsoft.Playwright;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.Browser.Tests;

/// <summary>"My agenda" as an attendee makes it: three talks ticked on the page, a personal feed of exactly those, following a move.</summary>
[Collection(BrowserCollection.Name)]
public class MyAgendaTests(BrowserFixture fixture)
{
    private const string Conference = "netconf-2015";

    private static readonly string[] Picks = ["introduction", "rhashtable", "flow-table-api"];

    [Fact]
    public async Task ThreeTalksTickedMakeAFeedOfExactlyThoseThreeThatFollowsAMove()
    {
        await using var browser = await fixture.OpenAsync();
        await fixture.MakeAgendaAsync(browser.Page, Conference, Picks);
        await browser.Page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Artifacts, "netconf-2015-my-agenda.png"), FullPage = true });
        var feed = await browser.Page.Locator("#subscribe a[download]").GetAttributeAsync("href");

        var before = await IcalJs.ParseAsync(await fixture.Http.GetStringAsync(new Uri(feed!)));
        Assert.Equal(Picks.Select(p => $"{Conference}/sessions/{p}").Order(StringComparer.Ordinal), before.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.Equal("Netconf 2015 — my agenda", before.Calendar.XWrCalname);
        Assert.Empty(browser.Problems);

        var start = new DateTimeOffset(2015, 2, 13, 17, 30, 0, TimeSpan.FromHours(-5));
        await fixture.Server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = Conference,
            Session = new Session { Id = "rhashtable", StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)) },
            UpdateMask = FieldMask.FromString("start_time,end_time"),
        });

        var after = await IcalJs.ParseAsync(await fixture.Http.GetStringAsync(new Uri(feed!)));
        var moved = after.Events.Single(e => e.Uid == $"{Conference}/sessions/rhashtable");
        Assert.Equal(("2015-02-13T17:30:00", 1), (moved.Dtstart!.Local, moved.Sequence));
        Assert.Equal(3, after.Events.Count);
    }

    [Fact]
    public async Task PicksAndTheAgendaAreRememberedByTheBrowser()
    {
        await using var browser = await fixture.OpenAsync();
        await fixture.MakeAgendaAsync(browser.Page, Conference, "bpf-updates", "nftables-updates");
        var mine = browser.Page.Url;

        await browser.Page.GotoAsync(fixture.Url(Conference));

        Assert.True(await browser.Page.IsCheckedAsync("#pick-bpf-updates"));
        Assert.True(await browser.Page.IsCheckedAsync("#pick-nftables-updates"));
        Assert.False(await browser.Page.IsCheckedAsync("#pick-rhashtable"));
        Assert.Equal(mine, await browser.Page.Locator("#my-agenda-existing a").GetAttributeAsync("href"));
        Assert.Contains("2 talks", await browser.Page.Locator("#my-agenda button[type=submit]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQrCodeOnThePageReadsAsTheCalendarsWebcalAddress()
    {
        await using var browser = await fixture.OpenAsync();
        await fixture.MakeAgendaAsync(browser.Page, Conference, "bpf-updates");
        var webcal = await browser.Page.Locator("#subscribe a[href^='webcal:']").First.GetAttributeAsync("href");

        var decoded = await JsQrInPage.ReadAsync(browser.Page, "figure.qr svg");

        Assert.Equal(webcal, decoded);
        Assert.EndsWith("/calendar.ics", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingAndRevokingOnThePersonalPageWork()
    {
        await using var browser = await fixture.OpenAsync();
        await fixture.MakeAgendaAsync(browser.Page, Conference, "bpf-updates");
        var feed = await browser.Page.Locator("#subscribe a[download]").GetAttributeAsync("href");

        await browser.Page.CheckAsync("#edit-rhashtable");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await browser.Page.WaitForLoadStateAsync();
        var saved = await IcalJs.ParseAsync(await fixture.Http.GetStringAsync(new Uri(feed!)));
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke this agenda" }).ClickAsync();
        await browser.Page.WaitForURLAsync(url => !url.Contains("/my/", StringComparison.Ordinal));
        using var gone = await fixture.Http.GetAsync(new Uri(feed!));

        Assert.Equal(2, saved.Events.Count);
        Assert.Equal(System.Net.HttpStatusCode.Gone, gone.StatusCode);
    }
}
