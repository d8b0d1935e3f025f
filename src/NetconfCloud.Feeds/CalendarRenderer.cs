using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace NetconfCloud.Feeds;

/// <summary>
/// Turns sessions into iCalendar that calendar apps can subscribe to. The output depends only on the agenda: the
/// same agenda gives the same bytes (DTSTAMP is the session's last change, never the time of the request).
/// </summary>
/// <remarks>
/// A calendar is its header (the calendar's own properties), the VTIMEZONE, one VEVENT per session, and a footer.
/// <see cref="CalendarComposer"/> serialises each part alone and caches the VTIMEZONE and the VEVENTs; <see cref="Build"/>
/// is the same calendar as one Ical.Net object, which says what the composed text must equal.
/// </remarks>
public static class CalendarRenderer
{
    public const string ProductId = "-//NetconfCloud//Feeds 1.0//EN";

    /// <summary>UID of a session: its permanent id, the same in every feed, so a calendar app sees one event.</summary>
    public static string Uid(string conferenceId, string sessionId) => $"{conferenceId}/sessions/{sessionId}";

    /// <summary>The whole calendar as one Ical.Net object: the header, the time zone and every event.</summary>
    internal static Calendar Build(FeedSelection feed, AgendaSnapshot agenda, FeedOptions options)
    {
        var calendar = Header(feed, agenda.Conference, options);
        calendar.AddTimeZone(TimeZone(agenda.Conference));
        var zone = agenda.Conference.TimeZone;
        foreach (var session in feed.Sessions)
        {
            calendar.Events.Add(Event(session, agenda.Conference, zone, options));
        }

        return calendar;
    }

    /// <summary>The whole calendar serialised by Ical.Net in one go, then folded by us: what a composed calendar equals.</summary>
    internal static string RenderWhole(FeedSelection feed, AgendaSnapshot agenda, FeedOptions options) =>
        ContentLines.Refold(new CalendarSerializer().SerializeToString(Build(feed, agenda, options))
            ?? throw new InvalidOperationException("The calendar serialised to nothing."));

    /// <summary>The calendar's own properties, without components.</summary>
    internal static Calendar Header(FeedSelection feed, Conference conference, FeedOptions options)
    {
        var refresh = Duration(options.RefreshInterval);
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH", Scale = "GREGORIAN" };
        calendar.AddProperty("NAME", feed.Title);
        calendar.AddProperty("X-WR-CALNAME", feed.Title);
        calendar.AddProperty("DESCRIPTION", feed.Description);
        calendar.AddProperty("X-WR-CALDESC", feed.Description);
        calendar.AddProperty("X-WR-TIMEZONE", conference.TimeZone.Id);
        var refreshInterval = new CalendarProperty("REFRESH-INTERVAL", refresh);
        refreshInterval.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refreshInterval);
        calendar.AddProperty("X-PUBLISHED-TTL", refresh);
        return calendar;
    }

    /// <summary>
    /// The conference's time zone as the calendar needs it: the offset in force when its first day begins and every
    /// clock change until after its last day (a session may run past midnight), each an observance of its own. Taken
    /// from the same zone that places the sessions, for any year: no rule is assumed to repeat.
    /// </summary>
    internal static VTimeZone TimeZone(Conference conference)
    {
        var (from, to) = ZoneRange(conference);
        var zone = conference.TimeZone;
        var timeZone = new VTimeZone(zone.Id);
        foreach (var change in zone.ClockChanges(from, to))
        {
            timeZone.AddChild(new VTimeZoneInfo
            {
                Name = change.IsDaylightSaving ? Components.Daylight : Components.Standard,
                Start = new CalDateTime(change.LocalStart),
                OffsetFrom = new UtcOffset(change.OffsetBefore),
                OffsetTo = new UtcOffset(change.OffsetAfter),
            });
        }

        return timeZone;
    }

    /// <summary>From a day before the conference's first day to two days after its last, in UTC.</summary>
    internal static (DateTimeOffset From, DateTimeOffset To) ZoneRange(Conference conference)
    {
        var first = conference.Days.Count > 0 ? conference.Days.Min() : DateOnly.FromDateTime(conference.AgendaUpdateTime.UtcDateTime);
        var last = conference.Days.Count > 0 ? conference.Days.Max() : first;
        var from = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(first == DateOnly.MinValue ? 0 : -1);
        var to = last.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(last.DayNumber >= DateOnly.MaxValue.DayNumber - 2 ? 0 : 3);
        return (new DateTimeOffset(from), new DateTimeOffset(to));
    }

    /// <summary>
    /// One session as a VEVENT: the one place that decides what an event says. Whatever this reads besides the
    /// session must be in <see cref="EventContext"/>, which keys the cached text of the event with the session's version.
    /// </summary>
    internal static CalendarEvent Event(Session session, Conference conference, ConferenceTimeZone zone, FeedOptions options)
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
            Url = FeedText.WebPage(session, conference, options),
        };
        evt.Categories.Add(FeedText.Category(session.Kind));
        return evt;
    }

    /// <summary>
    /// What <see cref="Event"/> reads of the conference and the options (the session's own fields are covered by its
    /// version): the conference id (UID, URL), full name and location (DESCRIPTION, LOCATION), the time zone (DTSTART,
    /// DTEND), the public base URL (URL) and the rooms' names (LOCATION: a renamed room changes no session's version).
    /// Change the two together.
    /// </summary>
    internal static string EventContext(Conference conference, FeedOptions options) =>
        string.Join('\n', conference.Id, conference.FullName, conference.Location, conference.TimeZoneId, options.PublicBaseUrl.ToString(),
            string.Join('\t', conference.Rooms.Select(room => $"{room.Id}={room.Name}")));

    private static CalDateTime Local(DateTimeOffset instant, ConferenceTimeZone zone) =>
        new(zone.ToLocal(instant).DateTime, zone.Id);

    private static string Duration(TimeSpan span) =>
        span.TotalHours is var hours && hours == Math.Floor(hours) ? $"PT{hours:0}H" : $"PT{span.TotalMinutes:0}M";
}
