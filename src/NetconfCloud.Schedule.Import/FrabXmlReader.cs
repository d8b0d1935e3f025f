using System.Xml;
using System.Xml.Linq;
using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import;

/// <summary>
/// Reads frab/Pentabarf <c>schedule.xml</c>: the frab and pretalx layout (<c>day/room/event</c> with a
/// <c>&lt;date&gt;</c> instant) and the old Pentabarf one (<c>day/event</c>, room inside the event, no guid, no date:
/// the start is the day's date and <c>&lt;start&gt;</c> in the conference zone).
/// Only an event's own child elements are read, so the <c>&lt;title&gt;</c> and <c>&lt;type&gt;</c> inside a
/// <c>&lt;link&gt;</c> or <c>&lt;attachment&gt;</c> (39C3) never become the event's. Unknown elements are ignored.
/// </summary>
public static class FrabXmlReader
{
    public static ScheduleReadResult Read(Stream stream, ScheduleReadOptions? options = null) =>
        ScheduleReader.Read(stream, ScheduleFormat.FrabXml, options);

    internal static ScheduleReadResult Read(ArraySegment<byte> bytes, ScheduleReadOptions options)
    {
        XDocument xml;
        try
        {
            if (TooDeep(bytes, options.MaxXmlDepth) is { } deep)
            {
                return Failed(deep, $"The XML nests elements more than {options.MaxXmlDepth} deep; a schedule nests about six.");
            }

            using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            // A prohibited DTD raises an exception without a position: point at the <!DOCTYPE instead.
            var location = e.LineNumber > 0 ? SourceLocation.At(e.LineNumber, e.LinePosition) : DoctypeLocation(bytes);
            return Failed(location, $"The file is not well-formed XML, or uses what we refuse (a DTD): {e.Message}");
        }

        var root = xml.Root;
        if (root is null || root.Name.LocalName != "schedule")
        {
            return Failed(root is null ? null : At(root), $"The root element is <{root?.Name.LocalName}>, not <schedule>: this is not a frab schedule.xml.");
        }

        var builder = new DocumentBuilder(ScheduleFormat.FrabXml, options)
        {
            Layout = ScheduleLayout.FrabRooms,
            Version = Text(Child(root, "version")),
        };
        ReadConference(Child(root, "conference"), builder);
        foreach (var track in Children(Child(root, "tracks"), "track"))
        {
            builder.AddTrack(Text(track), Attribute(track, "slug"), Attribute(track, "color"));
        }

        var personIndex = 0;
        foreach (var person in Children(Child(root, "persons"), "person"))
        {
            builder.AddPerson(Attribute(person, "id"), Attribute(person, "guid"), Text(Child(person, "name")) ?? DirectText(person), null, $"persons[{personIndex++}]", At(person));
        }

        var dayIndex = 0;
        var roomIndex = 0;
        var sawRooms = false;
        var sawBareEvents = false;
        foreach (var dayElement in Children(root, "day"))
        {
            var dayPath = $"conference.days[{dayIndex++}]";
            var day = builder.AddDay(Attribute(dayElement, "index"), Attribute(dayElement, "date"), Attribute(dayElement, "start"), Attribute(dayElement, "end"), dayPath, At(dayElement));
            foreach (var child in dayElement.Elements())
            {
                if (child.Name.LocalName == "room")
                {
                    sawRooms = true;
                    var roomName = Attribute(child, "name");
                    builder.AddRoom(roomName, Attribute(child, "guid"), Attribute(child, "slug"), $"rooms[{roomIndex++}]", At(child));
                    foreach (var eventElement in Children(child, "event"))
                    {
                        builder.AddEvent(ReadEvent(eventElement, day?.Date, roomName, builder));
                    }
                }
                else if (child.Name.LocalName == "event")
                {
                    sawBareEvents = true;
                    builder.AddEvent(ReadEvent(child, day?.Date, null, builder));
                }
            }
        }

        if (sawBareEvents && !sawRooms)
        {
            builder.Layout = ScheduleLayout.PentabarfEvents;
        }

        return builder.Build();
    }

    /// <summary>Where the XML first nests deeper than <paramref name="maxDepth"/>, read as a stream before any tree is built; null when it never does.</summary>
    private static SourceLocation? TooDeep(ArraySegment<byte> bytes, int maxDepth)
    {
        using var stream = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            if (reader.Depth > maxDepth)
            {
                var line = (IXmlLineInfo)reader;
                return SourceLocation.At(line.LineNumber, line.LinePosition);
            }
        }

        return null;
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private static void ReadConference(XElement? conference, DocumentBuilder builder)
    {
        if (conference is null)
        {
            builder.Problem(ProblemSeverity.Warning, "conference", null, "The file has no <conference>.");
            return;
        }

        builder.ConferenceLocation = At(conference);
        builder.Title = Text(Child(conference, "title"));
        builder.Acronym = Text(Child(conference, "acronym"));
        builder.Subtitle = Text(Child(conference, "subtitle"));
        builder.Venue = Text(Child(conference, "venue"));
        builder.City = Text(Child(conference, "city"));
        builder.ConferenceStart = Text(Child(conference, "start"));
        builder.ConferenceEnd = Text(Child(conference, "end"));
        builder.Url = Text(Child(conference, "url"));
        builder.BaseUrl = Text(Child(conference, "base_url"));
        var zone = Child(conference, "time_zone_name");
        builder.TimeZoneName = Text(zone);
        builder.TimeZoneLocation = zone is null ? null : At(zone);
        var dayChange = Child(conference, "day_change");
        if (Text(dayChange) is { } change)
        {
            if (ScheduleText.TryParseTimeOfDay(change, out var time))
            {
                builder.DayChange = time;
            }
            else
            {
                builder.Problem(ProblemSeverity.Warning, "conference.day_change", At(dayChange!), $"'{change}' is not a time of day; ignored.");
            }
        }

        // 38C3 and 39C3 put <track name= color= slug=/> inside <conference>.
        foreach (var track in Children(conference, "track"))
        {
            builder.AddTrack(Attribute(track, "name") ?? Text(track), Attribute(track, "slug"), Attribute(track, "color"));
        }
    }

