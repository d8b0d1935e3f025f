using System.Text.RegularExpressions;
using NetconfCloud.Schedule.Seed;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Tests;

public class SeedTests
{
    private static readonly AgendaSnapshot Agenda = Netconf2015.Agenda;

    [Fact]
    public void ConferenceIsNetconf2015InOttawaOnTwoDaysInTorontoTime()
    {
        var conference = Agenda.Conference;

        Assert.Equal("netconf-2015", conference.Id);
        Assert.Equal("America/Toronto", conference.TimeZoneId);
        Assert.Equal("Ottawa, Canada", conference.Location);
        Assert.Equal([new DateOnly(2015, 2, 12), new DateOnly(2015, 2, 13)], conference.Days);
    }

    [Fact]
    public void CoLocatedEventIsNetdev01FromFourteenthToSeventeenthFebruary()
    {
        var netdev = Agenda.Conference.CoLocatedEvent!;

        Assert.Equal("Netdev 0.1", netdev.Name);
        Assert.Equal(new DateOnly(2015, 2, 14), netdev.StartDate);
        Assert.Equal(new DateOnly(2015, 2, 17), netdev.EndDate);
    }

    [Fact]
    public void AgendaHasTwentyFourTalksAndSixBreaksOrMeals()
    {
        Assert.Equal(30, Agenda.Sessions.Count);
        Assert.Equal(24, Agenda.Sessions.Count(s => s.Kind == SessionKind.Talk));
        Assert.Equal(4, Agenda.Sessions.Count(s => s.Kind == SessionKind.Break));
        Assert.Equal(2, Agenda.Sessions.Count(s => s.Kind == SessionKind.Meal));
    }

    [Fact]
    public void IntroductionHasTwoSpeakersInPublishedOrder()
    {
        var introduction = Netconf2015.Session("introduction");

        Assert.Equal(["jamal-hadi-salim", "david-miller"], introduction.Speakers.Select(s => s.Id));
        Assert.Equal(Netconf2015.At(12, 9), introduction.Start);
    }

    [Fact]
    public void FridayNineOClockTalkHasASpeakerAndNoTitle()
    {
        var talk = Agenda.Sessions.Single(s => s.Start == Netconf2015.At(13, 9));

        Assert.Equal(SessionKind.Talk, talk.Kind);
        Assert.False(talk.HasTitle);
        Assert.Equal("Jeff Kirsher", Assert.Single(talk.Speakers).Name);
    }

    [Fact]
    public void FridayNineThirtyTalkRunsAnHour()
    {
        var talk = Agenda.Sessions.Single(s => s.Start == Netconf2015.At(13, 9, 30));

        Assert.Equal(TimeSpan.FromHours(1), talk.End - talk.Start);
        Assert.Equal("jesse-brandeburg", Assert.Single(talk.Speakers).Id);
    }

