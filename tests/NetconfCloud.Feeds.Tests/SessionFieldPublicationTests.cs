using Ical.Net.Serialization;
using NetconfCloud.Schedule;
using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>
/// Every field of a session's content is published: changing it alone changes the frab XML, the c3voc JSON and the
/// session's calendar event, unless the field is listed below as one that output has no place for, with the reason.
/// The fields are walked by reflection, so a field added to the content and shown nowhere fails here.
/// </summary>
public class SessionFieldPublicationTests
{
    /// <summary>Fields the schedule formats (frab XML, c3voc JSON) have no place for, and why.</summary>
    private static readonly Dictionary<string, string> NotInScheduleFormats = new(StringComparer.Ordinal)
    {
        ["slide_count"] = "slides without an address: the formats have links only (the calendar says it).",
    };

    /// <summary>Fields a calendar event has no place for, and why.</summary>
    private static readonly Dictionary<string, string> NotInCalendars = new(StringComparer.Ordinal)
    {
        ["language"] = "an event has no language of its own in iCalendar (the exports carry it).",
        ["source_guid"] = "the event's UID is ours, stable across imports (the exports carry the source's guid).",
    };

    private static readonly Session Scheduled = EveryField.Session with { Status = SessionStatus.Scheduled, ETag = "W/\"1\"" };

    public static TheoryData<string> Fields => [.. SessionFields.All.Select(f => f.Path)];

    [Theory]
    [MemberData(nameof(Fields))]
    public void ChangingAFieldChangesTheScheduleExportsUnlessTheyHaveNoPlaceForIt(string path)
    {
        var (before, after) = (Agenda(Scheduled), Agenda(Changed(path)));

        var xmlChanged = FrabScheduleXml.Render(before, Agendas.Options) != FrabScheduleXml.Render(after, Agendas.Options);
        var jsonChanged = C3vocScheduleJson.Render(before, Agendas.Options) != C3vocScheduleJson.Render(after, Agendas.Options);

        var expected = !NotInScheduleFormats.ContainsKey(path);
        Assert.True(xmlChanged == expected, $"schedule.xml {(expected ? "does not show" : "shows")} {path}.");
        Assert.True(jsonChanged == expected, $"schedule.json {(expected ? "does not show" : "shows")} {path}.");
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void ChangingAFieldChangesTheCalendarEventUnlessItHasNoPlaceForIt(string path)
    {
        var expected = !NotInCalendars.ContainsKey(path);

        var changed = Event(Agenda(Scheduled), Scheduled) != Event(Agenda(Changed(path)), Changed(path));

        Assert.True(changed == expected, $"The calendar event {(expected ? "does not show" : "shows")} {path}.");
    }

    [Fact]
    public void TheTalksPageIsTheEventsUrlInTheCalendarAndTheExports()
    {
        var agenda = Agenda(Scheduled);

        Assert.Contains("URL:https://example.org/2015/talks/every-field", Event(agenda, Scheduled), StringComparison.Ordinal);
        Assert.Contains("<url>https://example.org/2015/talks/every-field</url>", FrabScheduleXml.Render(agenda, Agendas.Options), StringComparison.Ordinal);
        Assert.Contains("\"url\": \"https://example.org/2015/talks/every-field\"", C3vocScheduleJson.Render(agenda, Agendas.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void ASessionWithoutATalkPageLinksItsOwnFeed()
    {
        var session = Scheduled with { SourceUrl = "" };

        Assert.Contains("URL:https://feeds.example.test/api/netconf-2015/sessions/every-field.ics", Event(Agenda(session), session), StringComparison.Ordinal);
    }

    /// <summary>The scheduled test session with one field as the other test session has it (in a room and track that exist).</summary>
    private static Session Changed(string path)
    {
        var changed = SessionFields.CopyFields(Scheduled, EveryField.Other, [path]);
        return path == "status" ? changed with { Status = SessionStatus.Cancelled } : changed;
    }

    private static AgendaSnapshot Agenda(Session session)
    {
        var agenda = EveryField.AddedTo(Agendas.Netconf2015);
        return agenda with
        {
            Conference = agenda.Conference with
            {
                Rooms = [.. agenda.Conference.Rooms, new Room("saal-2", "Saal 2")],
                Tracks = [.. agenda.Conference.Tracks, new Track("software", "Software", "#993366")],
            },
            Sessions = [.. agenda.Sessions.Where(s => s.Id != session.Id), session],
        };
    }

    private static string Event(AgendaSnapshot agenda, Session session) =>
        new EventSerializer(new SerializationContext()).SerializeToString(
            CalendarRenderer.Event(session, agenda.Conference, agenda.Conference.TimeZone, Agendas.Options))!;
}
