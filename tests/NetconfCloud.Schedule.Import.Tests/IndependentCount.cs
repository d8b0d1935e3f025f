using System.Text.Json;
using System.Xml.Linq;

namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>
/// Counts taken straight from the files with XDocument and JsonDocument, not through the readers, so that the
/// reader's counts are checked against something it did not compute.
/// </summary>
internal sealed record IndependentCount(int Events, int Rooms, int Tracks, int Persons)
{
    public static IndependentCount Of(string file) => file.EndsWith(".xml", StringComparison.Ordinal) ? OfXml(file) : OfJson(file);

    private static IndependentCount OfXml(string file)
    {
        var xml = TestSchedules.Xml(file);
        var events = xml.Descendants("event").ToList();
        var rooms = xml.Descendants("room").Select(r => (string?)r.Attribute("name") ?? r.Value).Select(n => n.Trim());
        var tracks = xml.Root!.Elements("tracks").Elements("track").Select(t => t.Value)
            .Concat(xml.Root.Elements("conference").Elements("track").Select(t => (string)t.Attribute("name")!))
            .Concat(events.Elements("track").Select(t => t.Value))
            .Select(t => t.Trim())
            .Where(t => t.Length > 0);
        var persons = xml.Root.Elements("persons").Elements("person").Concat(events.Elements("persons").Elements("person"))
            .Select(p => (string?)p.Attribute("guid") ?? (string?)p.Attribute("id") ?? p.Value.Trim());
        return new IndependentCount(events.Count, rooms.Distinct().Count(), tracks.Distinct().Count(), persons.Distinct().Count());
    }

    private static IndependentCount OfJson(string file)
    {
        using var json = TestSchedules.Json(file);
        var schedule = json.RootElement.GetProperty("schedule");
        var conference = schedule.GetProperty("conference");
        var events = new List<JsonElement>();
        var rooms = new List<string>();
        if (conference.TryGetProperty("rooms", out var declaredRooms))
        {
            rooms.AddRange(declaredRooms.EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
        }

        foreach (var day in conference.GetProperty("days").EnumerateArray())
        {
            if (day.TryGetProperty("rooms", out var dayRooms))
            {
                foreach (var room in dayRooms.EnumerateObject())
                {
                    rooms.Add(room.Name);
                    events.AddRange(room.Value.EnumerateArray());
                }
            }
        }

        if (schedule.TryGetProperty("events", out var flat))
        {
            events.AddRange(flat.EnumerateArray());
            rooms.AddRange(flat.EnumerateArray().Select(e => e.GetProperty("room").GetProperty("name").GetString()!));
        }

        var tracks = conference.TryGetProperty("tracks", out var declaredTracks)
            ? declaredTracks.EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList()
            : [];
        tracks.AddRange(events.Select(e => e.GetProperty("track")).Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));

        var people = events.SelectMany(e => (e.TryGetProperty("persons", out var p) ? p : e.GetProperty("participants")).EnumerateArray());
        if (schedule.TryGetProperty("persons", out var directory))
        {
            people = people.Concat(directory.EnumerateArray());
        }

        var persons = people.Select(p => p.TryGetProperty("guid", out var g) ? g.GetString()! : p.GetProperty("id").GetRawText());
        return new IndependentCount(
            events.Count,
            rooms.Distinct().Count(),
            tracks.Where(t => t.Length > 0).Distinct().Count(),
            persons.Distinct().Count());
    }
}
