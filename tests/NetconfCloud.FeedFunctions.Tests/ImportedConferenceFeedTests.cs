using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Wire;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// A real schedule (FOSDEM 2026) imported through the service, then published: every feed kind works for it, room and
/// track feeds hold what the room and track hold, and titles in any script arrive intact (parsed by ical.js).
/// </summary>
[Collection(FeedsCollection.Name)]
public class ImportedConferenceFeedTests(FeedsFixture fixture)
{
    [Fact]
    public async Task ARoomFeedHoldsTheRoomsSessionsWithTheRoomAndVenueAsLocation()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var agenda = await ImportFosdemAsync(server);
        var room = agenda.Conference.Rooms.First(r => agenda.Sessions.Count(s => s.RoomId == r.Id) > 5);

        var response = await feeds.SendAsync((f, r) => f.RoomCalendar(r, "fosdem-2026", room.Id), $"/api/fosdem-2026/rooms/{room.Id}.ics");

        var calendar = await IcalJs.ParseAsync(response.Text);
        Assert.Equal(200, response.Status);
        Assert.Equal($"FOSDEM 2026 — {room.Name}", calendar.Calendar.XWrCalname);
        Assert.Equal(agenda.Sessions.Where(s => s.RoomId == room.Id).Select(s => $"fosdem-2026/sessions/{s.Id}").Order(), calendar.Events.Select(e => e.Uid!).Order());
        Assert.All(calendar.Events, e => Assert.Equal($"{room.Name}, ULB (Université Libre de Bruxelles), Brussels", e.Location));
        Assert.All(calendar.Events, e => Assert.Equal("Europe/Brussels", e.Dtstart!.Tzid));
    }

    [Fact]
    public async Task ATrackFeedHoldsTheTracksSessionsAndTheIndexListsEveryRoomAndTrack()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var agenda = await ImportFosdemAsync(server);
        var track = agenda.Conference.Tracks.First(t => agenda.Sessions.Any(s => s.TrackId == t.Id));

        var response = await feeds.SendAsync((f, r) => f.TrackCalendar(r, "fosdem-2026", track.Id), $"/api/fosdem-2026/tracks/{track.Id}.ics");
        var index = await feeds.SendAsync((f, r) => f.FeedIndex(r, "fosdem-2026"), "/api/fosdem-2026/feeds");

        var calendar = await IcalJs.ParseAsync(response.Text);
        Assert.Equal(agenda.Sessions.Count(s => s.TrackId == track.Id), calendar.Events.Count);
        using var json = System.Text.Json.JsonDocument.Parse(index.Text);
        var kinds = json.RootElement.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToArray();
        Assert.Equal(agenda.Conference.Rooms.Count, kinds.Count(k => k == "room"));
        Assert.Equal(agenda.Conference.Tracks.Count, kinds.Count(k => k == "track"));
        Assert.Equal(agenda.Sessions.Count, kinds.Count(k => k == "session"));
    }

    [Fact]
    public async Task TitlesInEveryScriptOfTheFileArriveIntactInTheWholeEventFeed()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        var agenda = await ImportFosdemAsync(server);
        var nonAscii = agenda.Sessions.Where(s => s.Title.Any(c => c > 127)).ToArray();

        var response = await feeds.SendAsync((f, r) => f.ConferenceCalendar(r, "fosdem-2026"), "/api/fosdem-2026/calendar.ics");

        var events = (await IcalJs.ParseAsync(response.Text)).Events.ToDictionary(e => e.Uid!);
        Assert.Equal(agenda.Sessions.Count, events.Count);
        Assert.Contains(nonAscii, s => s.Title.Any(c => c > '\u00ff'));
        Assert.All(nonAscii, s => Assert.Equal(s.Title, events[$"fosdem-2026/sessions/{s.Id}"].Summary));
    }

    [Fact]
    public async Task AnUnknownRoomIsNotFoundAndAMalformedOneABadRequest()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await ImportFosdemAsync(server);

        var unknown = await feeds.SendAsync((f, r) => f.RoomCalendar(r, "fosdem-2026", "ballroom"), "/api/fosdem-2026/rooms/ballroom.ics");
        var malformed = await feeds.SendAsync((f, r) => f.RoomCalendar(r, "fosdem-2026", "Ball Room"), "/api/fosdem-2026/rooms/Ball Room.ics");

        Assert.Equal((404, "No room 'ballroom' at fosdem-2026."), (unknown.Status, unknown.Text.TrimEnd()));
        Assert.Equal(400, malformed.Status);
    }

    internal static async Task<AgendaSnapshot> ImportFosdemAsync(ScheduleServer server)
    {
        var read = ScheduleReader.Read(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml")));
        var (incoming, _) = ScheduleMapping.ToIncoming(read.Document!, "fosdem-2026", "fosdem-2026.xml");
        Assert.True((await server.WriterClient.ImportAgendaAsync("fosdem-2026", incoming, new ImportOptions())).Applied);

        using var read2 = server.Client.ReadAgenda(new ReadAgendaRequest { ConferenceId = "fosdem-2026" });
        return (await AgendaChunks.AssembleAsync(read2.ResponseStream.ReadAllAsync(), CancellationToken.None))!;
    }
}
