using System.Text.Json;
using AngleSharp.Html.Parser;
using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Site;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>What changed, for everyone: the changes page and its Atom feed through their functions, over a real schedule service.</summary>
[Collection(FeedsCollection.Name)]
public class ChangeFunctionTests(FeedsFixture fixture)
{
    private const string Base = FeedsApp.PublicBaseUrl;

    private static Task<FeedResponse> Feed(FeedsApp feeds, IDictionary<string, string>? headers = null) =>
        feeds.CallAsync<ChangeFunctions>((f, r) => f.ChangesFeed(r, "netconf-2015"), "/api/netconf-2015/changes.atom", headers: headers);

    private static Task<FeedResponse> Page(FeedsApp feeds, string query = "") =>
        feeds.CallAsync<ChangeFunctions>((f, r) => f.ChangesPage(r, "netconf-2015"), "/api/netconf-2015/changes" + query);

    /// <summary>Retitles bpf-updates, moves rhashtable by an hour, cancels user-space-dma: three versions.</summary>
    private static async Task ThreeChangesAsync(ScheduleServer server)
    {
        var writer = server.WriterClient;
        await writer.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "bpf-updates", Title = "BPF: what is new" }, UpdateMask = FieldMask.FromString("title") });
        var talk = await writer.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "rhashtable" });
        await writer.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "rhashtable", StartTime = Timestamp.FromDateTimeOffset(talk.StartTime.ToDateTimeOffset().AddHours(1)), EndTime = Timestamp.FromDateTimeOffset(talk.EndTime.ToDateTimeOffset().AddHours(1)) },
            UpdateMask = FieldMask.FromString("start_time,end_time"),
        });
        await writer.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "user-space-dma" });
    }

    [SkippableFact]
    public async Task FeedparserReadsTheFeedAsAtomWithEveryRequiredElementAndEntriesNewestFirst()
    {
        Feedparser.SkipUnlessAvailable();
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await ThreeChangesAsync(server);

        var response = await Feed(feeds);
        var parsed = await Feedparser.ParseAsync(response.Body);

        Assert.Equal("application/atom+xml; charset=utf-8", response.Header("Content-Type"));
        Assert.False(parsed.GetProperty("bozo").GetBoolean(), parsed.GetProperty("problem").GetString());
        Assert.Equal("atom10", parsed.GetProperty("version").GetString());
        var feed = parsed.GetProperty("feed");
        Assert.Equal("tag:feeds.example.test,2026:netconf-2015/changes", feed.GetProperty("id").GetString());
        Assert.Equal("Netconf 2015: what changed", feed.GetProperty("title").GetString());
        Assert.NotEqual("", feed.GetProperty("updated").GetString());
        Assert.NotEqual("", feed.GetProperty("author").GetString());
        var links = feed.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString());
        Assert.Equal($"{Base}/netconf-2015/changes.atom", links["self"]);
        Assert.Equal($"{Base}/netconf-2015/changes", links["alternate"]);
        var entries = parsed.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(["Cancelled: User Space DMA", "Moved: rhashtable - Concurrent, lockless hash table with deferred resizing", "Retitled: BPF: what is new"], entries.Select(e => e.GetProperty("title").GetString()));
        Assert.Equal($"{Base}/netconf-2015/sessions/user-space-dma", entries[0].GetProperty("link").GetString());
        Assert.Contains("moved from Thu 12 Feb 09:30–10:00 to Thu 12 Feb 10:30–11:00", entries[1].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("was titled “bpf updates and next steps”", entries[2].GetProperty("content").GetString(), StringComparison.Ordinal);
        var updated = entries.Select(e => string.Join('-', e.GetProperty("updated_parsed").EnumerateArray().Select(n => n.GetInt32().ToString("D2", System.Globalization.CultureInfo.InvariantCulture)))).ToArray();
        Assert.Equal(updated.OrderDescending(StringComparer.Ordinal), updated);
    }

    [SkippableFact]
    public async Task EntryIdsStayTheSameAcrossRendersAndInstancesAndANewChangeAddsOneOnTop()
    {
        Feedparser.SkipUnlessAvailable();
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await using var other = await FeedsApp.StartAsync(server.Address);
        await ThreeChangesAsync(server);
        static async Task<string[]> Ids(FeedResponse response) =>
            [.. (await Feedparser.ParseAsync(response.Body)).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetString()!)];

        var first = await Ids(await Feed(feeds));
        var elsewhere = await Ids(await Feed(other));
        await server.WriterClient.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });
        var later = await Ids(await Feed(feeds));

        Assert.Equal(first, elsewhere);
        Assert.Equal(3, first.Distinct().Count());
        Assert.All(first, id => Assert.StartsWith("tag:feeds.example.test,2026:netconf-2015/changes/", id, StringComparison.Ordinal));
        Assert.Equal(first, later[1..]);
        Assert.EndsWith("/bpf-updates", later[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedHasAnETagAnswers304ForItAndIsCompressedForBrowsersThatAsk()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await ThreeChangesAsync(server);

        var plain = await Feed(feeds);
        var again = await Feed(feeds, new Dictionary<string, string> { ["If-None-Match"] = plain.Header("ETag") });
        var compressed = await Feed(feeds, new Dictionary<string, string> { ["Accept-Encoding"] = "br" });
        await server.WriterClient.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });
        var changed = await Feed(feeds, new Dictionary<string, string> { ["If-None-Match"] = plain.Header("ETag") });

        Assert.Equal(200, plain.Status);
        Assert.NotEqual("", plain.Header("ETag"));
        Assert.Equal(304, again.Status);
        Assert.Equal("br", compressed.Header("Content-Encoding"));
        Assert.Equal(200, changed.Status);
    }

    [Fact]
    public async Task ThePageListsEachChangeLinkingToItsTalkAndNamesTheFeed()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await ThreeChangesAsync(server);

        var response = await Page(feeds);

        Assert.Equal(200, response.Status);
        Assert.Equal(PageHeaders.ContentSecurityPolicy, response.Header("Content-Security-Policy"));
        var page = new HtmlParser().ParseDocument(response.Text);
        Assert.Equal("/api/netconf-2015/changes.atom", page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal(
            ["/api/netconf-2015/sessions/user-space-dma", "/api/netconf-2015/sessions/rhashtable", "/api/netconf-2015/sessions/bpf-updates"],
            page.QuerySelectorAll("main ul.changes li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Cancelled", "Moved", "Retitled"], page.QuerySelectorAll("main .change-kind").Select(k => k.TextContent));
        Assert.Null(page.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task TheConferencePageNamesTheFeedInItsHeadAndLinksToTheChanges()
    {
        var response = await fixture.App.SendPageAsync((f, r) => f.ConferencePage(r, "netconf-2015"), "/api/netconf-2015");

        var page = new HtmlParser().ParseDocument(response.Text);

        Assert.Equal("/api/netconf-2015/changes.atom", page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("header a[href='/api/netconf-2015/changes']"));
    }

    [Fact]
    public async Task OlderChangesArePagedWithAnOlderLinkThatGoesOnWhereTheFirstPageStopped()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        for (var i = 1; i <= 25; i++)
        {
            await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "bpf-updates", Title = $"Title {i}" }, UpdateMask = FieldMask.FromString("title") });
        }

        var first = new HtmlParser().ParseDocument((await Page(feeds)).Text);
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = new HtmlParser().ParseDocument((await Page(feeds, older[older.IndexOf('?', StringComparison.Ordinal)..])).Text);

        Assert.Equal(20, first.QuerySelectorAll("section.change-version").Length);
        Assert.Equal(5, second.QuerySelectorAll("section.change-version").Length);
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => $"Title {i}"),
            first.QuerySelectorAll("ul.changes li a").Concat(second.QuerySelectorAll("ul.changes li a")).Select(a => a.TextContent));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("?older=abc", 400)]
    [InlineData("?older=-3", 400)]
    [InlineData("?older=0", 400)]
    public async Task ABadOlderParameterIsAPageWithStatus400(string query, int status)
    {
        var response = await Page(fixture.App, query);

        Assert.Equal(status, response.Status);
        Assert.Contains("older must be a version number", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConferenceHasNoChangesPageOrFeed()
    {
        var page = await fixture.App.CallAsync<ChangeFunctions>((f, r) => f.ChangesPage(r, "netconf-1999"), "/api/netconf-1999/changes");
        var feed = await fixture.App.CallAsync<ChangeFunctions>((f, r) => f.ChangesFeed(r, "netconf-1999"), "/api/netconf-1999/changes.atom");

        Assert.Equal((404, 404), (page.Status, feed.Status));
    }

    [Fact]
    public async Task APersonalAgendaPageListsWhatChangedInItsTalksSinceTheVersionGivenAndNothingElse()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var created = await feeds.CallAsync<PersonalAgendaFunctions>((f, r) => f.Create(r, "netconf-2015"), "/api/netconf-2015/my", "POST", "session=bpf-updates&session=rhashtable", "application/x-www-form-urlencoded");
        var id = created.Header("Location")[(created.Header("Location").LastIndexOf('/') + 1)..];
        await server.WriterClient.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "rhashtable" });
        var seen = (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion;
        await ThreeChangesAsync(server);
        Task<FeedResponse> Mine(string query) =>
            feeds.CallAsync<PersonalAgendaFunctions>((f, r) => f.Agenda(r, "netconf-2015", id), $"/api/netconf-2015/my/{id}{query}");

        var since = new HtmlParser().ParseDocument((await Mine($"?since={seen}")).Text);
        var ever = new HtmlParser().ParseDocument((await Mine("")).Text);

        // After the version seen: bpf-updates retitled, rhashtable moved; not user-space-dma (not picked), not the earlier cancellation.
        Assert.Equal(["/api/netconf-2015/sessions/rhashtable", "/api/netconf-2015/sessions/bpf-updates"], since.QuerySelectorAll("#changed ul.changes li a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Moved", "Retitled", "Cancelled"], ever.QuerySelectorAll("#changed .change-kind").Select(k => k.TextContent));
        var version = (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion;
        Assert.Equal($"/api/netconf-2015/my/{id}?since={version}", since.QuerySelector("#since-link")!.GetAttribute("href"));
        Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture), since.Body!.GetAttribute("data-agenda-version"));
        var none = new HtmlParser().ParseDocument((await Mine($"?since={version}")).Text);
        Assert.Equal(ChangeTexts.English.InPicksNothing, none.QuerySelector("#changed .no-changes")!.TextContent);
    }

    [Theory]
    [InlineData("?since=yesterday")]
    [InlineData("?since=0")]
    public async Task ABadSinceOnAPersonalAgendaPageIsAPageWithStatus400(string query)
    {
        var created = await fixture.App.CallAsync<PersonalAgendaFunctions>((f, r) => f.Create(r, "netconf-2015"), "/api/netconf-2015/my", "POST", "session=bpf-updates", "application/x-www-form-urlencoded");
        var id = created.Header("Location")[(created.Header("Location").LastIndexOf('/') + 1)..];

        var response = await fixture.App.CallAsync<PersonalAgendaFunctions>((f, r) => f.Agenda(r, "netconf-2015", id), $"/api/netconf-2015/my/{id}{query}");

        Assert.Equal(400, response.Status);
        Assert.Contains("since must be an agenda version number", response.Text, StringComparison.Ordinal);
    }
}
