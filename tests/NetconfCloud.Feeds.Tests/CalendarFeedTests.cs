using System.Text;
using NetconfCloud.Schedule;
using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>What calendar apps must get right, checked through ical.js, a parser we did not write.</summary>
public class CalendarFeedTests
{
    private static readonly AgendaSnapshot Agenda = Agendas.Netconf2015;

    private static async Task<ParsedCalendar> Parse(FeedKind kind, string argument = "", AgendaSnapshot? agenda = null) =>
        await IcalJs.ParseAsync(await Agendas.RenderAsync(agenda ?? Agenda, kind, argument));

    [Fact]
    public async Task ThursdayFeedHoldsFifteenSessionsAtOttawaTimes()
    {
        var calendar = await Parse(FeedKind.Day, "2015-02-12");

        Assert.Equal(15, calendar.Events.Count);
        var introduction = calendar.Events[0];
        Assert.Equal("Introduction", introduction.Summary);
        Assert.Equal("America/Toronto", introduction.Dtstart!.Tzid);
        Assert.Equal("2015-02-12T09:00:00", introduction.Dtstart.Local);
        Assert.Equal(new DateTimeOffset(2015, 2, 12, 14, 0, 0, TimeSpan.Zero), introduction.Dtstart.Utc);
        Assert.False(introduction.Dtstart.Floating);
    }

    [Fact]
    public async Task EveryEventOfTheWholeEventIsInTorontoTimeWithATimeZoneThatKnowsFebruary2015()
    {
        var calendar = await Parse(FeedKind.Event);

        Assert.Equal(["America/Toronto"], calendar.Timezones);
        Assert.Equal(30, calendar.Events.Count);
        Assert.All(calendar.Events, e =>
        {
            Assert.Equal("America/Toronto", e.Dtstart!.Tzid);
            Assert.Equal(DateTime.Parse(e.Dtstart.Local, System.Globalization.CultureInfo.InvariantCulture).AddHours(5), e.Dtstart.Utc.UtcDateTime);
            Assert.Equal(DateTime.Parse(e.Dtend!.Local, System.Globalization.CultureInfo.InvariantCulture).AddHours(5), e.Dtend.Utc.UtcDateTime);
        });
    }

    [Fact]
    public async Task ATalkHasTheSameUidInTheDayFeedTheSpeakerFeedAndItsOwnFeed()
    {
        var day = await Parse(FeedKind.Day, "2015-02-13");
        var speaker = await Parse(FeedKind.Speaker, "jamal-hadi-salim");
        var session = await Parse(FeedKind.Session, "inter-fe-action");

        var uid = Assert.Single(session.Events).Uid;
        Assert.Equal("netconf-2015/sessions/inter-fe-action", uid);
        Assert.Contains(day.Events, e => e.Uid == uid);
        Assert.Contains(speaker.Events, e => e.Uid == uid);
    }

    [Fact]
    public async Task JamalHadiSalimsFeedHasHisThreeTalksAndNoBreaks()
    {
        var calendar = await Parse(FeedKind.Speaker, "jamal-hadi-salim");

        Assert.Equal(["Introduction", "netdev 0.1 schedules & announcements", "Inter FE action"], calendar.Events.Select(e => e.Summary));
        Assert.Equal("Netconf 2015 — Jamal Hadi Salim", calendar.Calendar.XWrCalname);
    }

    [Fact]
    public async Task BreaksAndMealsAreFreeTimeInTheDayFeed()
    {
        var calendar = await Parse(FeedKind.Day, "2015-02-12");

        var breaks = calendar.Events.Where(e => e.Transp == "TRANSPARENT").Select(e => e.Summary);
        Assert.Equal(["Morning Break", "Lunch", "Afternoon Break"], breaks);
        Assert.All(calendar.Events.Where(e => e.Categories.Contains("Talk")), e => Assert.Equal("OPAQUE", e.Transp));
    }

