using System.Text;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetconfCloud.Feeds;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Our exports come back as themselves, for every schedule of the corpus: imported through the real RPC, published
/// by the feeds as schedule.xml and schedule.json from the agenda read over gRPC, and imported again. Into the same
/// conference that changes nothing (no session created, updated or cancelled, no speaker new or changed, the details
/// as they were); into a new conference it gives the same sessions, times, titles, rooms and speakers.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class ExportRoundTripTests(ScheduleFixture fixture)
{
    private static readonly FeedOptions Options = new() { PublicBaseUrl = new Uri("https://feeds.example.test/api"), RefreshMinutes = 60 };

    [Theory]
    [MemberData(nameof(ScheduleCorpusTests.Files), MemberType = typeof(ScheduleCorpusTests))]
    public async Task OurExportsOfAnImportedScheduleComeBackAsThemselves(string file, string? assumedZone)
    {
        await using var server = await fixture.StartServerAsync();
        var id = "trip-" + Path.GetFileNameWithoutExtension(file).Replace('.', '-').ToLowerInvariant();
        var read = ScheduleReader.Read(File.OpenRead(ScheduleFiles.PathOf(file)), options: new ScheduleReadOptions { TimeZone = assumedZone });
        await ScheduleFiles.ImportAsync(server.WriterClient, id, ScheduleMapping.ToIncoming(read.Document!, id, file).Agenda, new ImportOptions());
        var agenda = await ScheduleFiles.ReadAsync(server.Client, id);

        foreach (var kind in new[] { FeedKind.Frab, FeedKind.C3voc })
        {
            var export = await ExportAsync(agenda, kind);

            var same = await ScheduleFiles.ImportAsync(server.WriterClient, id, Incoming(export, id), new ImportOptions());
            var changed = same.UpdatedSessionIds.Count == 0 ? "" : await ChangedFieldsAsync(server, agenda, same.UpdatedSessionIds[0]);
            Assert.True(
                same.CreatedSessionIds.Count + same.UpdatedSessionIds.Count + same.CancelledSessionIds.Count + same.CreatedSpeakerIds.Count + same.UpdatedSpeakerIds.Count == 0 && !same.ConferenceChanged,
                $"{kind} of {file} into its own conference: created {same.CreatedSessionIds.Count}, updated {same.UpdatedSessionIds.Count} ({string.Join(", ", same.UpdatedSessionIds.Take(3))}), cancelled {same.CancelledSessionIds.Count}, speakers new {same.CreatedSpeakerIds.Count} ({string.Join(", ", same.CreatedSpeakerIds.Take(3))}), changed {same.UpdatedSpeakerIds.Count}, conference changed {same.ConferenceChanged}; {changed}");

            var copyId = $"{id}-{kind.ToString().ToLowerInvariant()}";
            await ScheduleFiles.ImportAsync(server.WriterClient, copyId, Incoming(export, copyId), new ImportOptions());
            var copy = await ScheduleFiles.ReadAsync(server.Client, copyId);
            Assert.Equal(Shapes(agenda), Shapes(copy));
        }
    }

    /// <summary>How one session differs after the import, field by field.</summary>
    private static async Task<string> ChangedFieldsAsync(ScheduleServer server, AgendaSnapshot before, string sessionId)
    {
        var after = (await ScheduleFiles.ReadAsync(server.Client, before.Conference.Id)).Sessions.Single(s => s.Id == sessionId);
        return string.Join("; ", EveryField.Differences(before.Sessions.Single(s => s.Id == sessionId), after));
    }

    /// <remarks>
    /// 36C3's merged file lists two events that start at 04:00, the very instant its day ends, under the day that
    /// ends then: a day ends at its day change, so they are on the next day here; those two are named.
    /// </remarks>
    [Theory]
    [InlineData("38c3-hub.xml", 58, new string[0])]
    [InlineData("36c3-merged.xml", null, new[] { "84ea0aa7-282b-4da8-8579-5be720d0b281", "9d82d204-e969-4e01-9939-c3cce8c14c8a" })]
    public async Task ANightSessionStaysOnTheDayTheSourceListsItUnder(string file, int? nightSessions, string[] atTheDayChange)
    {
        await using var server = await fixture.StartServerAsync();
        var source = XDocument.Load(ScheduleFiles.PathOf(file));
        var read = ScheduleReader.Read(File.OpenRead(ScheduleFiles.PathOf(file)), options: new ScheduleReadOptions { TimeZone = "Europe/Berlin" });
        await ScheduleFiles.ImportAsync(server.WriterClient, "night", ScheduleMapping.ToIncoming(read.Document!, "night", file).Agenda, new ImportOptions());

        var export = XDocument.Parse(await ExportAsync(await ScheduleFiles.ReadAsync(server.Client, "night"), FeedKind.Frab));

        var listed = DaysOfEvents(source);
        var ours = DaysOfEvents(export);
        var nights = listed.Where(e => DateOnly.FromDateTime(e.Value.Start.DateTime) > e.Value.Day).Select(e => e.Key).ToArray();
        if (nightSessions is { } count)
        {
            Assert.Equal(count, nights.Length);
        }

        Assert.NotEmpty(nights);
        Assert.All(listed.Where(e => !atTheDayChange.Contains(e.Key)), e => Assert.Equal(e.Value.Day, ours[e.Key].Day));
        Assert.All(atTheDayChange, guid => Assert.Equal(listed[guid].Day.AddDays(1), ours[guid].Day));
    }

    /// <summary>Each event's guid, the date of the day it is listed under and its start with the offset written, read with LINQ to XML.</summary>
    private static Dictionary<string, (DateOnly Day, DateTimeOffset Start)> DaysOfEvents(XDocument schedule) =>
        schedule.Descendants("day")
            .SelectMany(day => day.Descendants("event").Select(e => (
                Guid: (string)e.Attribute("guid")!,
                Day: DateOnly.ParseExact((string)day.Attribute("date")!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Start: DateTimeOffset.Parse((string)e.Element("date")!, System.Globalization.CultureInfo.InvariantCulture))))
            .GroupBy(e => e.Guid)
            .ToDictionary(g => g.Key, g => (g.First().Day, g.First().Start));

    private static async Task<string> ExportAsync(AgendaSnapshot agenda, FeedKind kind)
    {
        var publisher = new FeedPublisher(new HeldAgenda(agenda), Microsoft.Extensions.Options.Options.Create(Options), NullLogger<FeedPublisher>.Instance);
        var result = await publisher.GetAsync(kind, agenda.Conference.Id, "", CancellationToken.None);
        Assert.Equal(FeedStatus.Ok, result.Status);
        return Encoding.UTF8.GetString(result.Document!.Body);
    }

    private static IncomingAgenda Incoming(string export, string conferenceId)
    {
        var read = ScheduleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(export)));
        Assert.DoesNotContain(read.Problems, p => p.Severity == ProblemSeverity.Error);
        return ScheduleMapping.ToIncoming(read.Document!, conferenceId, "export").Agenda;
    }

    /// <summary>What a schedule app shows of each scheduled session: start, end, title, room and speakers, in order.</summary>
    private static IEnumerable<string> Shapes(AgendaSnapshot agenda) =>
        agenda.Sessions.Where(s => s.Status == SessionStatus.Scheduled)
            .Select(s => $"{s.Start:O} {s.End:O} {s.Title} | {agenda.Conference.Rooms.FirstOrDefault(r => r.Id == s.RoomId)?.Name} | {s.SpeakerNames}")
            .Order(StringComparer.Ordinal);

    /// <summary>The agenda read over gRPC, as the feeds would hold it.</summary>
    private sealed class HeldAgenda(AgendaSnapshot agenda) : IAgendaSource
    {
        public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
            Task.FromResult<AgendaSnapshot?>(conferenceId == agenda.Conference.Id ? agenda : null);

        public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Conference>>([agenda.Conference]);
    }
}
