using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace NetconfCloud.Feeds;

/// <summary>
/// Renders sessions as iCalendar that calendar apps can subscribe to. The output depends only on the agenda: the
/// same agenda gives the same bytes (DTSTAMP is the session's last change, never the time of the request).
/// </summary>
public static class CalendarRenderer
{
    public const string ProductId = "-//NetconfCloud//Feeds 1.0//EN";

    /// <summary>Time-zone rules are published from this year on, early enough for every session of a conference.</summary>
    private static DateTime EarliestZoneRule(AgendaSnapshot agenda) =>
        new(agenda.Conference.Days.Min().Year - 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>UID of a session: its permanent id, the same in every feed, so a calendar app sees one event.</summary>
    public static string Uid(string conferenceId, string sessionId) => $"{conferenceId}/sessions/{sessionId}";

    internal static string Render(FeedSelection feed, AgendaSnapshot agenda, FeedOptions options)
    {
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var refresh = Duration(options.RefreshInterval);
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("NAME", feed.Title);
        calendar.AddProperty("X-WR-CALNAME", feed.Title);
        calendar.AddProperty("DESCRIPTION", feed.Description);
        calendar.AddProperty("X-WR-CALDESC", feed.Description);
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        var refreshInterval = new CalendarProperty("REFRESH-INTERVAL", refresh);
        refreshInterval.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refreshInterval);
        calendar.AddProperty("X-PUBLISHED-TTL", refresh);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, EarliestZoneRule(agenda), includeHistoricalData: true));

        foreach (var session in feed.Sessions)
        {
            calendar.Events.Add(Event(session, conference, zone, options));
        }

        return ContentLines.Refold(new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("The calendar serialised to nothing."));
    }

    private static CalendarEvent Event(Session session, Conference conference, ConferenceTimeZone zone, FeedOptions options)
    {
        var changed = new CalDateTime(session.UpdateTime.UtcDateTime);
        var evt = new CalendarEvent
        {
            Uid = Uid(conference.Id, session.Id),
            Summary = FeedText.Summary(session),
            Description = FeedText.Description(session, conference),
            Location = conference.LocationOf(session),
            Start = Local(session.Start, zone),
            End = Local(session.End, zone),
            DtStamp = changed,
            LastModified = changed,
            Sequence = (int)Math.Min(session.Sequence, int.MaxValue),
            Status = session.Status == SessionStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = session.IsTalk ? TransparencyType.Opaque : TransparencyType.Transparent,
            Url = FeedUrls.Https(options, FeedKey.Parse(FeedKind.Session, conference.Id, session.Id)),
        };
        evt.Categories.Add(FeedText.Category(session.Kind));
        return evt;
    }

    private static CalDateTime Local(DateTimeOffset instant, ConferenceTimeZone zone) =>
        new(zone.ToLocal(instant).DateTime, zone.Id);

    private static string Duration(TimeSpan span) =>
        span.TotalHours is var hours && hours == Math.Floor(hours) ? $"PT{hours:0}H" : $"PT{span.TotalMinutes:0}M";
}
