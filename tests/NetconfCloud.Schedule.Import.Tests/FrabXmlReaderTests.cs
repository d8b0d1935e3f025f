using System.Xml.Linq;

namespace NetconfCloud.Schedule.Import.Tests;

public class FrabXmlReaderTests
{
    private const string Berlin = "Europe/Berlin";

    [Fact]
    public void LinkAndAttachmentTitlesDoNotOverwriteTheEventsTitleAndType()
    {
        // 39C3: <link href=…><type>related</type><title>Hegemony eroding</title></link> inside the event.
        var e = TestSchedules.Document("39c3-hub-prerelease.xml").Events.Single(e => e.Code == "RDABLB");

        Assert.Equal("Talk", e.Type);
        Assert.StartsWith("Hegemony Eroding", e.Title, StringComparison.Ordinal);
        Assert.Equal(
            [new ScheduleLink("Hegemony eroding", "https://hegemony-eroding.make-gyver.de/", "related"), new ScheduleLink("Workshop @re:publica 2025", "https://re-publica.com/de/session/hegemony-eroding-hands-genai-workshop-how-excavate-diversity-latent-space", "related"), new ScheduleLink("Workshop @Schmiede25: Faust", "https://schmiedehallein.com/archives/4204", "related")],
            e.Links);
        Assert.Equal([new ScheduleLink("a crack one word wide", "/media/39c3/submissions/RDABLB/resources/bestes_Beispiel_JGuIMX2.webp", "related")], e.Attachments);
    }

    [Fact]
    public void NoEventTakesItsTitleOrTypeFromALinkOrAttachment()
    {
        var xml = TestSchedules.Xml("39c3-hub-prerelease.xml");
        var nestedTitles = xml.Descendants("link").Concat(xml.Descendants("attachment")).Elements("title").Select(t => t.Value).ToHashSet();

        var events = TestSchedules.Document("39c3-hub-prerelease.xml").Events;

        Assert.DoesNotContain(events, e => nestedTitles.Contains(e.Title));
        Assert.DoesNotContain(events, e => e.Type == "related");
    }

    [Fact]
    public void FrabAttachmentsTakeTheirTitleFromTheText()
    {
        var e = TestSchedules.Document("fosdem-2026.xml").Events.Single(e => e.Attachments.Any(a => a.Title == "draft slides"));

        Assert.Contains(new ScheduleLink("draft slides", "https://fosdem.org/2026/events/attachments/MFPHVE-ultrafast-lua-json-parsing/slides/246591/draft_sli_qbebyny.pdf", "slides"), e.Attachments);
    }

    [Fact]
    public void EventsAfterMidnightKeepTheirTrueInstantAndTheDayTheyWereListedUnder()
    {
        var events = TestSchedules.Document("38c3-hub.xml").Events;
        var translucid = events.Single(e => e.Title == "Translucid & Birthcore");

        Assert.Equal(new DateTimeOffset(2024, 12, 28, 4, 30, 0, TimeSpan.FromHours(1)), translucid.Start);
        Assert.Equal(new DateOnly(2024, 12, 27), translucid.DayDate);
        Assert.Equal(58, events.Count(e => DateOnly.FromDateTime(TestSchedules.Local(e.Start, Berlin).DateTime) != e.DayDate));
    }

    [Theory]
    [InlineData("38c3-hub.xml", 26)]
    [InlineData("39c3-hub-prerelease.xml", 11)]
    [InlineData("fosdem-2026.xml", 0)]
    public void EventsThatCrossMidnightEndOnTheNextDay(string file, int crossing)
    {
        var zone = TestSchedules.Document(file).Conference.TimeZoneId!;

        var count = TestSchedules.Document(file).Events.Count(e =>
            TestSchedules.Local(e.Start, zone).Date != TestSchedules.Local(e.End.AddTicks(-1), zone).Date);

        Assert.Equal(crossing, count);
    }

    [Fact]
    public void AnEventAtElevenPmForAnHourEndsAtMidnightPlusTheRest()
    {
        var e = TestSchedules.Document("38c3-hub.xml").Events.Single(e => e.Guid == Guid.Parse("85f8ed00-5e6b-5db1-bbbd-a2561bcf322f"));

        Assert.Equal("Operation Mindfuck Vol. 7", e.Title);
        Assert.Equal(new DateTimeOffset(2024, 12, 27, 23, 50, 0, TimeSpan.FromHours(1)), e.Start);
        Assert.Equal(TimeSpan.FromHours(1), e.Duration);
        Assert.Equal(new DateTimeOffset(2024, 12, 28, 0, 50, 0, TimeSpan.FromHours(1)), e.End);
    }