    [Theory]
    [InlineData("ipv6-routing", 12, 16, 30)]
    [InlineData("vrf-routing-tables", 13, 17, 0)]
    public void LastTalkOfEachDayIsGivenThirtyMinutesAndSaysTheEndIsAssumed(string id, int day, int hour, int minute)
    {
        var talk = Netconf2015.Session(id);

        Assert.Equal(Netconf2015.At(day, hour, minute), talk.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), talk.End - talk.Start);
        Assert.Contains("assumed", talk.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void DavidSMillerOnTheCommitteeIsTheSpeakerDavidMiller()
    {
        var committee = Agenda.Conference.Committee.Single(m => m.Name == "David S. Miller");
        var speaker = Agenda.Speakers.Single(s => s.Id == "david-miller");

        Assert.Equal("david-miller", committee.PersonId);
        Assert.Equal("David S. Miller", speaker.Name);
        Assert.Contains("David Miller", speaker.AlsoKnownAs);
        Assert.DoesNotContain(Agenda.Speakers, s => s.Id != "david-miller" && s.Name.Contains("Miller", StringComparison.Ordinal));
    }

    [Fact]
    public void PdfMarksBecomeSlideCountsAndLeaveTheTitles()
    {
        Assert.DoesNotContain(Agenda.Sessions, s => s.Title.Contains("PDF", StringComparison.Ordinal));
        Assert.Equal(2, Netconf2015.Session("bpf-updates").SlideCount);
        Assert.Equal(2, Netconf2015.Session("flow-table-api").SlideCount);
        Assert.Equal(1, Netconf2015.Session("ila-network-virtualization").SlideCount);
        Assert.EndsWith("(ILA)", Netconf2015.Session("ila-network-virtualization").Title, StringComparison.Ordinal);
        Assert.Equal(8, Agenda.Sessions.Count(s => s.SlideCount > 0));
    }

    [Fact]
    public void SponsorsAreTheFourInPublishedOrderWithNoiroAsACiscoProject()
    {
        Assert.Equal(["Mojatatu Networks", "Cumulus Networks", "Verizon", "Noiro Networks"], Agenda.Sponsors.OrderBy(s => s.Order).Select(s => s.Name));
        Assert.Equal("a Cisco Project", Agenda.Sponsors.Single(s => s.Id == "noiro-networks").Tagline);
    }

    [Fact]
    public void JamalHadiSalimHasThreeTalks()
    {
        var talks = Agenda.Sessions.Where(s => s.IsSpokenBy("jamal-hadi-salim")).Select(s => s.Id);

        Assert.Equal(["introduction", "netdev-announcements", "inter-fe-action"], talks);
    }

    [Fact]
    public void SpeakerIdsAreSlugsOfTheirNames()
    {
        Assert.All(Agenda.Speakers.Where(s => s.Id != "david-miller"), s => Assert.Equal(Slug.From(s.Name), s.Id));
        Assert.Contains(Agenda.Speakers.Single(s => s.Id == "david-miller").AlsoKnownAs, name => Slug.From(name) == "david-miller");
    }

    [Fact]
    public void EachDayIsContiguousFromNineWithEverySlotEndingWhereTheNextStarts()
    {
        foreach (var day in Agenda.Sessions.GroupBy(s => Netconf2015.Toronto.DayOf(s.Start)))
        {
            var slots = day.OrderBy(s => s.Start).ToArray();
            Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(Netconf2015.Toronto.ToLocal(slots[0].Start).DateTime));
            Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        }
    }

    [Fact]
    public void EveryLineOfThePublishedAgendaIsASessionAtThatTimeWithThoseSpeakers()
    {
        var lines = File.ReadAllLines(Repository.PathOf("src", "NetconfCloud.Schedule", "Seed", "netconf-2015.txt"));
        var day = 0;
        var checkedSlots = 0;
        foreach (var line in lines)
        {
            if (line.Contains("February 12, 2015", StringComparison.Ordinal))
            {
                day = 12;
            }
            else if (line.Contains("February 13, 2015", StringComparison.Ordinal))
            {
                day = 13;
            }

            var slot = Regex.Match(line, @"^\s*(\d{1,2}):(\d{2}):00\s+(.*)$");
            if (!slot.Success)
            {
                continue;
            }

            var start = Netconf2015.At(day, int.Parse(slot.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(slot.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            var text = slot.Groups[3].Value.Replace('\u00a0', ' ').Trim();
            var session = Assert.Single(Agenda.Sessions, s => s.Start == start);
            var names = session.Speakers.SelectMany(r => Agenda.Speakers.Single(s => s.Id == r.Id).AlsoKnownAs.Append(r.Name));
            Assert.True(
                session.Speakers.Count == 0 ? text.StartsWith(session.Title, StringComparison.Ordinal) : session.Speakers.All(r => names.Any(n => text.Contains(n, StringComparison.Ordinal))),
                $"{start:u} '{text}' does not match session {session.Id}");
            if (session.HasTitle && session.Speakers.Count > 0)
            {
                Assert.Contains(session.Title[..Math.Min(20, session.Title.Length)], text, StringComparison.Ordinal);
            }

            checkedSlots++;
        }

        Assert.Equal(Agenda.Sessions.Count, checkedSlots);
    }

    [Fact]
    public void AnAgendaWrittenInTheSeedFormatLoadsBackTheSame()
    {
        using var stream = new MemoryStream();
        AgendaSeed.Write(Agenda, stream);
        stream.Position = 0;

        var loaded = AgendaSeed.Load(stream, Netconf2015.SeededAt);

        Assert.Equal(
            Agenda.Sessions.Select(s => (s.Id, s.Kind, s.Title, s.Start, s.End, s.SlideCount, s.Notes, string.Join(',', s.Speakers))),
            loaded.Sessions.Select(s => (s.Id, s.Kind, s.Title, s.Start, s.End, s.SlideCount, s.Notes, string.Join(',', s.Speakers))));
        Assert.Equal(Agenda.Sponsors, loaded.Sponsors);
        Assert.Equal(Agenda.Conference.Committee, loaded.Conference.Committee);
    }
}
