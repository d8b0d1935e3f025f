using System.Globalization;
using NetconfCloud.Schedule;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>
/// How a session reads, against its conference: on one line (local day and times with the zone's offset, title,
/// speakers, room by name, status), or in full with every published field.
/// </summary>
internal sealed class SessionLine(Proto.Conference conference)
{
    private readonly Dictionary<string, string> rooms = conference.Rooms.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
    private readonly Dictionary<string, string> tracks = conference.Tracks.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    public ConferenceTimeZone Zone { get; } = ConferenceTimeZone.FromId(conference.TimeZone);

    public string Format(Proto.Session s)
    {
        var title = s.Title.Length > 0 ? s.Title : "(no title published)";
        var speakers = s.SpeakerNames.Count > 0 ? $" — {string.Join(", ", s.SpeakerNames)}" : "";
        var room = s.RoomId.Length > 0 ? $" · {RoomName(s.RoomId)}" : "";
        var cancelled = s.Status == Proto.SessionStatus.Cancelled ? " [CANCELLED]" : "";
        return $"{Times(s.StartTime.ToDateTimeOffset(), s.EndTime.ToDateTimeOffset())}  {title}{speakers}{room}{cancelled}";
    }

    /// <summary>The session's fields after its line, as label and value; empty fields are left out.</summary>
    public IEnumerable<(string Label, string Value)> Details(Proto.Session s)
    {
        (string, string)[] fields =
        [
            ("id", s.Id), ("subtitle", s.Subtitle),
            ("room", s.RoomId.Length > 0 ? $"{RoomName(s.RoomId)} ({s.RoomId})" : ""),
            ("track", s.TrackId.Length > 0 ? $"{TrackName(s.TrackId)} ({s.TrackId})" : ""),
            ("language", s.Language), ("page", s.SourceUrl), ("abstract", s.Abstract), ("notes", s.Notes),
            ("slides", s.SlideCount > 0 ? s.SlideCount.ToString(CultureInfo.InvariantCulture) : ""),
        ];
        foreach (var field in fields.Concat(s.Links.Select(l => ("link", LinkText(l)))))
        {
            yield return field;
        }

        yield return ("sequence", s.Sequence.ToString(CultureInfo.InvariantCulture));
        yield return ("etag", s.Etag);
        yield return ("updated", s.UpdateTime is null ? "" : s.UpdateTime.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture));
        yield return ("source", s.SourceGuid);
    }

    /// <summary>Local start and end, e.g. "Thu 2015-02-12 09:00–09:30 -05:00".</summary>
    public string Times(DateTimeOffset start, DateTimeOffset end)
    {
        var localStart = Zone.ToLocal(start);
        var localEnd = Zone.ToLocal(end);
        return string.Create(CultureInfo.InvariantCulture, $"{localStart:ddd yyyy-MM-dd HH:mm}–{localEnd:HH:mm} {localStart:zzz}");
    }

    /// <summary>The room's name; its id when the conference no longer lists it.</summary>
    public string RoomName(string id) => rooms.TryGetValue(id, out var name) ? name : id;

    public string TrackName(string id) => tracks.TryGetValue(id, out var name) ? name : id;

    public static string LinkText(Proto.Link link) => link.Title.Length > 0 ? $"{link.Title}: {link.Url}" : link.Url;
}
