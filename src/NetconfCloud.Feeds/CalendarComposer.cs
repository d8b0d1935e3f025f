using System.Collections.Concurrent;
using System.Text;
using Ical.Net.Serialization;

namespace NetconfCloud.Feeds;

/// <summary>
/// Renders a calendar from parts serialised alone and kept: the header (the feed's own properties, serialised each
/// time), the VTIMEZONE (kept per zone and range of days), one VEVENT per session (kept per session version, in a
/// least-recently-used cache bounded in bytes) and the footer. One change in a large agenda serialises one event
/// again; the rest is copying bytes. The text equals Ical.Net's serialisation of the whole calendar, folded by
/// <see cref="ContentLines"/>, because Ical.Net writes a calendar's components one after another and folding is
/// line by line.
/// </summary>
internal sealed class CalendarComposer(long eventCacheBytes)
{
    private const string Footer = "END:VCALENDAR\r\n";
    private static readonly byte[] FooterBytes = Encoding.UTF8.GetBytes(Footer);

    private readonly LruCache<EventKey, byte[]> events = new(eventCacheBytes, text => text.Length);
    private readonly ConcurrentDictionary<(string Zone, (DateTimeOffset From, DateTimeOffset To) Range), byte[]> zones = new();
    private long eventsRendered;

    /// <summary>How many VEVENTs were serialised (not taken from the cache) so far.</summary>
    public long EventsRendered => Interlocked.Read(ref eventsRendered);

    /// <summary>The VEVENTs kept, as UTF-8 text.</summary>
    public LruCache<EventKey, byte[]> Events => events;

    /// <summary>The calendar of a feed, as the UTF-8 bytes to serve.</summary>
    public byte[] Render(FeedSelection feed, AgendaSnapshot agenda, FeedOptions options)
    {
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var context = CalendarRenderer.EventContext(conference, options);
        EventSerializer? serializer = null;

        var header = HeaderText(feed, conference, options);
        var timeZone = zones.GetOrAdd((zone.Id, CalendarRenderer.ZoneRange(conference)), static (_, conference) =>
            Utf8(new ComponentSerializer(new SerializationContext()).SerializeToString(CalendarRenderer.TimeZone(conference))), conference);
        var blocks = new byte[feed.Sessions.Count][];
        var length = header.Length + timeZone.Length + FooterBytes.Length;
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = EventText(feed.Sessions[i]);
            length += blocks[i].Length;
        }

        var body = new byte[length];
        var at = Append(body, 0, header);
        at = Append(body, at, timeZone);
        foreach (var block in blocks)
        {
            at = Append(body, at, block);
        }

        Append(body, at, FooterBytes);
        return body;

        byte[] EventText(Session session)
        {
            // A session without a version (not read from storage) cannot be told from its next version: never kept.
            var key = new EventKey(context, session.Id, session.ETag);
            var versioned = session.ETag.Length > 0;
            if (versioned && events.TryGetValue(key, out var kept))
            {
                return kept;
            }

            serializer ??= new EventSerializer(new SerializationContext());
            var text = Utf8(serializer.SerializeToString(CalendarRenderer.Event(session, conference, zone, options)));
            Interlocked.Increment(ref eventsRendered);
            if (versioned)
            {
                events.Set(key, text);
            }

            return text;
        }
    }

    /// <summary>BEGIN:VCALENDAR and the calendar's properties: the calendar without components, less its last line.</summary>
    private static byte[] HeaderText(FeedSelection feed, Conference conference, FeedOptions options)
    {
        var text = new CalendarSerializer().SerializeToString(CalendarRenderer.Header(feed, conference, options)) ?? "";
        return text.EndsWith(Footer, StringComparison.Ordinal)
            ? Utf8(text[..^Footer.Length])
            : throw new InvalidOperationException("A calendar without components did not end with END:VCALENDAR.");
    }

    private static byte[] Utf8(string? ics) =>
        Encoding.UTF8.GetBytes(ContentLines.Refold(ics ?? throw new InvalidOperationException("A component serialised to nothing.")));

    private static int Append(byte[] body, int at, byte[] part)
    {
        part.CopyTo(body, at);
        return at + part.Length;
    }
}

/// <summary>
/// Identifies the text of one event: the session and its version (its storage ETag, which moves with every change),
/// in the context of <see cref="CalendarRenderer.EventContext"/>.
/// </summary>
internal readonly record struct EventKey(string Context, string SessionId, string SessionETag);
