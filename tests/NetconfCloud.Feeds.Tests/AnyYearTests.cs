using System.Xml.Linq;
using NetconfCloud.Schedule;
using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>
/// A conference may be in any year a calendar can show: Netconf 2015's agenda moved whole to another year (same
/// wall-clock times in Ottawa) gives a calendar that ical.js reads at those times, with the zone's rules of that
/// year, and exports that the schedule apps can read.
/// </summary>
public class AnyYearTests
{
    public static TheoryData<int> Years => [1970, 1999, 2015, 2026, 2029, 2038, 2100, 2200];

    [Theory]
    [MemberData(nameof(Years))]
    public async Task TheWholeEventFeedOfAConferenceInAnyYearIsReadAtItsLocalTimes(int year)
    {
        var agenda = MovedTo(year);

        var calendar = await IcalJs.ParseAsync(await Agendas.RenderAsync(agenda, FeedKind.Event));

        var first = agenda.Sessions.OrderBy(s => s.Start).First();
        var parsed = calendar.Events.Single(e => e.Uid == CalendarRenderer.Uid(agenda.Conference.Id, first.Id));
        Assert.Equal(first.Start, parsed.Dtstart!.Utc);
        Assert.Equal($"{year:D4}-02-12T09:00:00", parsed.Dtstart.Local);
        Assert.Equal("America/Toronto", parsed.Dtstart.Tzid);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public async Task TheExportsOfAConferenceInAnyYearAreWritten(int year)
    {
        var agenda = MovedTo(year);

        var xml = XDocument.Parse(await Agendas.RenderAsync(agenda, FeedKind.Frab));
        using var json = System.Text.Json.JsonDocument.Parse(await Agendas.RenderAsync(agenda, FeedKind.C3voc));

        Assert.Equal($"{year:D4}-02-12T09:00:00-05:00", xml.Descendants("event").First().Element("date")!.Value);
        Assert.Equal($"{year:D4}-02-12", json.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("start").GetString()![..10]);
    }

    /// <summary>Netconf 2015 in another year: each session on the same day of February at the same local time.</summary>
    private static AgendaSnapshot MovedTo(int year)
    {
        var agenda = Agendas.Netconf2015;
        var zone = agenda.Conference.TimeZone;
        DateTimeOffset Move(DateTimeOffset instant)
        {
            var local = zone.ToLocal(instant);
            return zone.ToInstant(new DateOnly(year, local.Month, local.Day), TimeOnly.FromDateTime(local.DateTime));
        }

        return agenda with
        {
            Conference = agenda.Conference with { Days = [.. agenda.Conference.Days.Select(d => new DateOnly(year, d.Month, d.Day))] },
            Sessions = [.. agenda.Sessions.Select(s => s with { Start = Move(s.Start), End = Move(s.End), ETag = s.ETag + year })],
        };
    }
}