    private static RawEvent ReadEvent(XElement e, DateOnly? dayDate, string? enclosingRoom, DocumentBuilder builder)
    {
        var date = Child(e, "date");
        var start = Child(e, "start");
        var duration = Child(e, "duration");
        var ownRoom = Text(Child(e, "room"));
        var raw = new RawEvent
        {
            Location = At(e),
            Guid = Attribute(e, "guid"),
            Id = Attribute(e, "id"),
            Code = Text(Child(e, "code")),
            Slug = Text(Child(e, "slug")),
            Title = Child(e, "title")?.Value ?? "",
            Subtitle = Text(Child(e, "subtitle")),
            Abstract = Text(Child(e, "abstract")),
            Description = Text(Child(e, "description")),
            Language = Text(Child(e, "language")),
            Type = Text(Child(e, "type")),
            Track = Text(Child(e, "track")),
            TrackSlug = Attribute(Child(e, "track"), "slug"),
            Room = enclosingRoom ?? ownRoom,
            Date = Text(date),
            DateLocation = date is null ? null : At(date),
            Start = Text(start),
            StartLocation = start is null ? null : At(start),
            Duration = Text(duration),
            DurationLocation = duration is null ? null : At(duration),
            DayDate = dayDate,
            Url = Text(Child(e, "url")),
            RecordingOptOut = IsTrue(Child(Child(e, "recording"), "optout")) || IsTrue(Child(e, "do_not_record")),
        };

        if (enclosingRoom is not null && ownRoom is not null && !string.Equals(enclosingRoom.Trim(), ownRoom, StringComparison.Ordinal))
        {
            builder.Problem(ProblemSeverity.Warning, $"events[{builder.EventCount}].room", At(e), $"Event {raw.Id ?? raw.Guid} is listed in room '{enclosingRoom}' but names the room '{ownRoom}'; the listing wins.");
        }

        var personIndex = 0;
        foreach (var person in Children(Child(e, "persons"), "person"))
        {
            var p = builder.AddPerson(Attribute(person, "id"), Attribute(person, "guid"), DirectText(person) ?? Text(Child(person, "name")), null, $"events[{builder.EventCount}].persons[{personIndex++}]", At(person));
            if (p is not null)
            {
                raw.Persons.Add(p);
            }
        }

        raw.Links.AddRange(Children(Child(e, "links"), "link").Select(ReadLink).OfType<ScheduleLink>());
        raw.Attachments.AddRange(Children(Child(e, "attachments"), "attachment").Select(ReadLink).OfType<ScheduleLink>());
        return raw;
    }

    /// <summary>
    /// A link or attachment: <c>&lt;link href="…"&gt;Title&lt;/link&gt;</c> (frab) or, in 39C3, child
    /// <c>&lt;title&gt;</c> and <c>&lt;type&gt;</c> elements; those belong to the link only.
    /// </summary>
    private static ScheduleLink? ReadLink(XElement link)
    {
        var url = Attribute(link, "href") ?? Text(Child(link, "url"));
        return url is null
            ? null
            : new ScheduleLink(Text(Child(link, "title")) ?? DirectText(link), url, Attribute(link, "type") ?? Text(Child(link, "type")));
    }

    private static SourceLocation? DoctypeLocation(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOf("<!DOCTYPE"u8);
        if (at < 0)
        {
            return null;
        }

        var before = bytes[..at];
        return SourceLocation.At(before.Count((byte)'\n') + 1, at - (before.LastIndexOf((byte)'\n') + 1) + 1);
    }

    private static ScheduleReadResult Failed(SourceLocation? location, string message) =>
        new(null, new[] { new ImportProblem(ProblemSeverity.Error, "document", location, message) }.ToValueList());

    private static XElement? Child(XElement? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }

        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == name)
            {
                return child;
            }
        }

        return null;
    }

    private static IEnumerable<XElement> Children(XElement? parent, string name) =>
        parent is null ? [] : parent.Elements().Where(c => c.Name.LocalName == name);

    private static string? Text(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    /// <summary>The element's own text, without that of child elements.</summary>
    private static string? DirectText(XElement element)
    {
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        return text.Length == 0 ? null : text;
    }

    private static string? Attribute(XElement? element, string name) =>
        element?.Attribute(name)?.Value is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static bool IsTrue(XElement? element) => string.Equals(Text(element), "true", StringComparison.OrdinalIgnoreCase);

    private static SourceLocation At(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? SourceLocation.At(info.LineNumber, info.LinePosition) : SourceLocation.At(0, 0);
}