    [Fact]
    public void NonAsciiTextIsKeptIntact()
    {
        var fosdem = TestSchedules.Document("fosdem-2026.xml");
        var c3 = TestSchedules.Document("38c3-hub.xml");

        Assert.Equal("胡玮文", fosdem.Persons.Single(p => p.Id == "5741").Name);
        Assert.Equal("Bogomil Shopov - Бого", fosdem.Persons.Single(p => p.Id == "1618").Name);
        Assert.Contains("CSS for print 🖨️.", fosdem.Events.Single(e => e.Id == "8220").Abstract, StringComparison.Ordinal);
        Assert.Contains("Chief Information Oﬃce", fosdem.Events.Single(e => e.Id == "9712").Abstract, StringComparison.Ordinal);
        Assert.Contains("doesn\uFFFDt try", fosdem.Events.Single(e => e.Id == "8238").Abstract, StringComparison.Ordinal);
        Assert.Contains(c3.Events, e => e.Title == "Hitchhiker's Towel-Yoga 🕉️");
    }

    [Fact]
    public void TracksComeFromTheTopLevelListAndKeepTheirColours()
    {
        Assert.Equal(new ScheduleTrack("AI Plumbers", "ai", null), TestSchedules.Document("fosdem-2026.xml").Tracks[0]);
        Assert.Equal(new ScheduleTrack("Art & Beauty", "art-beauty", "#F9B000"), TestSchedules.Document("38c3-hub.xml").Tracks[0]);
    }

    [Fact]
    public void PersonsWithOnlyAGuidAreKeyedByIt()
    {
        var opening = TestSchedules.Document("38c3-hub.xml").Events.Single(e => e.Id == "2");

        Assert.Equal("38C3: Opening Ceremony", opening.Title);
        Assert.Contains(new EventPerson(null, Guid.Parse("0c16ffaa-709d-599f-959f-9a38b911361a"), "Gabriela Bogk", null), opening.Persons);
    }

    [Fact]
    public void APersonListedTwiceInOneEventIsKeptOnceWithAWarning()
    {
        var result = TestSchedules.Result("fosdem-2026.xml");
        var welcome = result.Document!.Events.Single(e => e.Id == "9796");

        Assert.Equal(6, welcome.Persons.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal($"events[{welcome.Index}].persons", warning.Path);
        Assert.Contains("Bradley M. Kühn", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordingOptOutIsRead()
    {
        var events = TestSchedules.Document("38c3-hub.xml").Events;

        Assert.Equal(25, events.Count(e => e.RecordingOptOut));
    }

    [Fact]
    public void EventsCarryTheirLineAndColumn()
    {
        var first = TestSchedules.Document("fosdem-2026.xml").Events[0];

        Assert.Equal(SourceLocation.At(6289, 8), first.Location);
        Assert.Equal(Guid.Parse("9c3ebb8c-7716-5130-b9fe-ff8544f5636d"), first.Guid);
        Assert.Equal("Janson", first.Room);
        Assert.Equal("Main Track", first.Track);
    }

    [Fact]
    public void PentabarfScheduleWithoutAZoneReportsThatTheZoneMustBeGiven()
    {
        var result = TestSchedules.ReadFile("fosdem-2007.xml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("conference.time_zone", error.Path);
        Assert.Contains("215 events", error.Message, StringComparison.Ordinal);
        Assert.Contains("ScheduleReadOptions.TimeZone", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Document!.Events);
        Assert.Equal(18, result.Document.Rooms.Count);
    }

    [Fact]
    public void PentabarfScheduleWithAnAssumedZoneBuildsStartsFromDayDateAndStart()
    {
        var document = TestSchedules.Document("fosdem-2007.xml");
        var welcome = document.Events.Where(e => e.Title == "Welcome").MinBy(e => e.Start)!;

        Assert.True(document.Conference.TimeZoneAssumed);
        Assert.Equal(new DateTimeOffset(2007, 2, 25, 10, 0, 0, TimeSpan.FromHours(1)), welcome.Start);
        Assert.Equal(new DateOnly(2007, 2, 25), welcome.DayDate);
        Assert.All(document.Events, e => Assert.Null(e.Guid));
        Assert.Equal("Chavanne", document.Events[0].Room);
    }

    [Fact]
    public void ConferenceStartGivenInUtcIsTheFirstDayInTheConferenceZone()
    {
        var conference = TestSchedules.Document("38c3-hub.xml").Conference;

        Assert.Equal(new DateTimeOffset(2024, 12, 27, 9, 30, 0, TimeSpan.Zero), conference.Start);
        Assert.Equal(new DateOnly(2024, 12, 27), conference.StartDate);
        Assert.Equal(new DateOnly(2024, 12, 30), conference.EndDate);
        Assert.Equal(new ScheduleDay(1, new DateOnly(2024, 12, 27), new DateTimeOffset(2024, 12, 27, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2024, 12, 28, 6, 0, 0, TimeSpan.FromHours(1))), conference.Days[0]);
    }
}
