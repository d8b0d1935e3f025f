using System.Globalization;
using System.Xml.Linq;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Testing;
using SessionStatus = NetconfCloud.Schedule.SessionStatus;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Real published schedules imported through the real RPC into Azurite, checked against the files themselves (read
/// here with LINQ to XML, not with our reader): counts, days in the conference's zone, midnight, clashes kept as
/// warnings, and imports that change only what changed.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class ImportingRealSchedulesTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task Fosdem2026ArrivesWithEveryEventRoomTrackAndPerson()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("fosdem-2026.xml");

        var report = await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", file.Text, "fosdem-2026.xml");

        var agenda = await ScheduleFiles.ReadAsync(server.Client, "fosdem-2026");
        Assert.True(report.Applied && report.ConferenceCreated);
        Assert.Equal(file.Events.Count, agenda.Sessions.Count);
        Assert.Equal(file.Rooms.Length, agenda.Conference.Rooms.Count);
        Assert.Equal(file.Tracks.Length, agenda.Conference.Tracks.Count);
        Assert.Equal(file.Persons.Length, agenda.Speakers.Count);
        Assert.Equal("Europe/Brussels", agenda.Conference.TimeZoneId);
        Assert.All(agenda.Sessions, s => Assert.Equal(SessionStatus.Scheduled, s.Status));
        Assert.Equal(file.Events.Count, report.CreatedSessionIds.Count);
    }

    [Fact]
    public async Task EveryFosdemTalkKeepsItsPageFromTheFile()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("fosdem-2026.xml");

        await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", file.Text, "fosdem-2026.xml");

        var pages = (await ScheduleFiles.ReadAsync(server.Client, "fosdem-2026")).Sessions.ToDictionary(s => s.SourceGuid, s => s.SourceUrl);
        Assert.Equal(883, file.Events.Count);
        Assert.All(file.Events, e => Assert.Equal((string)e.Element.Element("url")!, pages[e.Guid]));
        Assert.All(pages.Values, page => Assert.StartsWith("https://fosdem.org/2026/schedule/event/", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachDayStartsAndEndsWithTheFilesFirstAndLastEventInTheConferenceZone()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("fosdem-2026.xml");
        await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", file.Text, "fosdem-2026.xml");
        var zone = ConferenceTimeZone.FromId("Europe/Brussels");

        foreach (var day in file.Events.GroupBy(e => DateOnly.FromDateTime(e.Start.DateTime)))
        {
            var listed = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "fosdem-2026", Day = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PageSize = 100 });
            var all = new List<Contracts.Schedule.V1.Session>(listed.Sessions);
            while (listed.NextPageToken.Length > 0)
            {
                listed = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "fosdem-2026", Day = day.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PageSize = 100, PageToken = listed.NextPageToken });
                all.AddRange(listed.Sessions);
            }

            Assert.Equal(day.Count(), all.Count);
            var first = day.MinBy(e => e.Start)!;
            Assert.Equal(first.Start, zone.ToLocal(all[0].StartTime.ToDateTimeOffset()));
            Assert.Equal(day.Max(e => e.Start), zone.ToLocal(all[^1].StartTime.ToDateTimeOffset()));
        }
    }

    [Fact]
    public async Task A38C3NightEventEndsTheNextDayAndTheFilesClashesAreWarningsThatStayVisible()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("38c3-hub.xml");

        var report = await ScheduleFiles.ImportAsync(server.WriterClient, "38c3", file.Text, "38c3-hub.xml");

        var agenda = await ScheduleFiles.ReadAsync(server.Client, "38c3");
        var zone = agenda.Conference.TimeZone;
        Assert.Equal("Europe/Berlin", zone.Id);
        Assert.Equal(file.Events.Count, agenda.Sessions.Count);
        var night = file.Events.First(e => e.End.Date > e.Start.Date);
        var session = agenda.Sessions.Single(s => s.SourceGuid == night.Guid);
        Assert.Equal((night.Start, night.End), (zone.ToLocal(session.Start), zone.ToLocal(session.End)));
        Assert.Equal(night.Start.Date.AddDays(1), zone.ToLocal(session.End).Date);

        var clashes = AgendaClashes.Find(agenda.Sessions);
        Assert.Equal(file.Overlapping(e => e.PersonKeys), clashes.Count(c => c.Kind == ClashKind.Speaker));
        Assert.Equal(file.Overlapping(e => [e.Room]), clashes.Count(c => c.Kind == ClashKind.Room));
        Assert.Equal((93, 2), (clashes.Count(c => c.Kind == ClashKind.Speaker), clashes.Count(c => c.Kind == ClashKind.Room)));
        Assert.Equal(clashes.Count, report.Warnings.Count);
        Assert.All(report.Warnings, w => Assert.Matches(@"^sessions\[\d+\]\.(speaker_ids|room_id)$", w.Path));
        Assert.All(report.Warnings, w => Assert.Matches(@"^\d+:\d+$", w.SourceLocation));
    }

    [Fact]
    public async Task AnEditThatAddsAClashIsRefusedEvenWhereTheImportKeptSome()
    {
        await using var server = await fixture.StartServerAsync();
        await ScheduleFiles.ImportAsync(server.WriterClient, "38c3", Frab.Load("38c3-hub.xml").Text, "38c3-hub.xml");
        var agenda = await ScheduleFiles.ReadAsync(server.Client, "38c3");
        var clash = AgendaClashes.Find(agenda.Sessions).First(c => c.Kind == ClashKind.Room);
        var roomed = agenda.Sessions.Where(s => s.RoomId.Length > 0 && s.Status == SessionStatus.Scheduled).ToArray();
        var (mover, target) = roomed.SelectMany(a => roomed.Where(b => b.RoomId != a.RoomId && b.Start == a.Start && b.End == a.End).Select(b => (a, b))).First();

        // Retitling a session that clashes since the import is fine: the edit adds no clash.
        await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "38c3",
            Session = new Contracts.Schedule.V1.Session { Id = clash.First.Id, Title = clash.First.Title + " (updated)" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "title" } },
        });
        // Moving a session into a room that is taken then is refused, naming the room.
        await RpcAssert.InvalidField("session.room_id", () => server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "38c3",
            Session = new Contracts.Schedule.V1.Session { Id = mover.Id, RoomId = target.RoomId },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "room_id" } },
        }).ResponseAsync);
    }

    [Fact]
    public async Task ImportingTheSameFileAgainChangesNothing()
    {
        await using var server = await fixture.StartServerAsync();
        var text = Frab.Load("fosdem-2026.xml").Text;
        var first = await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", text, "fosdem-2026.xml");

        var again = await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", text, "fosdem-2026.xml");

        Assert.False(again.Applied);
        Assert.Equal(first.AgendaVersion, again.AgendaVersion);
        Assert.Equal((0, 0, 0), (again.CreatedSessionIds.Count, again.UpdatedSessionIds.Count, again.CancelledSessionIds.Count));
        Assert.Equal(first.CreatedSessionIds.Count, again.UnchangedSessionCount);
        Assert.Equal(first.AgendaVersion, (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "fosdem-2026" })).AgendaVersion);
    }

    [Fact]
    public async Task OneEventMovedInTheFileMovesOneSessionAndRaisesOnlyItsSequence()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("fosdem-2026.xml");
        await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", file.Text, "fosdem-2026.xml");
        var before = await ScheduleFiles.ReadAsync(server.Client, "fosdem-2026");
        var moved = file.Events[100];
        var changed = file.With(moved, e => e.Element("date")!.Value = e.Element("date")!.Value.Replace("T", "T", StringComparison.Ordinal), startShift: TimeSpan.FromMinutes(5));

        var report = await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", changed, "fosdem-2026.xml");

        var after = await ScheduleFiles.ReadAsync(server.Client, "fosdem-2026");
        var id = Assert.Single(report.UpdatedSessionIds);
        var was = before.Sessions.Single(s => s.Id == id);
        var now = after.Sessions.Single(s => s.Id == id);
        Assert.Equal(moved.Guid, now.SourceGuid);
        Assert.Equal((was.Start.AddMinutes(5), was.Sequence + 1), (now.Start, now.Sequence));
        Assert.Equal(before.Conference.AgendaVersion + 1, after.Conference.AgendaVersion);
        Assert.All(after.Sessions.Where(s => s.Id != id), s => Assert.Equal(before.Sessions.Single(b => b.Id == s.Id).Sequence, s.Sequence));
    }

    [Fact]
    public async Task AnEventThatLeftTheFileIsCancelledUnlessMissingOnesAreKept()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("fosdem-2026.xml");
        await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", file.Text, "fosdem-2026.xml");
        var gone = file.Events[7];
        var without = file.Without(gone);

        var kept = await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", without, "fosdem-2026.xml", new ImportOptions(KeepMissing: true));
        var cancelled = await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", without, "fosdem-2026.xml");

        Assert.False(kept.Applied);
        var id = Assert.Single(cancelled.CancelledSessionIds);
        var session = (await ScheduleFiles.ReadAsync(server.Client, "fosdem-2026")).Sessions.Single(s => s.Id == id);
        Assert.Equal((gone.Guid, SessionStatus.Cancelled, 1L), (session.SourceGuid, session.Status, session.Sequence));
    }

    [Fact]
    public async Task AnAgendaWithAnUnknownTimeZoneIsRefusedWholeAndCreatesNothing()
    {
        await using var server = await fixture.StartServerAsync();
        var incoming = Incoming(Frab.Load("fosdem-2026.xml"));
        var atlantis = incoming with { Conference = incoming.Conference with { TimeZoneId = "Europe/Atlantis" } };

        await RpcAssert.InvalidField("conference.time_zone", () => ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", atlantis, new ImportOptions()));

        var conferences = await server.Client.ListConferencesAsync(new ListConferencesRequest());
        Assert.DoesNotContain(conferences.Conferences, c => c.Id == "fosdem-2026");
    }

    [Fact]
    public async Task EveryBrokenSessionIsReportedAtOnceWithItsSourceLocationAndNothingIsWritten()
    {
        await using var server = await fixture.StartServerAsync();
        var file = Frab.Load("fosdem-2026.xml");
        await ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", file.Text, "fosdem-2026.xml");
        var version = (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "fosdem-2026" })).AgendaVersion;
        var incoming = Incoming(file);
        var broken = incoming with
        {
            Sessions = [.. incoming.Sessions.Select((s, i) => i is 3 or 412 ? s with { Session = s.Session with { RoomId = "no-such-room" } } : s)],
        };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => ScheduleFiles.ImportAsync(server.WriterClient, "fosdem-2026", broken, new ImportOptions()));

        var violations = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations;
        Assert.Equal(["sessions[3].room_id", "sessions[412].room_id"], violations.Select(v => v.Field));
        Assert.Contains($"(at {incoming.Sessions[412].Location})", violations[1].Description, StringComparison.Ordinal);
        Assert.Equal(version, (await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "fosdem-2026" })).AgendaVersion);
    }

    [Fact]
    public async Task AnExportInTheSeedFormatImportedAsANewConferenceIsTheSameAgenda()
    {
        await using var server = await fixture.StartServerAsync();
        await ScheduleFiles.ImportAsync(server.WriterClient, "38c3", Frab.Load("38c3-hub.xml").Text, "38c3-hub.xml");
        var original = await ScheduleFiles.ReadAsync(server.Client, "38c3");
        using var export = new MemoryStream();
        NetconfCloud.Schedule.Seed.AgendaSeed.Write(original, export);

        var loaded = NetconfCloud.Schedule.Seed.AgendaSeed.Load(new MemoryStream(export.ToArray()), DateTimeOffset.UtcNow);
        var report = await ScheduleFiles.ImportAsync(server.WriterClient, "38c3-copy", IncomingAgenda.From(loaded, "export.json"), new ImportOptions());

        var copy = await ScheduleFiles.ReadAsync(server.Client, "38c3-copy");
        Assert.True(report.ConferenceCreated);
        Assert.Equal(original.Sessions.Count, copy.Sessions.Count);
        Assert.All(original.Sessions, s => Assert.True(ImportPlanner.SameContent(s, copy.Sessions.Single(c => c.Id == s.Id)), $"session {s.Id} differs"));
        Assert.Equal(original.Speakers.Select(s => (s.Id, s.Name, s.SourceId)).Order(), copy.Speakers.Select(s => (s.Id, s.Name, s.SourceId)).Order());
        Assert.Equal(original.Conference.Rooms, copy.Conference.Rooms);
        Assert.Equal(original.Conference.Tracks, copy.Conference.Tracks);
        Assert.Equal(original.Conference.Days, copy.Conference.Days);
    }

    [Fact]
    public async Task ACampScheduleInC3vocJsonArrivesWholeAndANightEventEndsTheNextDay()
    {
        await using var server = await fixture.StartServerAsync();
        var text = ScheduleFiles.Text("camp2019.json");
        using var json = System.Text.Json.JsonDocument.Parse(text);
        var events = json.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("days").EnumerateArray()
            .SelectMany(day => day.GetProperty("rooms").EnumerateObject().SelectMany(room => room.Value.EnumerateArray()
                .Select(e => (Room: room.Name, Guid: e.GetProperty("guid").GetString()!, Start: DateTimeOffset.Parse(e.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
                    Duration: TimeSpan.ParseExact(e.GetProperty("duration").GetString()!, @"hh\:mm", CultureInfo.InvariantCulture)))))
            .ToArray();

        var first = await ScheduleFiles.ImportAsync(server.WriterClient, "camp2019", text, "camp2019.json");
        var again = await ScheduleFiles.ImportAsync(server.WriterClient, "camp2019", text, "camp2019.json");

        var agenda = await ScheduleFiles.ReadAsync(server.Client, "camp2019");
        Assert.Equal(events.Length, agenda.Sessions.Count);
        Assert.Equal(events.Select(e => e.Room).Distinct().Count(), agenda.Conference.Rooms.Count);
        Assert.Equal(events.Select(e => e.Guid).Order(), agenda.Sessions.Select(s => s.SourceGuid).Order());
        var night = events.Single(e => (e.Start + e.Duration).Date > e.Start.Date);
        var session = agenda.Sessions.Single(s => s.SourceGuid == night.Guid);
        Assert.Equal((night.Start, night.Start + night.Duration), (session.Start, session.End));
        Assert.Equal((false, first.AgendaVersion), (again.Applied, again.AgendaVersion));
    }

    private static IncomingAgenda Incoming(Frab file)
    {
        var read = NetconfCloud.Schedule.Import.ScheduleReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file.Text)));
        return NetconfCloud.Schedule.Import.ScheduleMapping.ToIncoming(read.Document!, "fosdem-2026", file.Name).Agenda;
    }

    /// <summary>A frab schedule.xml read with LINQ to XML: what the file itself says, to check an import against.</summary>
    private sealed record Frab(string Name, XDocument Document)
    {
        public string Text => Document.Declaration + Environment.NewLine + Document.ToString(SaveOptions.DisableFormatting);

        public IReadOnlyList<FrabEvent> Events => [.. Document.Descendants("event").Select(e => new FrabEvent(e))];

        public string[] Rooms => Document.Descendants("event").Select(e => (string)e.Element("room")!).Distinct().ToArray();

        /// <summary>The tracks the file declares (FOSDEM lists some that no event uses) and those its events name.</summary>
        public string[] Tracks => Document.Root!.Elements("tracks").Elements("track").Select(t => t.Value)
            .Concat(Document.Descendants("event").Select(e => (string?)e.Element("track") ?? "")).Where(t => t.Length > 0).Distinct().ToArray();

        /// <summary>Events that start before an earlier event sharing a key (a person, a room) ends.</summary>
        public int Overlapping(Func<FrabEvent, IEnumerable<string>> keys) =>
            Events.SelectMany(e => keys(e).Select(key => (Key: key, Event: e))).GroupBy(p => p.Key).Sum(group =>
            {
                var count = 0;
                DateTimeOffset? latestEnd = null;
                foreach (var e in group.Select(p => p.Event).OrderBy(e => e.Start).ThenBy(e => e.End))
                {
                    count += latestEnd is { } end && e.Start < end ? 1 : 0;
                    latestEnd = latestEnd is { } last && last > e.End ? last : e.End;
                }

                return count;
            });

        public string[] Persons => Document.Descendants("event").Descendants("person")
            .Select(p => (string?)p.Attribute("guid") ?? (string?)p.Attribute("id") ?? p.Value).Distinct().ToArray();

        public static Frab Load(string name) => new(name, XDocument.Load(ScheduleFiles.PathOf(name), LoadOptions.PreserveWhitespace));

        /// <summary>The file with one event's start moved by <paramref name="startShift"/>.</summary>
        public string With(FrabEvent target, Action<XElement> change, TimeSpan startShift)
        {
            var copy = new Frab(Name, new XDocument(Document));
            var element = copy.Document.Descendants("event").Single(e => (string?)e.Attribute("guid") == target.Guid);
            change(element);
            var start = DateTimeOffset.Parse(element.Element("date")!.Value, CultureInfo.InvariantCulture).Add(startShift);
            element.Element("date")!.Value = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            element.Element("start")!.Value = start.ToString("HH:mm", CultureInfo.InvariantCulture);
            return copy.Text;
        }

        public string Without(FrabEvent target)
        {
            var copy = new XDocument(Document);
            copy.Descendants("event").Single(e => (string?)e.Attribute("guid") == target.Guid).Remove();
            return new Frab(Name, copy).Text;
        }
    }

    private sealed record FrabEvent(XElement Element)
    {
        public string Guid => (string)Element.Attribute("guid")!;

        /// <summary>The local start as the file gives it (date with its offset).</summary>
        public DateTimeOffset Start => DateTimeOffset.Parse(Element.Element("date")!.Value, CultureInfo.InvariantCulture);

        public string Room => (string)Element.Element("room")!;

        public IEnumerable<string> PersonKeys => Element.Descendants("person").Select(p => (string?)p.Attribute("guid") ?? (string?)p.Attribute("id") ?? p.Value).Distinct();

        public DateTimeOffset End => Start + TimeSpan.ParseExact(Element.Element("duration")!.Value, [@"hh\:mm", @"hh\:mm\:ss"], CultureInfo.InvariantCulture);
    }
}
