using System.Globalization;

namespace NetconfCloud.Schedule.Import.Internal;

/// <summary>
/// What both readers share: they hand over text as found, with its location; the builder checks it, resolves
/// times in the conference zone, collects rooms, tracks and persons, and records every problem.
/// </summary>
internal sealed class DocumentBuilder(ScheduleFormat format, ScheduleReadOptions options)
{
    private readonly List<ImportProblem> _problems = [];
    private readonly List<ScheduleDay> _days = [];
    private readonly List<RoomEntry> _rooms = [];
    private readonly Dictionary<string, RoomEntry> _roomsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _roomNameByGuid = [];
    private readonly HashSet<(string, string)> _roomWarnings = [];
    private readonly List<ScheduleTrack> _tracks = [];
    private readonly Dictionary<string, int> _trackByName = new(StringComparer.Ordinal);
    private readonly List<PersonEntry> _persons = [];
    private readonly Dictionary<string, PersonEntry> _personsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstNameById = new(StringComparer.Ordinal);
    private readonly List<RawEvent> _events = [];

    public ScheduleLayout Layout { get; set; }

    /// <summary>How many events were added so far: the index the next one will have in problem paths.</summary>
    public int EventCount => _events.Count;

    public string? Version { get; set; }

    public string? Title { get; set; }

    public string? Acronym { get; set; }

    public string? Subtitle { get; set; }

    public string? TimeZoneName { get; set; }

    public SourceLocation? TimeZoneLocation { get; set; }

    public string? ConferenceStart { get; set; }

    public string? ConferenceEnd { get; set; }

    public string? Url { get; set; }

    public string? BaseUrl { get; set; }

    public string? Venue { get; set; }

    public string? City { get; set; }

    /// <summary>frab's <c>day_change</c>: a wall-clock start before it belongs to the next calendar day.</summary>
    public TimeOnly? DayChange { get; set; }

    public SourceLocation? ConferenceLocation { get; set; }

    public void Problem(ProblemSeverity severity, string path, SourceLocation? location, string message) =>
        _problems.Add(new ImportProblem(severity, path, location, message));

    public ScheduleDay? AddDay(string? index, string? date, string? start, string? end, string path, SourceLocation location)
    {
        if (!ScheduleText.TryParseDate(date, out var day))
        {
            Problem(ProblemSeverity.Error, path + ".date", location, $"The day's date '{date}' is not a date (yyyy-MM-dd); its events have no day.");
            return null;
        }

        var result = new ScheduleDay(
            int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null,
            day,
            Instant(start, path + ".start", location),
            Instant(end, path + ".end", location));
        _days.Add(result);
        return result;
    }

