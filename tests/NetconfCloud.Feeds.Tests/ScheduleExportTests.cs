using System.Text.Json;
using System.Xml.Linq;
using NetconfCloud.Schedule;
using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>
/// The c3voc <c>schedule.json</c> and frab <c>schedule.xml</c> exports of the seeded agenda: valid against the
/// published schemas, one event per session that is not cancelled, identities that follow the iCalendar UID and
/// survive exports, times in the conference's zone. The round trip through our readers and the real import is in
/// the FeedFunctions tests, where the schedule service runs.
/// </summary>
public class ScheduleExportTests
{
    private static readonly AgendaSnapshot Agenda = Agendas.Netconf2015;

    /// <summary>The seed with two rooms and a track, the first morning's talks in the rooms, breaks and meals in none.</summary>
    private static readonly AgendaSnapshot WithRooms = Agenda with
    {
        Conference = Agenda.Conference with
        {
            Rooms = [new Room("main-hall", "Main Hall"), new Room("salle-b", "Salle Bénédicte")],
            Tracks = [new Track("kernel", "Kernel", "#1f77b4"), new Track("tools", "Tools", "")],
        },
        Sessions = [.. Agenda.Sessions.Select(s => s.Id switch
        {
            "introduction" => s with { RoomId = "main-hall", TrackId = "kernel" },
            "rhashtable" => s with { RoomId = "salle-b", TrackId = "tools", Language = "en", Subtitle = "Resizing", Links = [new Link("Slides", "https://example.org/rhashtable.pdf")] },
            _ => s,
        })],
    };

    private static async Task<JsonElement> JsonOf(AgendaSnapshot agenda)
    {
        using var json = JsonDocument.Parse(await Agendas.RenderAsync(agenda, FeedKind.C3voc));
        return json.RootElement.Clone();
    }

    private static async Task<XElement> XmlOf(AgendaSnapshot agenda) =>
        XDocument.Parse(await Agendas.RenderAsync(agenda, FeedKind.Frab)).Root!;

