using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Feeds;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Wire;
using NetconfCloud.Testing;
using Session = NetconfCloud.Schedule.Session;
using SessionStatus = NetconfCloud.Schedule.SessionStatus;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// The c3voc <c>schedule.json</c> and frab <c>schedule.xml</c> functions over the real schedule service: served with
/// validators like every feed, valid against the published schemas for the seed and for a real imported schedule
/// (FOSDEM 2026), and read back by our own readers and imported through the real <c>ImportAgenda</c> as a new
/// conference, the same agenda: the same sessions by guid with the same title, times, room, track and people.
/// </summary>
[Collection(FeedsCollection.Name)]
public class ScheduleExportFunctionTests(FeedsFixture fixture)
{
    public static TheoryData<string> Formats => ["json", "xml"];

    private static Task<FeedResponse> ExportAsync(FeedsApp feeds, string format, string conference, IDictionary<string, string>? headers = null) => format == "json"
        ? feeds.SendAsync((f, r) => f.C3vocSchedule(r, conference), $"/api/{conference}/schedule.json", headers: headers)
        : feeds.SendAsync((f, r) => f.FrabSchedule(r, conference), $"/api/{conference}/schedule.xml", headers: headers);

    [Theory]
    [InlineData("json", "application/json; charset=utf-8")]
    [InlineData("xml", "application/xml; charset=utf-8")]
    public async Task AnExportIsServedWithItsContentTypeAndIsNotModifiedForItsETag(string format, string contentType)
    {
        var first = await ExportAsync(fixture.App, format, "netconf-2015");
        var again = await ExportAsync(fixture.App, format, "netconf-2015", new Dictionary<string, string> { ["If-None-Match"] = first.Header("ETag") });

        Assert.Equal((200, contentType), (first.Status, first.Header("Content-Type")));
        Assert.Equal($"inline; filename=netconf-2015-schedule.{format}", first.Header("Content-Disposition"));
        Assert.Equal((304, 0), (again.Status, again.Body.Length));
        Assert.Equal(first.Header("ETag"), again.Header("ETag"));
    }

    [Fact]
    public async Task AnUnknownConferenceHasNoExport()
    {
        var response = await ExportAsync(fixture.App, "xml", "netconf-1999");

        Assert.Equal((404, "No conference 'netconf-1999'."), (response.Status, response.Text.TrimEnd()));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Netconf2015ExportedAndImportedAsANewConferenceIsTheSameAgenda(string format)
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var original = await ReadAsync(server, "netconf-2015");

        var export = await ExportAsync(feeds, format, "netconf-2015");
        var copy = await ImportAsync(server, "netconf-2015-copy", export.Text, $"schedule.{format}");

        AssertSameAgenda(original, copy);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Fosdem2026ExportsAreValidAgainstThePublishedSchemas(string format)
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await ImportAsync(server, "fosdem-2026", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml")), "fosdem-2026.xml");

        var export = await ExportAsync(feeds, format, "fosdem-2026");

        Assert.Equal(200, export.Status);
        Assert.Empty(format == "json" ? ScheduleSchemas.C3vocJsonProblems(export.Text) : ScheduleSchemas.FrabXmlProblems(export.Text));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Fosdem2026ExportsGiveEveryEventTheGuidOfTheFile(string format)
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var agenda = await ImportAsync(server, "fosdem-2026", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml")), "fosdem-2026.xml");

        var export = await ExportAsync(feeds, format, "fosdem-2026");

        var guids = format == "json"
            ? JsonDocument.Parse(export.Text).RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
                .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray()))
                .Select(e => e.GetProperty("guid").GetString()!)
            : XDocument.Parse(export.Text).Descendants("event").Select(e => (string)e.Attribute("guid")!);
        Assert.Equal(agenda.Sessions.Select(s => s.SourceGuid).Order(StringComparer.Ordinal), guids.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Fosdem2026ExportedAndImportedAsANewConferenceIsTheSameAgenda(string format)
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var original = await ImportAsync(server, "fosdem-2026", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml")), "fosdem-2026.xml");

        var export = await ExportAsync(feeds, format, "fosdem-2026");
        var copy = await ImportAsync(server, "fosdem-2026-copy", export.Text, $"schedule.{format}");

        Assert.Contains(original.Sessions, s => s.Title.Any(c => c > '\u00ff'));
        AssertSameAgenda(original, copy);
    }

    /// <summary>
    /// The same zone, days and sessions: each by its exported guid, with the same title, start, end, room name (a session
    /// without a room is in the room named where the conference is), track, people, subtitle, language and links.
    /// </summary>
    private static void AssertSameAgenda(AgendaSnapshot original, AgendaSnapshot copy)
    {
        var place = original.Conference.Location.Length > 0 ? original.Conference.Location : original.Conference.Name;
        var expected = Shapes(original, s => ScheduleIdentities.SessionGuid(original.Conference.Id, s).ToString(), place);
        var actual = Shapes(copy, s => s.SourceGuid, "(no room)");

        Assert.Equal(original.Conference.TimeZoneId, copy.Conference.TimeZoneId);
        Assert.Equal(original.Conference.Days, copy.Conference.Days);
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second));
    }

    private static SessionShape[] Shapes(AgendaSnapshot agenda, Func<Session, string> guid, string roomless) =>
        [.. agenda.Sessions.Where(s => s.Status == SessionStatus.Scheduled)
            .Select(s => new SessionShape(
                guid(s),
                s.Kind,
                s.Title,
                s.Start,
                s.End,
                agenda.Conference.Rooms.FirstOrDefault(r => r.Id == s.RoomId)?.Name ?? roomless,
                agenda.Conference.Tracks.FirstOrDefault(t => t.Id == s.TrackId)?.Name ?? "",
                s.SpeakerNames,
                s.Subtitle,
                s.Language,
                string.Join(" ", s.Links.Select(l => $"{l.Title} <{l.Url}>"))))
            .OrderBy(s => s.Guid, StringComparer.Ordinal)];

    private sealed record SessionShape(
        string Guid, NetconfCloud.Schedule.SessionKind Kind, string Title, DateTimeOffset Start, DateTimeOffset End, string Room, string Track, string Persons, string Subtitle, string Language, string Links);

    /// <summary>Reads a schedule as the CLI does and imports it through the RPC; neither the reader nor the mapping may report an error.</summary>
    private static async Task<AgendaSnapshot> ImportAsync(ScheduleServer server, string conferenceId, string text, string sourceName)
    {
        var read = ScheduleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.DoesNotContain(read.Problems, p => p.Severity == ProblemSeverity.Error);
        var (incoming, problems) = ScheduleMapping.ToIncoming(read.Document!, conferenceId, sourceName);
        Assert.DoesNotContain(problems, p => p.Severity == ProblemSeverity.Error);
        Assert.True((await server.WriterClient.ImportAgendaAsync(conferenceId, incoming, new ImportOptions())).Applied);

        return await ReadAsync(server, conferenceId);
    }

    private static async Task<AgendaSnapshot> ReadAsync(ScheduleServer server, string conferenceId)
    {
        using var call = server.Client.ReadAgenda(new ReadAgendaRequest { ConferenceId = conferenceId });
        return (await AgendaChunks.AssembleAsync(call.ResponseStream.ReadAllAsync(), CancellationToken.None))!;
    }
}
