using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NetconfCloud.Feeds;

/// <summary>
/// The agenda as frab <c>schedule.xml</c> (https://c3voc.de/schedule/schema.xsd): <c>day/room/event</c>, every
/// event with its guid and id attributes and its start as an instant in <c>&lt;date&gt;</c>. The same data and
/// identities as <see cref="C3vocScheduleJson"/>. Optional elements we have no value for are left out.
/// </summary>
internal static partial class FrabScheduleXml
{
    public static string Render(AgendaSnapshot agenda, FeedOptions options)
    {
        var schedule = ScheduleExport.From(agenda, options);
        var conference = new XElement(
            "conference",
            new XElement("acronym", schedule.Acronym),
            new XElement("title", schedule.Title),
            new XElement("start", ScheduleExport.Date(schedule.Start)),
            new XElement("end", ScheduleExport.Date(schedule.End)),
            new XElement("days", schedule.Days.Count),
            new XElement("timeslot_duration", ScheduleExport.Duration(schedule.Timeslot)),
            new XElement("base_url", schedule.BaseUrl.AbsoluteUri),
            schedule.Url is { } url ? new XElement("url", url) : null,
            new XElement("time_zone_name", schedule.TimeZoneId),
            schedule.Tracks.Select(t => new XElement("track", new XAttribute("name", t.Name), t.Color is { } color ? new XAttribute("color", color) : null)));

        var root = new XElement(
            "schedule",
            new XElement("generator", new XAttribute("name", ScheduleExport.Generator)),
            new XElement("url", schedule.XmlUrl.AbsoluteUri),
            new XElement("version", schedule.Version),
            conference,
            schedule.Days.Select(day => new XElement(
                "day",
                new XAttribute("index", day.Index),
                new XAttribute("date", ScheduleExport.Date(day.Date)),
                new XAttribute("start", ScheduleExport.Instant(day.Start)),
                new XAttribute("end", ScheduleExport.Instant(day.End)),
                day.Rooms.Select(room => new XElement(
                    "room",
                    new XAttribute("name", room.Room.Name),
                    new XAttribute("guid", room.Room.Guid),
                    room.Events.Select(Event))))));

        var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
        }

        return Encoding.UTF8.GetString(output.ToArray()) + "\n";
    }

    private static XElement Event(ExportedEvent e) => new(
        "event",
        new XAttribute("guid", e.Guid),
        new XAttribute("id", e.Id),
        new XElement("date", ScheduleExport.Instant(e.Start)),
        new XElement("start", ScheduleExport.TimeOfDay(e.Start)),
        new XElement("duration", ScheduleExport.Duration(e.Duration)),
        new XElement("room", e.Room.Name),
        VocSlug().IsMatch(e.Slug) ? new XElement("slug", e.Slug) : null,
        new XElement("url", e.Url.AbsoluteUri),
        new XElement("title", e.Title),
        e.Subtitle is { } subtitle ? new XElement("subtitle", subtitle) : null,
        new XElement("track", e.Track ?? ""),
        new XElement("type", e.Type),
        e.Language is { } language ? new XElement("language", language) : null,
        new XElement("abstract", e.Abstract ?? ""),
        e.Description is { } description ? new XElement("description", description) : null,
        new XElement("recording", new XElement("license", e.RecordingLicense), new XElement("optout", e.RecordingOptOut ? "true" : "false")),
        e.FeedbackUrl is { } feedback ? new XElement("feedback_url", feedback) : null,
        new XElement("persons", e.Persons.Select(p => new XElement("person", new XAttribute("id", p.Id), p.Guid is { } guid ? new XAttribute("guid", guid) : null, p.Name))),
        new XElement("links", e.Links.Select(l => new XElement("link", new XAttribute("href", l.Url), l.Title))),
        new XElement("attachments"));

    /// <summary>The XSD's slug: the acronym, a hyphen and four characters or more (a shorter session id gives no slug).</summary>
    [GeneratedRegex("^[a-z0-9_]{4,}-[a-z0-9_-]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex VocSlug();
}