    [Fact]
    public async Task TheCalendarNamesItselfAndTellsAppsHowOftenToRefresh()
    {
        var calendar = (await Parse(FeedKind.Day, "2015-02-12")).Calendar;

        Assert.Equal("-//NetconfCloud//Feeds 1.0//EN", calendar.Prodid);
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("GREGORIAN", calendar.Calscale);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("Netconf 2015 — Thursday 12 February", calendar.Name);
        Assert.Equal("Netconf 2015 — Thursday 12 February", calendar.XWrCalname);
        Assert.Equal("America/Toronto", calendar.XWrTimezone);
        Assert.Equal("PT1H", calendar.RefreshInterval);
        Assert.Equal("duration", calendar.RefreshIntervalValueType);
        Assert.Equal("PT1H", calendar.PublishedTtl);
        Assert.Contains("Thursday 12 February", calendar.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventNamesItsSpeakersPlaceKindAndItsOwnFeed()
    {
        var talk = Assert.Single((await Parse(FeedKind.Session, "introduction")).Events);

        Assert.Contains("Speakers: Jamal Hadi Salim, David S. Miller", talk.Description, StringComparison.Ordinal);
        Assert.Equal("Ottawa, Canada", talk.Location);
        Assert.Equal(["Talk"], talk.Categories);
        Assert.Equal("https://feeds.example.test/api/netconf-2015/sessions/introduction.ics", talk.Url);
        Assert.Equal("CONFIRMED", talk.Status);
    }

    [Fact]
    public async Task ATalkWithoutATitleIsSummarisedByItsSpeaker()
    {
        var talk = Assert.Single((await Parse(FeedKind.Session, "jeff-kirsher-talk")).Events);

        Assert.Equal("Talk by Jeff Kirsher", talk.Summary);
    }

    [Fact]
    public async Task SlideDecksAndAssumedEndsAreToldInTheDescription()
    {
        var talk = Assert.Single((await Parse(FeedKind.Session, "ipv6-routing")).Events);

        Assert.Contains("Slides were published", talk.Description, StringComparison.Ordinal);
        Assert.Contains("30 minutes assumed", talk.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameAgendaGivesByteIdenticalFeeds()
    {
        var first = await Agendas.RenderAsync(Agenda, FeedKind.Event);
        await Task.Delay(20);
        var second = await Agendas.RenderAsync(Agendas.Netconf2015, FeedKind.Event);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task DtStampAndLastModifiedAreTheSessionsLastChange()
    {
        var moved = Agenda.With("bpf-updates", s => s with { Sequence = 1 }, new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero));

        var calendar = await Parse(FeedKind.Day, "2015-02-12", moved);

        var bpf = calendar.Events.Single(e => e.Uid!.EndsWith("/bpf-updates", StringComparison.Ordinal));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), bpf.Dtstamp!.Utc);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), bpf.LastModified!.Utc);
        Assert.All(calendar.Events.Where(e => e != bpf), e => Assert.Equal(Agendas.SeededAt, e.Dtstamp!.Utc));
    }

    [Fact]
    public async Task ACancelledTalkIsPublishedAsCancelledWithItsRaisedSequence()
    {
        var cancelled = Agenda.With("user-space-dma", s => s with { Status = SessionStatus.Cancelled, Sequence = s.Sequence + 1 }, Agendas.SeededAt.AddDays(1));

        var calendar = await Parse(FeedKind.Day, "2015-02-13", cancelled);

        var talk = calendar.Events.Single(e => e.Uid == "netconf-2015/sessions/user-space-dma");
        Assert.Equal("CANCELLED", talk.Status);
        Assert.Equal(1, talk.Sequence);
        Assert.StartsWith("Cancelled: ", talk.Summary, StringComparison.Ordinal);
        Assert.Equal(15, calendar.Events.Count);
    }

    [Fact]
    public async Task CommasSemicolonsBackslashesNewlinesAndNonAsciiRoundTrip()
    {
        const string title = "tc, ovs; a\\b — Über-naïve “quotes” 🐧 שלום";
        const string notes = "Line one;\nline two, with \\ and é";
        var odd = Agenda.With("flow-api-integration", s => s with { Title = title, Notes = notes }, Agendas.SeededAt);

        var talk = Assert.Single((await Parse(FeedKind.Session, "flow-api-integration", odd)).Events);

        Assert.Equal(title, talk.Summary);
        Assert.Contains(notes, talk.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATitleCarryingALineBreakAndBeginVEventCannotAddAnEvent()
    {
        const string hostile = "Talk\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected";
        var agenda = Agenda.With("bpf-updates", s => s with { Title = hostile, Abstract = hostile }, Agendas.SeededAt);

        var calendar = await Parse(FeedKind.Day, "2015-02-12", agenda);

        Assert.Equal(15, calendar.Events.Count);
        Assert.DoesNotContain(calendar.Events, e => e.Uid == "evil");
        Assert.Contains(calendar.Events, e => e.Summary!.Contains("BEGIN:VEVENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinesFoldAtSeventyFiveOctetsWithoutSplittingACharacter()
    {
        var longTitle = string.Concat(Enumerable.Repeat("é🐧ü", 60));
        var agenda = Agenda.With("bpf-updates", s => s with { Title = longTitle }, Agendas.SeededAt);
        var ics = await Agendas.RenderAsync(agenda, FeedKind.Session, "bpf-updates");
        var body = Encoding.UTF8.GetBytes(ics);

        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var start = 0;
        for (var crlf = IndexOfCrLf(body, 0); crlf >= 0; start = crlf + 2, crlf = IndexOfCrLf(body, start))
        {
            var line = body.AsSpan(start, crlf - start);
            Assert.True(line.Length <= 75, $"{line.Length} octets: {strict.GetString(line)}");
            Assert.DoesNotContain('\uFFFD', strict.GetString(line));
        }

        Assert.Equal(longTitle, Assert.Single((await IcalJs.ParseAsync(ics)).Events).Summary);
    }

    [Fact]
    public async Task LinesEndWithCrLf()
    {
        var ics = await Agendas.RenderAsync(Agenda, FeedKind.Session, "bpf-updates");

        Assert.DoesNotContain('\n', ics.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    private static int IndexOfCrLf(byte[] bytes, int from)
    {
        var index = bytes.AsSpan(from).IndexOf("\r\n"u8);
        return index < 0 ? -1 : from + index;
    }
}
