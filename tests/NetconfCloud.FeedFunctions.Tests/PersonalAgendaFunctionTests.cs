using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Feeds;
using NetconfCloud.Site;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// "My agenda" over HTTP: picks posted as the page's form or as JSON, the personal calendar read by ical.js, later
/// changes to the agenda followed, picks changed and revoked by the address alone, and bad input refused.
/// </summary>
[Collection(FeedsCollection.Name)]
public class PersonalAgendaFunctionTests(FeedsFixture fixture)
{
    private const string Conference = "netconf-2015";
    private const string Base = FeedsApp.PublicBaseUrl;

    private static string Form(params string[] picks) => string.Join('&', picks.Select(p => $"session={Uri.EscapeDataString(p)}"));

    private static Task<FeedResponse> Post(FeedsApp feeds, string body, string contentType = "application/x-www-form-urlencoded", string conference = Conference) =>
        feeds.CallAsync<PersonalAgendaFunctions>((f, r) => f.Create(r, conference), $"/api/{conference}/my", "POST", body, contentType);

    private static Task<FeedResponse> Calendar(FeedsApp feeds, string id) =>
        feeds.CallAsync<PersonalAgendaFunctions>((f, r) => f.Calendar(r, Conference, id), $"/api/{Conference}/my/{id}/calendar.ics");

    private static Task<FeedResponse> Agenda(FeedsApp feeds, string id, string method = "GET", string? body = null, string? contentType = null, Dictionary<string, string>? headers = null) =>
        feeds.CallAsync<PersonalAgendaFunctions>((f, r) => f.Agenda(r, Conference, id), $"/api/{Conference}/my/{id}", method, body, contentType, headers);

    private static string IdOf(FeedResponse created)
    {
        var location = created.Header("Location");
        Assert.StartsWith($"{Base}/{Conference}/my/", location, StringComparison.Ordinal);
        return location[(location.LastIndexOf('/') + 1)..];
    }

    [Fact]
    public async Task ThreePickedTalksMakeACalendarOfExactlyThoseThreeNamedMyAgenda()
    {
        var created = await Post(fixture.App, Form("bpf-updates", "rhashtable", "flow-table-api"));

        Assert.Equal(303, created.Status);
        var calendar = await Calendar(fixture.App, IdOf(created));

        Assert.Equal(200, calendar.Status);
        Assert.StartsWith("text/calendar", calendar.Header("Content-Type"), StringComparison.Ordinal);
        var parsed = await IcalJs.ParseAsync(calendar.Text);
        Assert.Equal(
            ["netconf-2015/sessions/bpf-updates", "netconf-2015/sessions/flow-table-api", "netconf-2015/sessions/rhashtable"],
            parsed.Events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
        Assert.Equal("Netconf 2015 — my agenda", parsed.Calendar.XWrCalname);
        Assert.Equal("Netconf 2015 — my agenda", parsed.Calendar.Name);
    }

    [Fact]
    public async Task AJsonRequestGetsTheAgendaWithEveryAddress()
    {
        var created = await Post(fixture.App, """{"sessionIds": ["bpf-updates", "rhashtable"]}""", "application/json");

        Assert.Equal(201, created.Status);
        Assert.Equal("no-store", created.Header("Cache-Control"));
        Assert.Equal("no-referrer", created.Header("Referrer-Policy"));
        var document = JsonDocument.Parse(created.Text).RootElement;
        var id = document.GetProperty("id").GetString()!;
        Assert.Equal($"{Base}/{Conference}/my/{id}", created.Header("Location"));
        Assert.Equal($"{Base}/{Conference}/my/{id}/calendar.ics", document.GetProperty("calendar").GetString());
        Assert.Equal($"webcal://feeds.example.test/api/{Conference}/my/{id}/calendar.ics", document.GetProperty("webcal").GetString());
        Assert.Equal($"{Base}/{Conference}/my/{id}/qr.svg", document.GetProperty("qr").GetString());
        Assert.Equal(["bpf-updates", "rhashtable"], document.GetProperty("sessionIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task APickedTalkMovedLaterShowsAtItsNewTimeAndACancelledOneIsCancelled()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var id = IdOf(await Post(feeds, Form("bpf-updates", "rhashtable", "flow-table-api")));
        var start = new DateTimeOffset(2015, 2, 13, 17, 30, 0, TimeSpan.FromHours(-5));

        await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = Conference,
            Session = new Session { Id = "bpf-updates", StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)) },
            UpdateMask = FieldMask.FromString("start_time,end_time"),
        });
        await server.WriterClient.CancelSessionAsync(new CancelSessionRequest { ConferenceId = Conference, SessionId = "rhashtable" });

