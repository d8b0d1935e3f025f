using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;

namespace NetconfCloud.Site.Tests;

/// <summary>Agendas for the page tests, and pages parsed by AngleSharp (a parser we did not write).</summary>
internal static class PageAgendas
{
    public static AgendaSnapshot Netconf => Agendas.Netconf2015;

    /// <summary>
    /// Netconf 2015 as if held in two rooms with two tracks: talks alternate between the rooms (and tracks), breaks and
    /// meals stay in no room. Everything else is the seed's.
    /// </summary>
    public static AgendaSnapshot TwoRooms { get; } = MakeTwoRooms();

    /// <summary>
    /// FOSDEM 2026 (883 events, 30 rooms, 70 tracks) as the schedule service would hold it after importing the
    /// published schedule.xml: read and mapped by our readers, planned by the same planner, without storage.
    /// </summary>
    public static AgendaSnapshot Fosdem => fosdem.Value;

    private static readonly Lazy<AgendaSnapshot> fosdem = new(LoadFosdem);

    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static IDocument Page(AgendaSnapshot agenda, DateTimeOffset? now = null) =>
        Parse(ConferencePage.Render(agenda, Agendas.Options, now ?? agenda.Sessions.Min(s => s.Start).AddDays(-1)));

    /// <summary>The page of one day of <paramref name="agenda"/>.</summary>
    public static IDocument Day(AgendaSnapshot agenda, DateOnly day) =>
        Parse(ConferencePage.Render(agenda, Agendas.Options, agenda.Sessions.Min(s => s.Start).AddDays(-1), ConferenceView.All with { Day = day }));

    /// <summary>The page of every day of <paramref name="agenda"/>.</summary>
    public static IDocument[] Days(AgendaSnapshot agenda) => [.. ConferencePage.DaysOf(agenda).Select(d => Day(agenda, d))];

    /// <summary>The page of a search or filter, given as query parameters.</summary>
    public static IDocument Find(AgendaSnapshot agenda, params (string Name, string Value)[] parameters)
    {
        var (view, problem) = ConferenceView.Parse(name => parameters.FirstOrDefault(p => p.Name == name).Value, agenda);
        Assert.Null(problem);
        return Parse(ConferencePage.Render(agenda, Agendas.Options, agenda.Sessions.Min(s => s.Start).AddDays(-1), view));
    }

    /// <summary>A talk's page.</summary>
    public static IDocument Talk(AgendaSnapshot agenda, string id) =>
        Parse(TalkPage.Render(agenda, agenda.Sessions.Single(s => s.Id == id), Agendas.Options));

    public static string Local(AgendaSnapshot agenda, DateTimeOffset instant) =>
        agenda.Conference.TimeZone.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static AgendaSnapshot LoadFosdem()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml"));
        var (incoming, _) = ScheduleMapping.ToIncoming(ScheduleReader.Read(file).Document!, "fosdem-2026", "fosdem-2026.xml");
        var empty = new AgendaSnapshot(incoming.Conference, [], [], []);
        var (edit, _) = ImportPlanner.Plan(empty, exists: false, incoming, new ImportOptions(), "tests", Agendas.SeededAt);
        return new AgendaSnapshot(edit!.Conference! with { AgendaVersion = 1, AgendaUpdateTime = Agendas.SeededAt }, edit.Sessions, edit.Speakers, edit.Sponsors);
    }

    private static AgendaSnapshot MakeTwoRooms()
    {
        var agenda = Agendas.Netconf2015;
        var talks = agenda.Sessions.Where(s => s.IsTalk).OrderBy(s => s.Start).Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return agenda with
        {
            Conference = agenda.Conference with
            {
                Rooms = [new Room("hall-a", "Hall A"), new Room("hall-b", "Hall B")],
                Tracks = [new Track("kernel", "Kernel", "#1f77b4"), new Track("wireless", "Wireless", "#ff7f0e")],
            },
            Sessions = [.. agenda.Sessions.Select(s => talks.TryGetValue(s.Id, out var i)
                ? s with { RoomId = i % 2 == 0 ? "hall-a" : "hall-b", TrackId = i % 2 == 0 ? "kernel" : "wireless" }
                : s)],
        };
    }
}

/// <summary>A clock a test sets.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