    public void AddRoom(string? name, string? guidText, string? slug, string path, SourceLocation location)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Problem(ProblemSeverity.Warning, path, location, "A room has no name; it is left out.");
            return;
        }

        name = name.Trim();
        var guid = ParseGuid(guidText, path + ".guid", location);
        if (!_roomsByName.TryGetValue(name, out var room))
        {
            room = new RoomEntry(name, guid, string.IsNullOrWhiteSpace(slug) ? null : slug.Trim());
            _rooms.Add(room);
            _roomsByName.Add(name, room);
        }
        else if (guid is { } g && room.Guid is { } known && g != known && _roomWarnings.Add((name, g.ToString())))
        {
            Problem(ProblemSeverity.Warning, path + ".guid", location, $"Room '{name}' has two guids: {known} and {g}.");
        }
        else if (room.Guid is null)
        {
            room.Guid = guid;
        }

        if (guid is { } id)
        {
            if (_roomNameByGuid.TryGetValue(id, out var other) && other != name && _roomWarnings.Add((other + "\u0000" + name, id.ToString())))
            {
                Problem(ProblemSeverity.Warning, path + ".guid", location, $"Rooms '{other}' and '{name}' share the guid {id}.");
            }
            else
            {
                _roomNameByGuid.TryAdd(id, name);
            }
        }
    }

    public void AddTrack(string? name, string? slug, string? color)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        name = name.Trim();
        slug = string.IsNullOrWhiteSpace(slug) ? null : slug.Trim();
        color = string.IsNullOrWhiteSpace(color) ? null : color.Trim();
        if (_trackByName.TryGetValue(name, out var i))
        {
            var known = _tracks[i];
            _tracks[i] = known with { Slug = known.Slug ?? slug, Color = known.Color ?? color };
        }
        else
        {
            _trackByName.Add(name, _tracks.Count);
            _tracks.Add(new ScheduleTrack(name, slug, color));
        }
    }

    /// <summary>Registers a person (from a person list or an event) and returns how the event names them.</summary>
    public EventPerson? AddPerson(string? id, string? guidText, string? name, string? role, string path, SourceLocation location)
    {
        id = string.IsNullOrWhiteSpace(id) ? null : id.Trim();
        name = name?.Trim();
        var guid = ParseGuid(guidText, path + ".guid", location);
        if (string.IsNullOrEmpty(name))
        {
            if (id is null && guid is null)
            {
                Problem(ProblemSeverity.Warning, path, location, "A person has neither a name nor an id; left out.");
                return null;
            }

            Problem(ProblemSeverity.Warning, path, location, $"Person {(object?)guid ?? id} has no name.");
            name = "";
        }

        var key = PersonKey.Of(guid, id, name);
        if (!_personsByKey.TryGetValue(key, out var person))
        {
            person = new PersonEntry(id, guid, name);
            _persons.Add(person);
            _personsByKey.Add(key, person);
            if (guid is null && id is not null && !_firstNameById.TryAdd(id, name) && _firstNameById[id] is var first)
            {
                Problem(ProblemSeverity.Warning, path, location, $"Person id {id} names both '{first}' and '{name}'; kept as two people (an id is unique only within the schedule that gave it, and merged schedules repeat ids).");
            }
        }
        else if (name.Length > 0 && person.Name != name && !person.OtherNames.Contains(name))
        {
            person.OtherNames.Add(name);
            Problem(ProblemSeverity.Warning, path, location, $"Person {(object?)guid ?? id} is named '{person.Name}' elsewhere and '{name}' here.");
        }

        return new EventPerson(id, guid, name, string.IsNullOrWhiteSpace(role) ? null : role.Trim());
    }

    public void AddEvent(RawEvent raw) => _events.Add(raw);

    public ScheduleReadResult Build()
    {
        var zone = ResolveZone(out var zoneId, out var assumed);
        var startInstant = Instant(ConferenceStart, "conference.start", ConferenceLocation);
        var endInstant = Instant(ConferenceEnd, "conference.end", ConferenceLocation);
        var conference = new ScheduleConference(
            Title,
            Acronym,
            Subtitle,
            zoneId,
            assumed,
            ConferenceDate(ConferenceStart, startInstant, zone),
            ConferenceDate(ConferenceEnd, endInstant, zone),
            startInstant,
            endInstant,
            Url,
            BaseUrl,
            Venue,
            City,
            _days.ToValueList());

        var events = new List<ScheduleEvent>(_events.Count);
        var guids = new Dictionary<Guid, int>();
        var needZone = new List<int>();
        var offsetMismatches = new List<int>();
        for (var index = 0; index < _events.Count; index++)
        {
            var e = BuildEvent(index, _events[index], zone, needZone, offsetMismatches);
            if (e is null)
            {
                continue;
            }

            if (e.Guid is { } guid)
            {
                if (guids.TryGetValue(guid, out var first))
                {
                    Problem(ProblemSeverity.Warning, $"events[{index}].guid", e.Location, $"{Describe(_events[index])} has the guid {guid} of events[{first}].");
                }
                else
                {
                    guids.Add(guid, index);
                }
            }

            events.Add(e);
        }

        if (needZone.Count > 0)
        {
            var first = _events[needZone[0]];
            Problem(
                ProblemSeverity.Error,
                "conference.time_zone",
                first.StartLocation ?? first.Location,
                $"The file names no time zone and {needZone.Count} events give only a wall-clock start (the first is events[{needZone[0]}], {Describe(first)}); they are left out. Give the conference zone as ScheduleReadOptions.TimeZone (an IANA id such as Europe/Brussels).");
        }

        if (offsetMismatches.Count > 0 && zone is not null)
        {
            var first = _events[offsetMismatches[0]];
            Problem(
                ProblemSeverity.Warning,
                $"events[{offsetMismatches[0]}].start",
                first.DateLocation ?? first.Location,
                $"{offsetMismatches.Count} event times carry an offset that {zoneId} does not have at that instant (the first is {first.Date}). The instants are kept as written; the declared zone may be wrong.");
        }

        var document = new ScheduleDocument(
            format,
            Layout,
            Version,
            conference,
            _rooms.Select(r => new ScheduleRoom(r.Name, r.Guid, r.Slug)).ToValueList(),
            _tracks.ToValueList(),
            _persons.Select(p => new SchedulePerson(p.Id, p.Guid, p.Name, p.OtherNames.ToValueList())).ToValueList(),
            events.ToValueList());
        return new ScheduleReadResult(document, _problems.ToValueList());
    }

    private ScheduleEvent? BuildEvent(int index, RawEvent raw, TimeZoneInfo? zone, List<int> needZone, List<int> offsetMismatches)
    {
        var path = $"events[{index}]";
        var name = Describe(raw);

        // Rooms and tracks are known even when the event itself cannot be placed in time.
        var room = string.IsNullOrWhiteSpace(raw.Room) ? null : raw.Room.Trim();
        if (room is not null)
        {
            AddRoom(room, raw.RoomGuid, null, path + ".room", raw.Location);
        }

        var track = string.IsNullOrWhiteSpace(raw.Track) ? null : raw.Track.Trim();
        if (track is null && !string.IsNullOrWhiteSpace(raw.TrackSlug))
        {
            track = _tracks.FirstOrDefault(t => string.Equals(t.Slug, raw.TrackSlug, StringComparison.Ordinal))?.Name ?? raw.TrackSlug;
        }

        AddTrack(track, raw.TrackSlug, null);

        DateTimeOffset start;
        if (!string.IsNullOrWhiteSpace(raw.Date))
        {
            if (!ScheduleText.TryParseDateTime(raw.Date, out start, out var hasOffset))
            {
                Problem(ProblemSeverity.Error, path + ".start", raw.DateLocation ?? raw.Location, $"{name} starts at '{raw.Date}', which is not an ISO 8601 date-time; the event is left out.");
                return null;
            }

            if (hasOffset)
            {
                if (zone is not null && zone.GetUtcOffset(start) != start.Offset)
                {
                    offsetMismatches.Add(index);
                }
            }
            else if (zone is null)
            {
                needZone.Add(index);
                return null;
            }
            else if (!TryPlace(DateOnly.FromDateTime(start.DateTime), TimeOnly.FromDateTime(start.DateTime), zone, out start))
            {
                Problem(ProblemSeverity.Error, path + ".start", raw.DateLocation ?? raw.Location, $"{name} starts at {raw.Date}, a time that does not exist in {zone.Id} (a clock change); the event is left out.");
                return null;
            }
        }
        else if (!string.IsNullOrWhiteSpace(raw.Start))
        {
            if (!ScheduleText.TryParseTimeOfDay(raw.Start, out var time))
            {
                Problem(ProblemSeverity.Error, path + ".start", raw.StartLocation ?? raw.Location, $"{name} starts at '{raw.Start}', which is not a time of day (HH:MM); the event is left out.");
                return null;
            }

            if (raw.DayDate is not { } day)
            {
                Problem(ProblemSeverity.Error, path + ".start", raw.StartLocation ?? raw.Location, $"{name} gives only a time of day and is not listed under a dated day; the event is left out.");
                return null;
            }

            if (zone is null)
            {
                needZone.Add(index);
                return null;
            }

            if (DayChange is { } change && change > TimeOnly.MinValue && time < change)
            {
                day = day.AddDays(1);
            }

            if (!TryPlace(day, time, zone, out start))
            {
                Problem(ProblemSeverity.Error, path + ".start", raw.StartLocation ?? raw.Location, $"{name} starts at {day:yyyy-MM-dd} {time:HH:mm}, a time that does not exist in {zone.Id} (a clock change); the event is left out.");
                return null;
            }
        }
        else
        {
            Problem(ProblemSeverity.Error, path + ".start", raw.Location, $"{name} has no start; the event is left out.");
            return null;
        }

        TimeSpan duration;
        if (!string.IsNullOrWhiteSpace(raw.Duration))
        {
            if (!ScheduleText.TryParseDuration(raw.Duration, out duration))
            {
                Problem(ProblemSeverity.Error, path + ".duration", raw.DurationLocation ?? raw.Location, $"{name} has the duration '{raw.Duration}', which is not a duration (H:MM or H:MM:SS); the event is left out.");
                return null;
            }
        }
        else if (!string.IsNullOrWhiteSpace(raw.End))
        {
            if (!ScheduleText.TryParseDateTime(raw.End, out var end, out var endHasOffset) || !endHasOffset || end < start)
            {
                Problem(ProblemSeverity.Error, path + ".end", raw.Location, $"{name} ends at '{raw.End}', which is not an instant after its start; the event is left out.");
                return null;
            }

            duration = end - start;
        }
        else
        {
            Problem(ProblemSeverity.Error, path + ".duration", raw.Location, $"{name} has no duration; the event is left out.");
            return null;
        }

        if (duration > DateTimeOffset.MaxValue - start)
        {
            Problem(ProblemSeverity.Error, path + ".duration", raw.DurationLocation ?? raw.Location, $"{name} would end after the year 9999; the event is left out.");
            return null;
        }

        var title = raw.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            Problem(ProblemSeverity.Warning, path + ".title", raw.Location, $"{name} has no title.");
        }

        var persons = new List<EventPerson>(raw.Persons.Count);
        foreach (var person in raw.Persons)
        {
            if (persons.Contains(person))
            {
                Problem(ProblemSeverity.Warning, path + ".persons", raw.Location, $"{name} lists {person.Name} ({(object?)person.Guid ?? person.Id}) twice; kept once.");
                continue;
            }

            persons.Add(person);
        }

        return new ScheduleEvent(
            index,
            ParseGuid(raw.Guid, path + ".guid", raw.Location),
            Blank(raw.Id),
            Blank(raw.Code),
            Blank(raw.Slug),
            title,
            Blank(raw.Subtitle),
            Blank(raw.Abstract),
            Blank(raw.Description),
            Blank(raw.Language),
            Blank(raw.Type),
            track,
            room,
            start,
            duration,
            persons.ToValueList(),
            raw.Links.ToValueList(),
            raw.Attachments.ToValueList(),
            raw.RecordingOptOut,
            Blank(raw.Url),
            raw.DayDate ?? DayOf(start, zone),
            raw.Location);
    }

    private DateOnly? DayOf(DateTimeOffset start, TimeZoneInfo? zone)
    {
        foreach (var day in _days)
        {
            if (day.Start is { } from && day.End is { } to && start >= from && start < to)
            {
                return day.Date;
            }
        }

        return zone is null ? null : DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
    }

    private TimeZoneInfo? ResolveZone(out string? zoneId, out bool assumed)
    {
        var fromFile = string.IsNullOrWhiteSpace(TimeZoneName) ? null : TimeZoneName.Trim();
        var fromOptions = string.IsNullOrWhiteSpace(options.TimeZone) ? null : options.TimeZone.Trim();
        assumed = fromFile is null && fromOptions is not null;
        zoneId = fromFile ?? fromOptions;
        if (zoneId is null)
        {
            return null;
        }

        if (fromFile is not null && fromOptions is not null && !string.Equals(fromFile, fromOptions, StringComparison.Ordinal))
        {
            Problem(ProblemSeverity.Warning, "conference.time_zone", TimeZoneLocation, $"The file names the zone {fromFile}; the assumed zone {fromOptions} is not used.");
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return zone;
        }

        Problem(
            ProblemSeverity.Error,
            assumed ? "options.time_zone" : "conference.time_zone",
            assumed ? null : TimeZoneLocation,
            $"Unknown time zone '{zoneId}'; events that give only a wall-clock time cannot be placed.");
        return null;
    }

    private DateTimeOffset? Instant(string? text, string path, SourceLocation? location)
    {
        if (string.IsNullOrWhiteSpace(text) || ScheduleText.TryParseDate(text, out _))
        {
            return null;
        }

        if (ScheduleText.TryParseDateTime(text, out var value, out var hasOffset) && hasOffset)
        {
            return value;
        }

        Problem(ProblemSeverity.Warning, path, location, $"'{text}' is not an instant (an ISO 8601 date-time with an offset); ignored.");
        return null;
    }

    private static DateOnly? ConferenceDate(string? text, DateTimeOffset? instant, TimeZoneInfo? zone)
    {
        if (ScheduleText.TryParseDate(text, out var date))
        {
            return date;
        }

        return instant is { } i
            ? DateOnly.FromDateTime((zone is null ? i : TimeZoneInfo.ConvertTime(i, zone)).DateTime)
            : null;
    }

    private static bool TryPlace(DateOnly day, TimeOnly time, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            instant = default;
            return false;
        }

        instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    private Guid? ParseGuid(string? text, string path, SourceLocation location)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (System.Guid.TryParse(text.Trim(), out var guid))
        {
            return guid;
        }

        Problem(ProblemSeverity.Warning, path, location, $"'{text}' is not a guid; ignored.");
        return null;
    }

    private static string Describe(RawEvent raw)
    {
        var id = Blank(raw.Id) ?? Blank(raw.Guid) ?? Blank(raw.Code);
        var title = string.IsNullOrWhiteSpace(raw.Title) ? "(no title)" : $"'{raw.Title.Trim()}'";
        return id is null ? $"event {title}" : $"event {id} {title}";
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed class RoomEntry(string name, Guid? guid, string? slug)
    {
        public string Name { get; } = name;

        public Guid? Guid { get; set; } = guid;

        public string? Slug { get; } = slug;
    }

    private sealed class PersonEntry(string? id, Guid? guid, string name)
    {
        public string? Id { get; } = id;

        public Guid? Guid { get; } = guid;

        public string Name { get; } = name;

        public List<string> OtherNames { get; } = [];
    }
}
