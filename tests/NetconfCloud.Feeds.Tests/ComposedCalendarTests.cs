using System.Text;
using NetconfCloud.Schedule;
using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>
/// Calendars composed from kept event texts: the same text as Ical.Net's serialisation of the whole calendar, and a
/// new agenda version serialises only the events that changed.
/// </summary>
public class ComposedCalendarTests
{
    private const long OneMegabyte = 1024 * 1024;
    private static readonly AgendaSnapshot Agenda = Agendas.Netconf2015;
    private static readonly DateTimeOffset Later = Agendas.SeededAt.AddDays(3);

    private readonly FakeAgendaSource source = new(Agenda);
    private readonly FeedPublisher publisher;

    public ComposedCalendarTests() => publisher = Agendas.Publisher(source);

    public static TheoryData<FeedKind, string> CalendarFeeds => new()
    {
        { FeedKind.Event, "" },
        { FeedKind.Day, "2015-02-13" },
        { FeedKind.Speaker, "jamal-hadi-salim" },
        { FeedKind.Session, "jeff-kirsher-talk" },
    };

    private async Task<string> GetAsync(FeedKind kind, string argument = "")
    {
        var result = await publisher.GetAsync(kind, "netconf-2015", argument, CancellationToken.None);
        Assert.Equal(FeedStatus.Ok, result.Status);
        return Encoding.UTF8.GetString(result.Document!.Body);
    }

    private static string Compose(CalendarComposer composer, AgendaSnapshot agenda, FeedKind kind, string argument = "", FeedOptions? options = null) =>
        Encoding.UTF8.GetString(composer.Render(agenda.Select(kind, argument), agenda, options ?? Agendas.Options));

    private static string Whole(AgendaSnapshot agenda, FeedKind kind, string argument = "") =>
        CalendarRenderer.RenderWhole(agenda.Select(kind, argument), agenda, Agendas.Options);

    [Theory]
    [MemberData(nameof(CalendarFeeds))]
    public void AComposedCalendarIsTheTextOfTheWholeCalendarSerialisedByIcalNet(FeedKind kind, string argument)
    {
        var composed = Compose(new CalendarComposer(OneMegabyte), Agenda, kind, argument);

        Assert.Equal(Whole(Agenda, kind, argument), composed);
    }

    [Fact]
    public void AfterChangesTheComposedCalendarIsStillTheTextOfTheWholeCalendar()
    {
        var composer = new CalendarComposer(OneMegabyte);
        Compose(composer, Agenda, FeedKind.Event);
        var changed = Agenda
            .With("bpf-updates", s => s with { Title = string.Concat(Enumerable.Repeat("é🐧ü, ", 30)), Sequence = 1 }, Later)
            .With("user-space-dma", s => s with { Status = SessionStatus.Cancelled, Sequence = 1 }, Later)
            .With("introduction", s => s with { Start = s.Start.AddHours(2), End = s.End.AddHours(2), Sequence = 1 }, Later);

        var composed = Compose(composer, changed, FeedKind.Event);

        Assert.Equal(Whole(changed, FeedKind.Event), composed);
    }

    [Fact]
    public async Task AfterOneSessionChangesOnlyItsEventIsSerialisedAgain()
    {
        await GetAsync(FeedKind.Event);
        var first = publisher.Calendars.EventsRendered;
        source.Agenda = Agenda.With("bpf-updates", s => s with { Title = "BPF: what is next" }, Later);

        await GetAsync(FeedKind.Event);

        Assert.Equal(30, first);
        Assert.Equal(31, publisher.Calendars.EventsRendered);
    }

    [Fact]
    public async Task TheDaySpeakerAndSessionFeedsReuseTheEventsOfTheWholeEvent()
    {
        await GetAsync(FeedKind.Event);

        await GetAsync(FeedKind.Day, "2015-02-12");
        await GetAsync(FeedKind.Speaker, "jamal-hadi-salim");
        await GetAsync(FeedKind.Session, "bpf-updates");

        Assert.Equal(30, publisher.Calendars.EventsRendered);
    }