        var events = (await IcalJs.ParseAsync((await Calendar(feeds, id)).Text)).Events.ToDictionary(e => e.Uid!);
        var moved = events["netconf-2015/sessions/bpf-updates"];
        Assert.Equal(("2015-02-13T17:30:00", 1), (moved.Dtstart!.Local, moved.Sequence));
        Assert.Equal("CANCELLED", events["netconf-2015/sessions/rhashtable"].Status);
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public async Task PicksAreChangedWithJsonAndAStaleIfMatchIsAConflict()
    {
        var created = JsonDocument.Parse((await Post(fixture.App, """{"sessionIds": ["bpf-updates"]}""", "application/json")).Text).RootElement;
        var id = created.GetProperty("id").GetString()!;
        var etag = created.GetProperty("etag").GetString()!;

        var changed = await Agenda(fixture.App, id, "PUT", """{"sessionIds": ["rhashtable", "introduction"]}""", "application/json",
            new() { ["If-Match"] = etag });
        var stale = await Agenda(fixture.App, id, "PUT", """{"sessionIds": ["bpf-updates"]}""", "application/json",
            new() { ["If-Match"] = etag });

        Assert.Equal(200, changed.Status);
        Assert.Equal(409, stale.Status);
        var uids = (await IcalJs.ParseAsync((await Calendar(fixture.App, id)).Text)).Events.Select(e => e.Uid);
        Assert.Equal(["netconf-2015/sessions/introduction", "netconf-2015/sessions/rhashtable"], uids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ThePagesFormsSaveAndRevokeAndARevokedCalendarIsGone()
    {
        var id = IdOf(await Post(fixture.App, Form("bpf-updates")));

        var saved = await Agenda(fixture.App, id, "POST", "action=save&" + Form("rhashtable", "nftables-updates"), "application/x-www-form-urlencoded");
        var savedCalendar = await IcalJs.ParseAsync((await Calendar(fixture.App, id)).Text);
        var revoked = await Agenda(fixture.App, id, "POST", "action=revoke", "application/x-www-form-urlencoded");
        var gone = await Calendar(fixture.App, id);

        Assert.Equal((303, $"{Base}/{Conference}/my/{id}"), (saved.Status, saved.Header("Location")));
        Assert.Equal(2, savedCalendar.Events.Count);
        Assert.Equal((303, $"{Base}/{Conference}"), (revoked.Status, revoked.Header("Location")));
        Assert.Equal(410, gone.Status);
        Assert.Contains("revoked", gone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VCALENDAR", gone.Text, StringComparison.Ordinal);
        Assert.Equal(410, (await Agenda(fixture.App, id)).Status);
        Assert.Equal(410, (await Agenda(fixture.App, id, "PUT", """{"sessionIds": ["bpf-updates"]}""", "application/json")).Status);
    }

    [Fact]
    public async Task DeleteRevokes()
    {
        var id = IdOf(await Post(fixture.App, Form("bpf-updates")));

        var deleted = await Agenda(fixture.App, id, "DELETE");

        var document = JsonDocument.Parse(deleted.Text).RootElement;
        Assert.Equal(200, deleted.Status);
        Assert.Equal(id, document.GetProperty("id").GetString());
        Assert.Empty(document.GetProperty("sessionIds").EnumerateArray());
        Assert.True(document.GetProperty("revokeTime").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
        Assert.Equal(410, (await Calendar(fixture.App, id)).Status);
    }

    [Theory]
    [InlineData("session=bpf-updates&session=no-such-talk", "'no-such-talk' is not a talk of Netconf 2015.", 1)]
    [InlineData("session=thursday-lunch", "'thursday-lunch' is a meal, not a talk.", 0)]
    [InlineData("", "Pick at least one talk (to stop using a personal agenda, revoke it).", 0)]
    public async Task BadPicksFromTheFormAreAPageSayingWhatIsWrongWithTheGoodPicksStillTicked(string form, string message, int kept)
    {
        var refused = await Post(fixture.App, form);

        Assert.Equal(400, refused.Status);
        Assert.Equal("text/html; charset=utf-8", refused.Header("Content-Type"));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(refused.Text);
        Assert.Equal(message, page.QuerySelector("[role=alert]")!.TextContent);
        Assert.DoesNotContain("session_ids", refused.Text, StringComparison.Ordinal);
        Assert.Equal("/api/netconf-2015/my", page.GetElementById("my-agenda")!.GetAttribute("action"));
        Assert.Equal(kept, page.QuerySelectorAll("#my-agenda input[name=session][checked]").Length);
    }

    [Theory]
    [InlineData("""{"sessionIds": ["bpf-updates", "no-such-talk"]}""", "session_ids[1]: 'no-such-talk' is not a talk of Netconf 2015.")]
    [InlineData("""{"sessionIds": []}""", "session_ids: pick at least one talk")]
    public async Task BadPicksFromAProgramAreRefusedWith400NamingTheField(string json, string message)
    {
        var refused = await Post(fixture.App, json, "application/json");

        Assert.Equal(400, refused.Status);
        Assert.Contains(message, refused.Text, StringComparison.Ordinal);
        Assert.StartsWith("text/plain", refused.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyPicksAreRefused()
    {
        var refused = await Post(fixture.App, Form([.. Enumerable.Range(0, 301).Select(i => $"talk-{i}")]));

        Assert.Equal(400, refused.Status);
        Assert.Contains("At most 300 talks; 301 were picked.", refused.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sessionIds": "bpf-updates"}""", "application/json", 400)]
    [InlineData("""{"sessionIds": [null]}""", "application/json", 400)]
    [InlineData("not json", "application/json", 400)]
    [InlineData("session=bpf-updates", "text/plain", 415)]
    public async Task ABodyThatIsNeitherAFormNorTheJsonShapeIsRefused(string body, string contentType, int status) =>
        Assert.Equal(status, (await Post(fixture.App, body, contentType)).Status);

    [Fact]
    public async Task ABodyOverSixtyFourKibibytesIsRefused() =>
        Assert.Equal(413, (await Post(fixture.App, Form([.. Enumerable.Range(0, 7000).Select(i => $"talk-{i:D4}")]))).Status);

    [Theory]
    [InlineData("too-short", 400)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaa", 404)]
    public async Task AMalformedIdIsABadRequestAndAnUnknownOneIsNotFound(string id, int status)
    {
        var response = await Calendar(fixture.App, id);

        Assert.Equal(status, response.Status);
        Assert.Equal("no-store", response.Header("Cache-Control"));
    }

    [Fact]
    public async Task PicksForAnUnknownConferenceAreNotFound()
    {
        var response = await Post(fixture.App, Form("bpf-updates"), conference: "no-such-conference");

        Assert.Equal(404, response.Status);
        Assert.Contains("no-such-conference", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQrCodeIsAnSvgThatReadsAsTheCalendarsWebcalAddressAndGoneWithTheAgenda()
    {
        var id = IdOf(await Post(fixture.App, Form("bpf-updates")));
        Task<FeedResponse> Qr() => fixture.App.CallAsync<PersonalAgendaFunctions>((f, r) => f.QrCode(r, Conference, id), $"/api/{Conference}/my/{id}/qr.svg");

        var qr = await Qr();
        var decoded = await JsQr.ReadSvgAsync(qr.Text);
        await Agenda(fixture.App, id, "DELETE");

        Assert.Equal(200, qr.Status);
        Assert.Equal("image/svg+xml; charset=utf-8", qr.Header("Content-Type"));
        Assert.Equal(PageHeaders.ContentSecurityPolicy, qr.Header("Content-Security-Policy"));
        var svg = System.Xml.Linq.XDocument.Parse(qr.Text).Root!;
        Assert.Equal(("svg", "img"), (svg.Name.LocalName, svg.Attribute("role")?.Value));
        Assert.Equal($"{Base.Replace("https://", "webcal://", StringComparison.Ordinal)}/{Conference}/my/{id}/calendar.ics", decoded?.Data);
        Assert.Equal(410, (await Qr()).Status);
    }

    [Fact]
    public async Task ABrowserGetsThePageOfTheAgendaAndAProgramItsJson()
    {
        var id = IdOf(await Post(fixture.App, Form("bpf-updates", "rhashtable")));

        var page = await Agenda(fixture.App, id);
        var json = await Agenda(fixture.App, id, headers: new() { ["Accept"] = "application/json" });

        Assert.Equal(200, page.Status);
        Assert.StartsWith("text/html", page.Header("Content-Type"), StringComparison.Ordinal);
        Assert.StartsWith("private", page.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Header("Referrer-Policy"));
        Assert.Contains("<svg", page.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"picked-bpf-updates\"", page.Text, StringComparison.Ordinal);
        Assert.Equal(id, JsonDocument.Parse(json.Text).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ThePersonalCalendarIsKeptOnlyByTheAsker()
    {
        var id = IdOf(await Post(fixture.App, Form("bpf-updates")));

        var calendar = await Calendar(fixture.App, id);

        Assert.StartsWith("private, max-age=", calendar.Header("Cache-Control"), StringComparison.Ordinal);
    }
}
