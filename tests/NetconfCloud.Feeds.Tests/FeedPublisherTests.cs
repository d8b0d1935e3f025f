using System.Text.Json;
using NetconfCloud.Schedule;

namespace NetconfCloud.Feeds.Tests;

public class FeedPublisherTests
{
    private readonly FakeAgendaSource source = new(Agendas.Netconf2015);
    private readonly FeedPublisher publisher;

    public FeedPublisherTests() => publisher = Agendas.Publisher(source);

    private Task<FeedResult> Get(FeedKind kind, string argument = "", string conference = "netconf-2015") =>
        publisher.GetAsync(kind, conference, argument, CancellationToken.None);

    [Theory]
    [InlineData(FeedKind.Day, "2015-2-12")]
    [InlineData(FeedKind.Day, "12-02-2015")]
    [InlineData(FeedKind.Day, "2015-02-30")]
    [InlineData(FeedKind.Speaker, "Jamal Hadi Salim")]
    [InlineData(FeedKind.Session, "bpf_updates")]
    [InlineData(FeedKind.Session, "..")]
    public async Task AMalformedDateOrIdIsABadRequest(FeedKind kind, string argument) =>
        Assert.Equal(FeedStatus.BadRequest, (await Get(kind, argument)).Status);

    [Fact]
    public async Task AMalformedConferenceIdIsABadRequest() =>
        Assert.Equal(FeedStatus.BadRequest, (await Get(FeedKind.Event, conference: "Netconf 2015")).Status);

    [Theory]
    [InlineData(FeedKind.Day, "2015-02-14")]
    [InlineData(FeedKind.Speaker, "linus-torvalds")]
    [InlineData(FeedKind.Session, "no-such-talk")]
    public async Task AnUnknownDaySpeakerOrSessionIsNotFound(FeedKind kind, string argument)
    {
        var result = await Get(kind, argument);

        Assert.Equal(FeedStatus.NotFound, result.Status);
        Assert.Contains(argument, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFound() =>
        Assert.Equal(FeedStatus.NotFound, (await Get(FeedKind.Event, conference: "netconf-1999")).Status);

    [Fact]
    public async Task WithTheAgendaUnreadableAndNothingRenderedBeforeTheAnswerIsUnavailable()
    {
        source.Unavailable = true;

        var result = await Get(FeedKind.Event);

        Assert.Equal(FeedStatus.Unavailable, result.Status);
        Assert.Null(result.Document);
    }

    [Fact]
    public async Task WithTheAgendaUnreadableTheLastGoodRenderingIsServedWithItsETag()
    {
        var good = await Get(FeedKind.Day, "2015-02-12");
        source.Unavailable = true;

        var stale = await Get(FeedKind.Day, "2015-02-12");

        Assert.Equal(FeedStatus.Ok, stale.Status);
        Assert.True(stale.Stale);
        Assert.Equal(good.Document!.ETag, stale.Document!.ETag);
        Assert.Equal(FeedStatus.Unavailable, (await Get(FeedKind.Day, "2015-02-13")).Status);
    }

    [Fact]
    public async Task WithTheAgendaUnreadableFeedsStillKeptAreServedAndTheLeastRecentlyUsedWasDropped()
    {
        // Long abstracts: the whole event is about 0.6 MiB and each day about 0.3 MiB, against a cap of 1 MiB.
        var longAbstract = string.Concat(Enumerable.Repeat("A long abstract. ", 1200));
        source.Agenda = Agendas.Netconf2015 with { Sessions = [.. Agendas.Netconf2015.Sessions.Select(s => s with { Abstract = longAbstract })] };
        var capped = Agendas.Publisher(source, new FeedOptions { PublicBaseUrl = Agendas.Options.PublicBaseUrl, FeedCacheMegabytes = 1 });
        Task<FeedResult> GetCapped(FeedKind kind, string argument = "") => capped.GetAsync(kind, "netconf-2015", argument, CancellationToken.None);
        var thursday = await GetCapped(FeedKind.Day, "2015-02-12");
        await GetCapped(FeedKind.Event);
        await GetCapped(FeedKind.Day, "2015-02-12");
        var friday = await GetCapped(FeedKind.Day, "2015-02-13");
        source.Unavailable = true;

        var staleThursday = await GetCapped(FeedKind.Day, "2015-02-12");
        var staleFriday = await GetCapped(FeedKind.Day, "2015-02-13");
        var whole = await GetCapped(FeedKind.Event);

        Assert.Equal(thursday.Document!.ETag, staleThursday.Document!.ETag);
        Assert.True(staleThursday.Stale);
        Assert.Equal(friday.Document!.ETag, staleFriday.Document!.ETag);
        Assert.Equal(FeedStatus.Unavailable, whole.Status);
        Assert.InRange(capped.Feeds.Weight, 1, 1024 * 1024);
    }

    [Fact]
    public async Task ARenderingIsReusedUntilTheAgendaVersionMoves()
    {
        var first = (await Get(FeedKind.Event)).Document!;
        var again = (await Get(FeedKind.Event)).Document!;
        source.Agenda = Agendas.Netconf2015.With("bpf-updates", s => s with { Title = "BPF" }, Agendas.SeededAt.AddHours(1));
        var changed = (await Get(FeedKind.Event)).Document!;

        Assert.Same(first, again);
        Assert.NotEqual(first.ETag, changed.ETag);
        Assert.Equal(Agendas.SeededAt.AddHours(1), changed.LastModified);
    }

    [Fact]
    public async Task SponsorsAreListedInPublishedOrderAsJson()
    {
        var result = await Get(FeedKind.Sponsors);

        using var json = JsonDocument.Parse(result.Document!.Body);
        var sponsors = json.RootElement.GetProperty("sponsors").EnumerateArray().ToArray();
        Assert.Equal("application/json; charset=utf-8", result.Document.ContentType);
        Assert.Equal(["Mojatatu Networks", "Cumulus Networks", "Verizon", "Noiro Networks"], sponsors.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("Noiro Networks, a Cisco Project", sponsors[3].GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task TheIndexListsEveryFeedWithHttpsAndWebcalUrls()
    {
        var result = await Get(FeedKind.Index);

        using var json = JsonDocument.Parse(result.Document!.Body);
        var feeds = json.RootElement.GetProperty("feeds").EnumerateArray().ToArray();
        Assert.Equal(1 + 2 + 22 + 30 + 1 + 2, feeds.Length);
        var thursday = feeds.Single(f => f.GetProperty("title").GetString() == "Netconf 2015 — Thursday 12 February");
        Assert.Equal("https://feeds.example.test/api/netconf-2015/days/2015-02-12.ics", thursday.GetProperty("url").GetString());
        Assert.Equal("webcal://feeds.example.test/api/netconf-2015/days/2015-02-12.ics", thursday.GetProperty("webcalUrl").GetString());
        Assert.Contains(feeds, f => f.GetProperty("url").GetString() == "https://feeds.example.test/api/netconf-2015/sponsors");
    }

    [Fact]
    public async Task CalendarsAreServedAsUtf8TextCalendarWithAFileName()
    {
        var document = (await Get(FeedKind.Day, "2015-02-12")).Document!;

        Assert.Equal("text/calendar; charset=utf-8", document.ContentType);
        Assert.Equal("netconf-2015-2015-02-12.ics", document.FileName);
    }
}
