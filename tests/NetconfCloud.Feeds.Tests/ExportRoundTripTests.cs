using System.Text;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;

namespace NetconfCloud.Feeds.Tests;

/// <summary>
/// Our exports come back as themselves: a conference's schedule.xml or schedule.json, read by our readers and planned
/// against the same conference, changes nothing (no session updated, no speaker new or changed); planned into a new
/// conference, it gives the same agenda.
/// </summary>
public class ExportRoundTripTests
{
    public static TheoryData<string, FeedKind> Cases => new()
    {
        { "fosdem-2026.xml", FeedKind.Frab },
        { "fosdem-2026.xml", FeedKind.C3voc },
        { "38c3-hub.xml", FeedKind.Frab },
        { "38c3-hub.xml", FeedKind.C3voc },
        { "camp2019.json", FeedKind.Frab },
        { "camp2019.json", FeedKind.C3voc },
        { "", FeedKind.Frab },
        { "", FeedKind.C3voc },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnExportImportedIntoItsOwnConferenceChangesNothing(string source, FeedKind kind)
    {
        var agenda = source.Length == 0 ? Agendas.Netconf2015 : Planned(Read(File.ReadAllBytes(PathOf(source))), null, out _);

        var after = Planned(Read(Encoding.UTF8.GetBytes(await Agendas.RenderAsync(agenda, kind))), agenda, out var report);

        Assert.False(
            report.ChangesAnything,
            $"{Changed(agenda, after, report)}; updated {report.Updated.Count} ({string.Join(", ", report.Updated.Take(3))}), cancelled {report.Cancelled.Count}, speakers new {report.SpeakersCreated.Count} ({string.Join(", ", report.SpeakersCreated.Take(3))}), changed {report.SpeakersUpdated.Count}, conference changed {report.ConferenceChanged}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnExportImportedIntoANewConferenceIsTheSameAgenda(string source, FeedKind kind)
    {
        var agenda = source.Length == 0 ? Agendas.Netconf2015 : Planned(Read(File.ReadAllBytes(PathOf(source))), null, out _);

        var copy = Planned(Read(Encoding.UTF8.GetBytes(await Agendas.RenderAsync(agenda, kind))), null, out _);

        var scheduled = agenda.Sessions.Where(s => s.Status == SessionStatus.Scheduled).ToArray();
        Assert.Equal(
            scheduled.Select(s => (s.Start, s.End, s.Title, Room(agenda, s), s.SpeakerNames)).Order(),
            copy.Sessions.Select(s => (s.Start, s.End, s.Title, Room(copy, s), s.SpeakerNames)).Order());
    }

    /// <summary>What changed, field by field: the conference's details and the first updated session's fields.</summary>
    private static string Changed(AgendaSnapshot before, AgendaSnapshot after, ImportReport report)
    {
        var conference = typeof(Conference).GetProperties().Where(p => p.Name is not (nameof(Conference.AgendaVersion) or nameof(Conference.AgendaUpdateTime)))
            .Where(p => !Same(p.GetValue(before.Conference), p.GetValue(after.Conference)))
            .Select(p => $"conference.{p.Name}: '{Show(p.GetValue(before.Conference))}' became '{Show(p.GetValue(after.Conference))}'");
        var session = report.Updated.Take(1).SelectMany(id => SessionFields.All
            .Where(f => f.Differs(before.Sessions.Single(s => s.Id == id), after.Sessions.Single(s => s.Id == id)))
            .Select(f => $"{id}.{f.Path}: '{Show(f.ValueOf(before.Sessions.Single(s => s.Id == id)))}' became '{Show(f.ValueOf(after.Sessions.Single(s => s.Id == id)))}'"));
        return string.Join("; ", conference.Concat(session));

        static bool Same(object? a, object? b) => a is System.Collections.IEnumerable x and not string && b is System.Collections.IEnumerable y
            ? x.Cast<object>().SequenceEqual(y.Cast<object>())
            : Equals(a, b);

        static string Show(object? value) => value is System.Collections.IEnumerable list and not string
            ? string.Join(", ", list.Cast<object>().Take(5))
            : $"{value}"[..Math.Min($"{value}".Length, 120)];
    }

    private static string Room(AgendaSnapshot agenda, Session session) =>
        agenda.Conference.Rooms.FirstOrDefault(r => r.Id == session.RoomId)?.Name ?? agenda.Conference.Location;

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Schedules", file);

    private static ScheduleDocument Read(byte[] bytes)
    {
        var result = ScheduleReader.Read(new MemoryStream(bytes));
        return result.Document ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
    }

    /// <summary>The document planned as an import into <paramref name="current"/> (a new conference when null), and the agenda that results.</summary>
    private static AgendaSnapshot Planned(ScheduleDocument document, AgendaSnapshot? current, out ImportReport report)
    {
        var id = current?.Conference.Id ?? "copy";
        var (incoming, _) = ScheduleMapping.ToIncoming(document, id, "export");
        current ??= new AgendaSnapshot(incoming.Conference, [], [], []);
        (var edit, report) = ImportPlanner.Plan(current, exists: current.Sessions.Count > 0, incoming, new ImportOptions(), "tests", Agendas.SeededAt);
        if (edit is null)
        {
            return current;
        }

        var sessions = current.Sessions.ToDictionary(s => s.Id);
        foreach (var s in edit.Sessions)
        {
            sessions[s.Id] = s with { ETag = $"W/\"{s.Id}\"" };
        }

        var speakers = current.Speakers.ToDictionary(s => s.Id);
        foreach (var s in edit.Speakers)
        {
            speakers[s.Id] = s;
        }

        var conference = (edit.Conference ?? current.Conference) with { AgendaVersion = current.Conference.AgendaVersion + 1, AgendaUpdateTime = Agendas.SeededAt };
        return new AgendaSnapshot(conference, [.. sessions.Values], [.. speakers.Values], current.Sponsors);
    }
}
