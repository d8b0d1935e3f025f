using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Playwright;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Browser.Tests;

/// <summary>The attendee pages installable and offline: a manifest, and a service worker keeping what was seen.</summary>
[Collection(BrowserCollection.Name)]
public class OfflineTests(BrowserFixture fixture)
{
    private const string Conference = "netconf-2015";

    [Fact]
    public async Task TheManifestNamesAnIconAndTheStartAndScopeOfTheSite()
    {
        using var manifest = JsonDocument.Parse(await fixture.Http.GetStringAsync(new Uri(fixture.Url("assets/manifest.webmanifest"))));
        var start = new Uri(new Uri(fixture.Url("assets/manifest.webmanifest")), manifest.RootElement.GetProperty("start_url").GetString());

        Assert.Equal(fixture.Url(""), start.ToString());
        Assert.Equal("standalone", manifest.RootElement.GetProperty("display").GetString());
        var icon = manifest.RootElement.GetProperty("icons")[0].GetProperty("src").GetString()!;
        using var answer = await fixture.Http.GetAsync(new Uri(new Uri(fixture.Url("assets/manifest.webmanifest")), icon));
        Assert.Equal("image/svg+xml", answer.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheAgendaTheTalksSeenAndThePicksAreThereOfflineAndRefreshWhenTheNetworkIsBack()
    {
        await using var browser = await fixture.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(fixture.Url(Conference));
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        // Now under the worker's control; the talk page visited and the other day (kept when the day page asked) are cached.
        await page.ReloadAsync();
        await page.CheckAsync("#pick-bpf-updates");
        await page.GotoAsync(fixture.Url($"{Conference}/sessions/network-stack-batching"));
        await page.WaitForFunctionAsync("async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0])).keys()).some(r => r.url.includes('day=2015-02-13'))");

        await browser.Context.SetOfflineAsync(true);
        var day = await page.GotoAsync(fixture.Url(Conference));
        var picked = await page.IsCheckedAsync("#pick-bpf-updates");
        var secondDay = await page.GotoAsync(fixture.Url($"{Conference}?day=2015-02-13"));
        var secondDayTitle = await page.Locator("#day-2015-02-13 h2").InnerTextAsync();
        var talk = await page.GotoAsync(fixture.Url($"{Conference}/sessions/network-stack-batching"));
        var talkTitle = await page.Locator("h1").InnerTextAsync();
        var unseen = await page.GotoAsync(fixture.Url($"{Conference}/sessions/flow-table-api"));

        Assert.Equal(200, day!.Status);
        Assert.True(picked);
        Assert.Equal((200, "Friday 13 February"), (secondDay!.Status, secondDayTitle));
        Assert.Equal((200, "batching of network stacks - progress report"), (talk!.Status, talkTitle));
        Assert.Equal(503, unseen!.Status);

        await browser.Context.SetOfflineAsync(false);
        await fixture.Server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = Conference,
            Session = new Session { Id = "network-stack-batching", Title = "batching of network stacks - final report" },
            UpdateMask = FieldMask.FromString("title"),
        });
        await page.GotoAsync(fixture.Url($"{Conference}/sessions/network-stack-batching"));

        Assert.Equal("batching of network stacks - final report", await page.Locator("h1").InnerTextAsync());
    }
}