    [Fact]
    public async Task AMovedSessionAppearsAtItsNewTimeOnceEveryEventIsKept()
    {
        await GetAsync(FeedKind.Day, "2015-02-12");
        source.Agenda = Agenda.With("bpf-updates", s => s with { Start = s.Start.AddHours(5), End = s.End.AddHours(5), Sequence = s.Sequence + 1 }, Later);

        var calendar = await IcalJs.ParseAsync(await GetAsync(FeedKind.Day, "2015-02-12"));

        var bpf = calendar.Events.Single(e => e.Uid == "netconf-2015/sessions/bpf-updates");
        Assert.Equal("2015-02-12T16:30:00", bpf.Dtstart!.Local);
        Assert.Equal("2015-02-12T17:00:00", bpf.Dtend!.Local);
        Assert.Equal(1, bpf.Sequence);
        Assert.Equal(Later, bpf.Dtstamp!.Utc);
    }

    [Fact]
    public async Task ACancelledSessionAppearsCancelledOnceEveryEventIsKept()
    {
        await GetAsync(FeedKind.Event);
        source.Agenda = Agenda.With("user-space-dma", s => s with { Status = SessionStatus.Cancelled, Sequence = s.Sequence + 1 }, Later);

        var calendar = await IcalJs.ParseAsync(await GetAsync(FeedKind.Event));

        var talk = calendar.Events.Single(e => e.Uid == "netconf-2015/sessions/user-space-dma");
        Assert.Equal("CANCELLED", talk.Status);
        Assert.StartsWith("Cancelled: ", talk.Summary, StringComparison.Ordinal);
        Assert.Equal(30, calendar.Events.Count);
    }

    [Fact]
    public void AnotherPublicBaseUrlSerialisesTheEventsAgain()
    {
        var composer = new CalendarComposer(OneMegabyte);
        var elsewhere = new FeedOptions { PublicBaseUrl = new Uri("https://calendar.example.org/feeds") };

        Compose(composer, Agenda, FeedKind.Session, "bpf-updates");
        var moved = Compose(composer, Agenda, FeedKind.Session, "bpf-updates", elsewhere);

        Assert.Equal(2, composer.EventsRendered);
        Assert.Contains("URL:https://calendar.example.org/feeds/netconf-2015/sessions/bpf-updates.ics\r\n", moved.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void ASessionWithoutAVersionIsSerialisedEveryTimeAndNeverKept()
    {
        var composer = new CalendarComposer(OneMegabyte);
        var unversioned = Agenda with { Sessions = [.. Agenda.Sessions.Select(s => s with { ETag = "" })] };

        Compose(composer, unversioned, FeedKind.Event);
        Compose(composer, unversioned, FeedKind.Event);

        Assert.Equal(60, composer.EventsRendered);
        Assert.Equal(0, composer.Events.Count);
    }

    [Fact]
    public void EventsBeyondTheCapAreDroppedLeastRecentlyUsedFirst()
    {
        var composer = new CalendarComposer(8 * 1024);
        var sessions = Agenda.Select(FeedKind.Event).Sessions;

        var first = Compose(composer, Agenda, FeedKind.Event);
        var again = Compose(composer, Agenda, FeedKind.Event);

        Assert.InRange(composer.Events.Weight, 1, 8 * 1024);
        Assert.True(composer.Events.Count < 30);
        var context = CalendarRenderer.EventContext(Agenda.Conference, Agendas.Options);
        Assert.True(composer.Events.Contains(new EventKey(context, sessions[^1].Id, sessions[^1].ETag)));
        Assert.False(composer.Events.Contains(new EventKey(context, sessions[0].Id, sessions[0].ETag)));
        Assert.Equal(first, again);
    }
}