    private static IEnumerable<JsonElement> Events(JsonElement json) =>
        json.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray()));

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public async Task TheJsonExportIsValidAgainstTheC3vocSchema()
    {
        Assert.Empty(ScheduleSchemas.C3vocJsonProblems(await Agendas.RenderAsync(Agenda, FeedKind.C3voc)));
        Assert.Empty(ScheduleSchemas.C3vocJsonProblems(await Agendas.RenderAsync(WithRooms, FeedKind.C3voc)));
    }

    [Fact]
    public async Task TheXmlExportIsValidAgainstTheFrabSchema()
    {
        Assert.Empty(ScheduleSchemas.FrabXmlProblems(await Agendas.RenderAsync(Agenda, FeedKind.Frab)));
        Assert.Empty(ScheduleSchemas.FrabXmlProblems(await Agendas.RenderAsync(WithRooms, FeedKind.Frab)));
    }

    [Fact]
    public void TheSchemasRejectWhatIsNotASchedule()
    {
        Assert.NotEmpty(ScheduleSchemas.C3vocJsonProblems("""{"schedule": {"version": "1", "conference": {"acronym": "netconf-2015"}}}"""));
        Assert.NotEmpty(ScheduleSchemas.FrabXmlProblems("<schedule><version>1</version><conference/><day index='0' start='x' end='y'/></schedule>"));
    }

    [Fact]
    public async Task EverySessionIsOneEventInBothExportsWithTheSameGuidAndId()
    {
        var json = Events(await JsonOf(Agenda)).ToDictionary(e => Text(e, "guid"), e => e.GetProperty("id").GetInt32());
        var xml = (await XmlOf(Agenda)).Descendants("event").ToDictionary(e => (string)e.Attribute("guid")!, e => (int)e.Attribute("id")!);

        Assert.Equal(Agenda.Sessions.Count, json.Count);
        Assert.Equal(json.OrderBy(p => p.Key), xml.OrderBy(p => p.Key));
        Assert.Equal(json.Count, json.Values.Distinct().Count());
    }

    [Fact]
    public async Task ASessionWithoutASourceGuidGetsTheVersion5UuidOfItsCalendarUid()
    {
        var introduction = Events(await JsonOf(Agenda)).Single(e => Text(e, "slug") == "netconf_2015-introduction");

        // uuid.uuid5(uuid.UUID("27096002-45f3-4480-901d-5981bf67ca8f"), "netconf-2015/sessions/introduction") in Python.
        Assert.Equal("a0eec19f-bc00-5c66-acee-e789a6b6ce7f", Text(introduction, "guid"));
        Assert.Equal(ScheduleIdentities.NameBased(CalendarRenderer.Uid("netconf-2015", "introduction")).ToString(), Text(introduction, "guid"));
    }

    [Fact]
    public async Task ASessionImportedWithAGuidIsExportedWithThatGuid()
    {
        const string source = "0f3c1e5a-7b8d-4c2e-9a1f-6d5e4c3b2a10";
        var agenda = Agenda.With("bpf-updates", s => s with { SourceGuid = source }, Agendas.SeededAt);

        var json = Events(await JsonOf(agenda)).Single(e => Text(e, "slug") == "netconf_2015-bpf-updates");
        var xml = (await XmlOf(agenda)).Descendants("event").Single(e => (string?)e.Element("slug") == "netconf_2015-bpf-updates");

        Assert.Equal(source, Text(json, "guid"));
        Assert.Equal(source, (string?)xml.Attribute("guid"));
    }

    [Fact]
    public async Task GuidsAndIdsStayTheSameWhenTheAgendaChanges()
    {
        var before = Events(await JsonOf(Agenda)).ToDictionary(e => Text(e, "slug"), e => (Text(e, "guid"), e.GetProperty("id").GetInt32()));
        var added = Agenda.Sessions.Single(s => s.Id == "bpf-updates") with { Id = "late-addition", Title = "A late addition" };
        var moved = Agenda.With("introduction", s => s with { Title = "Welcome", Start = s.Start.AddMinutes(5) }, Agendas.SeededAt);
        var changed = moved with { Sessions = [.. moved.Sessions, added] };

        var after = Events(await JsonOf(changed)).ToDictionary(e => Text(e, "slug"), e => (Text(e, "guid"), e.GetProperty("id").GetInt32()));

        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
        Assert.Equal(before.Count + 1, after.Count);
    }

    [Fact]
    public async Task CancelledSessionsAreLeftOut()
    {
        var agenda = Agenda.With("user-space-dma", s => s with { Status = SessionStatus.Cancelled }, Agendas.SeededAt);

        var json = Events(await JsonOf(agenda)).Select(e => Text(e, "slug")).ToArray();
        var xml = (await XmlOf(agenda)).Descendants("event").ToArray();

        Assert.Equal(Agenda.Sessions.Count - 1, json.Length);
        Assert.DoesNotContain("netconf_2015-user-space-dma", json);
        Assert.Equal(json.Length, xml.Length);
    }

    [Fact]
    public async Task TheConferenceIsDescribedWithItsZoneDaysAndAgendaVersion()
    {
        var conference = (await JsonOf(Agenda)).GetProperty("schedule").GetProperty("conference");
        var xml = (await XmlOf(Agenda)).Element("conference")!;

        Assert.Equal(
            ("netconf_2015", "Netconf 2015", "2015-02-12", "2015-02-13", 2, "America/Toronto", "00:30"),
            (Text(conference, "acronym"), Text(conference, "title"), Text(conference, "start"), Text(conference, "end"),
                conference.GetProperty("daysCount").GetInt32(), Text(conference, "time_zone_name"), Text(conference, "timeslot_duration")));
        Assert.Equal(
            ("netconf_2015", "Netconf 2015", "2015-02-12", "2015-02-13", "2", "America/Toronto", "00:30"),
            ((string?)xml.Element("acronym"), (string?)xml.Element("title"), (string?)xml.Element("start"), (string?)xml.Element("end"),
                (string?)xml.Element("days"), (string?)xml.Element("time_zone_name"), (string?)xml.Element("timeslot_duration")));
        Assert.Equal(Agenda.Conference.AgendaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), (await JsonOf(Agenda)).GetProperty("schedule").GetProperty("version").GetString());
    }

    [Fact]
    public async Task TimesAreWallClockInTheConferenceZoneWithTheirOffset()
    {
        var json = await JsonOf(Agenda);
        var introduction = Events(json).Single(e => Text(e, "slug") == "netconf_2015-introduction");
        var thursday = json.GetProperty("schedule").GetProperty("conference").GetProperty("days")[0];
        var xml = (await XmlOf(Agenda)).Descendants("event").Single(e => (string?)e.Element("slug") == "netconf_2015-introduction");

        Assert.Equal(("2015-02-12T09:00:00-05:00", "09:00", "00:30", "2015-02-12T09:30:00-05:00"), (Text(introduction, "date"), Text(introduction, "start"), Text(introduction, "duration"), Text(introduction, "end")));
        Assert.Equal(("2015-02-12T09:00:00-05:00", "09:00", "00:30"), ((string?)xml.Element("date"), (string?)xml.Element("start"), (string?)xml.Element("duration")));
        Assert.Equal((1, "2015-02-12", "2015-02-12T09:00:00-05:00", "2015-02-12T17:00:00-05:00"), (thursday.GetProperty("index").GetInt32(), Text(thursday, "date"), Text(thursday, "day_start"), Text(thursday, "day_end")));
    }

    [Fact]
    public async Task SessionsWithoutARoomAreInARoomNamedWhereTheConferenceIs()
    {
        var json = await JsonOf(WithRooms);
        var rooms = json.GetProperty("schedule").GetProperty("conference").GetProperty("rooms").EnumerateArray().Select(r => Text(r, "name"));
        var thursday = json.GetProperty("schedule").GetProperty("conference").GetProperty("days")[0].GetProperty("rooms");
        var events = Events(json).ToDictionary(e => Text(e, "slug"));

        Assert.Equal(["Ottawa, Canada", "Main Hall", "Salle Bénédicte"], rooms);
        Assert.Equal(["Ottawa, Canada", "Main Hall", "Salle Bénédicte"], thursday.EnumerateObject().Select(r => r.Name));
        Assert.Equal(("Main Hall", "Kernel"), (Text(events["netconf_2015-introduction"], "room"), Text(events["netconf_2015-introduction"], "track")));
        Assert.Equal("Ottawa, Canada", Text(events["netconf_2015-thursday-morning-break"], "room"));
        Assert.Equal(JsonValueKind.Null, events["netconf_2015-thursday-morning-break"].GetProperty("track").ValueKind);
        Assert.Equal(["Ottawa, Canada"], (await XmlOf(Agenda)).Elements("day").Elements("room").Select(r => (string)r.Attribute("name")!).Distinct());
    }

    [Fact]
    public async Task AnEventCarriesItsPeopleLinksKindAndLanguage()
    {
        var events = Events(await JsonOf(WithRooms)).ToDictionary(e => Text(e, "slug"));
        var xml = (await XmlOf(WithRooms)).Descendants("event").Single(e => (string?)e.Element("slug") == "netconf_2015-rhashtable");

        var introduction = events["netconf_2015-introduction"];
        Assert.Equal(["Jamal Hadi Salim", "David S. Miller"], introduction.GetProperty("persons").EnumerateArray().Select(p => Text(p, "public_name")));
        // Netconf's speakers came from no source schedule: an id of ours, stable across exports, and no guid.
        Assert.Equal(487408125, introduction.GetProperty("persons")[0].GetProperty("id").GetInt32());
        Assert.False(introduction.GetProperty("persons")[0].TryGetProperty("guid", out _));
        Assert.Equal(("talk", "break"), (Text(introduction, "type"), Text(events["netconf_2015-thursday-morning-break"], "type")));
        var rhashtable = events["netconf_2015-rhashtable"];
        Assert.Equal(("en", "Resizing", "https://example.org/rhashtable.pdf", "Slides"), (Text(rhashtable, "language"), Text(rhashtable, "subtitle"), Text(rhashtable.GetProperty("links")[0], "url"), Text(rhashtable.GetProperty("links")[0], "title")));
        Assert.Equal("https://feeds.example.test/api/netconf-2015/sessions/rhashtable.ics", Text(rhashtable, "url"));
        Assert.Equal(("en", "https://example.org/rhashtable.pdf", "Slides", "Thomas Graf"), ((string?)xml.Element("language"), (string?)xml.Element("links")!.Element("link")!.Attribute("href"), (string?)xml.Element("links")!.Element("link"), (string?)xml.Element("persons")!.Element("person")));
    }

    [Fact]
    public async Task EveryPersonHasAnIdUniqueInTheExportAndTheSourcesOwnWhereItWasANumber()
    {
        var agenda = Agenda with { Speakers = [.. Agenda.Speakers.Select((s, i) => s with { SourceId = i == 0 ? "135" : i == 1 ? "0a8d7a5e-3c1b-4f6a-9d2e-1b2c3d4e5f60" : "" })] };

        var persons = (await XmlOf(agenda)).Descendants("person").Select(p => (Id: (int)p.Attribute("id")!, Guid: (string?)p.Attribute("guid"), Name: p.Value)).Distinct().ToArray();

        Assert.Equal(agenda.Speakers.Count(s => agenda.Sessions.Any(x => x.IsSpokenBy(s.Id) && x.Status == SessionStatus.Scheduled)), persons.Length);
        Assert.Equal(persons.Length, persons.Select(p => p.Id).Distinct().Count());
        Assert.Contains((135, (string?)null, agenda.Speakers[0].Name), persons);
        Assert.Contains(persons, p => p.Guid == "0a8d7a5e-3c1b-4f6a-9d2e-1b2c3d4e5f60" && p.Name == agenda.Speakers[1].Name);
    }

    [Fact]
    public async Task BreaksAndMealsAreNotForRecordingAndTalksKeepTheirRecordingTerms()
    {
        var agenda = Agenda.With("bpf-updates", s => s with { RecordingLicense = "CC BY 4.0", RecordingOptOut = true, FeedbackUrl = "https://example.org/feedback/bpf" }, Agendas.SeededAt);

        var xml = await XmlOf(agenda);

        string Recording(string slug) =>
            (string)xml.Descendants("event").Single(e => (string?)e.Element("slug") == slug).Element("recording")!.Element("optout")!;
        Assert.Equal(("true", "true", "false"), (Recording("netconf_2015-thursday-lunch"), Recording("netconf_2015-thursday-morning-break"), Recording("netconf_2015-rhashtable")));
        var bpf = xml.Descendants("event").Single(e => (string?)e.Element("slug") == "netconf_2015-bpf-updates");
        Assert.Equal(("CC BY 4.0", "true", "https://example.org/feedback/bpf"), ((string)bpf.Element("recording")!.Element("license")!, (string)bpf.Element("recording")!.Element("optout")!, (string?)bpf.Element("feedback_url")));
    }

    [Fact]
    public async Task TextOutsideAsciiIsWrittenAsItIs()
    {
        const string title = "Überprüfung der Netzwerk-Stacks — 网络 🚀 «ça marche»";
        var agenda = Agenda.With("bpf-updates", s => s with { Title = title, Abstract = "Ελληνικά & <markup>" }, Agendas.SeededAt);

        var json = await Agendas.RenderAsync(agenda, FeedKind.C3voc);
        var xml = await Agendas.RenderAsync(agenda, FeedKind.Frab);

        Assert.Contains("网络", json, StringComparison.Ordinal);
        Assert.Contains("Ελληνικά", json, StringComparison.Ordinal);
        Assert.Contains(title, xml, StringComparison.Ordinal);
        var jsonEvent = Events(JsonDocument.Parse(json).RootElement).Single(e => Text(e, "slug") == "netconf_2015-bpf-updates");
        var xmlEvent = XDocument.Parse(xml).Descendants("event").Single(e => (string?)e.Element("slug") == "netconf_2015-bpf-updates");
        Assert.Equal((title, "Ελληνικά & <markup>"), (Text(jsonEvent, "title"), Text(jsonEvent, "abstract")));
        Assert.Equal((title, "Ελληνικά & <markup>"), ((string?)xmlEvent.Element("title"), (string?)xmlEvent.Element("abstract")));
    }

    [Fact]
    public async Task TheExportsAreServedAsJsonAndXmlWithFileNamesAndListedInTheIndex()
    {
        var publisher = Agendas.Publisher(new FakeAgendaSource(Agenda));

        var json = (await publisher.GetAsync(FeedKind.C3voc, "netconf-2015", "", CancellationToken.None)).Document!;
        var xml = (await publisher.GetAsync(FeedKind.Frab, "netconf-2015", "", CancellationToken.None)).Document!;
        var index = (await publisher.GetAsync(FeedKind.Index, "netconf-2015", "", CancellationToken.None)).Document!;

        Assert.Equal(("application/json; charset=utf-8", "netconf-2015-schedule.json"), (json.ContentType, json.FileName));
        Assert.Equal(("application/xml; charset=utf-8", "netconf-2015-schedule.xml"), (xml.ContentType, xml.FileName));
        var feeds = JsonDocument.Parse(index.Body).RootElement.GetProperty("feeds").EnumerateArray()
            .Where(f => Text(f, "kind") is "c3voc" or "frab")
            .ToDictionary(f => Text(f, "kind"), f => (Text(f, "url"), Text(f, "contentType")));
        Assert.Equal(("https://feeds.example.test/api/netconf-2015/schedule.json", "application/json"), feeds["c3voc"]);
        Assert.Equal(("https://feeds.example.test/api/netconf-2015/schedule.xml", "application/xml"), feeds["frab"]);
    }

    [Fact]
    public async Task TheSameAgendaGivesTheSameBytes()
    {
        Assert.Equal(await Agendas.RenderAsync(Agenda, FeedKind.C3voc), await Agendas.RenderAsync(Agenda, FeedKind.C3voc));
        Assert.Equal(await Agendas.RenderAsync(Agenda, FeedKind.Frab), await Agendas.RenderAsync(Agenda, FeedKind.Frab));
    }
}
