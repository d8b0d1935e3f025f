using System.Text.Json;
using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import;

/// <summary>
/// Reads c3voc <c>schedule.json</c>: the layout frab and pretalx export
/// (<c>schedule.conference.days[].rooms{name: [events]}</c>) and the draft "schedule v2" one (a flat
/// <c>schedule.events[]</c> with <c>start</c>/<c>end</c> instants, room and track objects, <c>participants</c>).
/// Locations are JSON Pointers; unknown members are ignored.
/// </summary>
public static class C3vocJsonReader
{
    public static ScheduleReadResult Read(Stream stream, ScheduleReadOptions? options = null) =>
        ScheduleReader.Read(stream, ScheduleFormat.C3vocJson, options);

    internal static ScheduleReadResult Read(ArraySegment<byte> bytes, ScheduleReadOptions options)
    {
        JsonDocument json;
        try
        {
            var memory = bytes.AsMemory();
            if (InvalidUtf8(memory.Span) is { } invalid)
            {
                return Failed(invalid, "The file is not valid UTF-8 here (JSON must be UTF-8); save it as UTF-8 and import it again.");
            }

            json = JsonDocument.Parse(memory.Span.StartsWith("\uFEFF"u8) ? memory[3..] : memory, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth });
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are 0-based; the column counts UTF-8 bytes.
            var location = e.LineNumber is { } line ? SourceLocation.At((int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1) : null;
            return Failed(location, $"The file is not valid JSON: {e.Message}");
        }

        using (json)
        {
            if (!TryObject(json.RootElement, "schedule", out var schedule))
            {
                return Failed(SourceLocation.AtPointer(""), "The JSON has no \"schedule\" object: this is not a c3voc schedule.json.");
            }

            var builder = new DocumentBuilder(ScheduleFormat.C3vocJson, options)
            {
                Layout = ScheduleLayout.JsonDayRooms,
                Version = Str(schedule, "version"),
                BaseUrl = Str(schedule, "base_url"),
            };

            if (TryObject(schedule, "conference", out var conference))
            {
                ReadConference(conference, "/schedule/conference", builder);
            }
            else
            {
                builder.Problem(ProblemSeverity.Warning, "conference", SourceLocation.AtPointer("/schedule"), "The file has no \"conference\" object.");
            }

            if (TryArray(schedule, "persons", out var persons))
            {
                var i = 0;
                foreach (var person in persons.EnumerateArray())
                {
                    ReadPerson(person, $"persons[{i}]", $"/schedule/persons/{i}", builder);
                    i++;
                }
            }

            if (TryArray(schedule, "events", out var events))
            {
                builder.Layout = ScheduleLayout.JsonFlatEvents;
                var i = 0;
                foreach (var e in events.EnumerateArray())
                {
                    AddEvent(e, $"/schedule/events/{i++}", null, null, builder);
                }
            }

            return builder.Build();
        }
    }

    private static void ReadConference(JsonElement conference, string pointer, DocumentBuilder builder)
    {
        builder.ConferenceLocation = SourceLocation.AtPointer(pointer);
        builder.Title = Str(conference, "title");
        builder.Acronym = Str(conference, "acronym");
        builder.Subtitle = Str(conference, "subtitle");
        builder.ConferenceStart = Str(conference, "start");
        builder.ConferenceEnd = Str(conference, "end");
        builder.Url = Str(conference, "url");
        builder.TimeZoneName = Str(conference, "time_zone_name");
        builder.TimeZoneLocation = SourceLocation.AtPointer(pointer + "/time_zone_name");

        if (TryArray(conference, "tracks", out var tracks))
        {
            foreach (var track in tracks.EnumerateArray())
            {
                var color = Str(track, "color");
                if (color is null && TryObject(track, "colors", out var colors))
                {
                    color = Str(colors, "light") ?? Str(colors, "primary");
                }

                builder.AddTrack(Str(track, "name"), Str(track, "slug"), color);
            }
        }

        if (TryArray(conference, "rooms", out var rooms))
        {
            var i = 0;
            foreach (var room in rooms.EnumerateArray())
            {
                builder.AddRoom(Str(room, "name"), Str(room, "guid"), Str(room, "slug"), $"rooms[{i}]", SourceLocation.AtPointer($"{pointer}/rooms/{i}"));
                i++;
            }
        }

        if (!TryArray(conference, "days", out var days))
        {
            return;
        }

        var d = 0;
        foreach (var dayElement in days.EnumerateArray())
        {
            var dayPointer = $"{pointer}/days/{d}";
            var day = builder.AddDay(
                Str(dayElement, "index"),
                Str(dayElement, "date"),
                Str(dayElement, "day_start") ?? Str(dayElement, "start"),
                Str(dayElement, "day_end") ?? Str(dayElement, "end"),
                $"conference.days[{d}]",
                SourceLocation.AtPointer(dayPointer));
            d++;
            if (!TryObject(dayElement, "rooms", out var dayRooms))
            {
                continue;
            }

            foreach (var room in dayRooms.EnumerateObject())
            {
                var roomPointer = $"{dayPointer}/rooms/{SourceLocation.EscapeToken(room.Name)}";
                builder.AddRoom(room.Name, null, null, "rooms", SourceLocation.AtPointer(roomPointer));
                if (room.Value.ValueKind != JsonValueKind.Array)
                {
                    builder.Problem(ProblemSeverity.Warning, "rooms", SourceLocation.AtPointer(roomPointer), $"Room '{room.Name}' on {day?.Date:yyyy-MM-dd} is not a list of events; ignored.");
                    continue;
                }

                var i = 0;
                foreach (var e in room.Value.EnumerateArray())
                {
                    AddEvent(e, $"{roomPointer}/{i++}", day?.Date, room.Name, builder);
                }
            }
        }
    }

    private static void AddEvent(JsonElement e, string pointer, DateOnly? dayDate, string? listedRoom, DocumentBuilder builder)
    {
        var path = $"events[{builder.EventCount}]";
        if (e.ValueKind != JsonValueKind.Object)
        {
            builder.Problem(ProblemSeverity.Warning, path, SourceLocation.AtPointer(pointer), "An event is not a JSON object; ignored.");
            return;
        }

        // schedule v2: "start" and "end" are instants, room and track are objects.
        var flat = listedRoom is null;
        string? roomName = listedRoom;
        string? roomGuid = null;
        if (e.TryGetProperty("room", out var room) && room.ValueKind == JsonValueKind.Object)
        {
            roomName ??= Str(room, "name");
            roomGuid = Str(room, "guid");
        }
        else
        {
            roomName ??= Str(e, "room");
        }

        string? track = null;
        string? trackSlug = null;
        if (e.TryGetProperty("track", out var trackElement) && trackElement.ValueKind == JsonValueKind.Object)
        {
            track = Str(trackElement, "name");
            trackSlug = Str(trackElement, "slug");
        }
        else
        {
            track = Str(e, "track");
        }

        var date = Str(e, "date");
        var dateMember = "/date";
        if (date is null && flat)
        {
            date = Str(e, "start");
            dateMember = "/start";
        }

        var raw = new RawEvent
        {
            Location = SourceLocation.AtPointer(pointer),
            Guid = Str(e, "guid"),
            Id = Str(e, "id"),
            Code = Str(e, "code"),
            Slug = Str(e, "slug"),
            Title = Str(e, "title") ?? "",
            Subtitle = Str(e, "subtitle"),
            Abstract = Str(e, "abstract"),
            Description = Str(e, "description"),
            Language = Str(e, "language"),
            Type = Str(e, "type"),
            Track = track,
            TrackSlug = trackSlug,
            Room = roomName,
            RoomGuid = roomGuid,
            Date = date,
            DateLocation = SourceLocation.AtPointer(pointer + dateMember),
            Start = flat ? null : Str(e, "start"),
            StartLocation = SourceLocation.AtPointer(pointer + "/start"),
            Duration = Str(e, "duration"),
            DurationLocation = SourceLocation.AtPointer(pointer + "/duration"),
            End = Str(e, "end"),
            DayDate = dayDate,
            Url = Str(e, "url"),
            RecordingOptOut = IsTrue(e, "do_not_record") || (TryObject(e, "recording", out var recording) && IsTrue(recording, "optout")),
        };

        var people = TryArray(e, "persons", out var persons) ? persons : TryArray(e, "participants", out var participants) ? participants : default;
        if (people.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var person in people.EnumerateArray())
            {
                var p = builder.AddPerson(Str(person, "id"), Str(person, "guid"), Str(person, "public_name") ?? Str(person, "name"), Str(person, "role"), $"{path}.persons[{i}]", SourceLocation.AtPointer($"{pointer}/persons/{i}"));
                i++;
                if (p is not null)
                {
                    raw.Persons.Add(p);
                }
            }
        }

        raw.Links.AddRange(Links(e, "links"));
        raw.Attachments.AddRange(Links(e, "attachments"));
        builder.AddEvent(raw);
    }

    private static void ReadPerson(JsonElement person, string path, string pointer, DocumentBuilder builder) =>
        builder.AddPerson(Str(person, "id"), Str(person, "guid"), Str(person, "public_name") ?? Str(person, "name"), null, path, SourceLocation.AtPointer(pointer));

    private static IEnumerable<ScheduleLink> Links(JsonElement e, string name)
    {
        if (!TryArray(e, name, out var links))
        {
            yield break;
        }

        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind == JsonValueKind.String && link.GetString() is { Length: > 0 } bare)
            {
                yield return new ScheduleLink(null, bare, null);
            }
            else if (Str(link, "url") is { } url)
            {
                yield return new ScheduleLink(Str(link, "title"), url, Str(link, "type"));
            }
        }
    }

    /// <summary>Where the bytes first stop being UTF-8 (line and column, counted in characters), or null when they are UTF-8 throughout.</summary>
    private static SourceLocation? InvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var (line, column) = (1, 1);
        while (!bytes.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return SourceLocation.At(line, column);
            }

            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
            bytes = bytes[consumed..];
        }

        return null;
    }

    private static ScheduleReadResult Failed(SourceLocation? location, string message) =>
        new(null, new[] { new ImportProblem(ProblemSeverity.Error, "document", location, message) }.ToValueList());

    /// <summary>A member as text: strings as they are, numbers and booleans as written; null for anything else.</summary>
    private static string? Str(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static bool IsTrue(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
        && (value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));

    private static bool TryObject(JsonElement obj, string name, out JsonElement value) =>
        TryKind(obj, name, JsonValueKind.Object, out value);

    private static bool TryArray(JsonElement obj, string name, out JsonElement value) =>
        TryKind(obj, name, JsonValueKind.Array, out value);

    private static bool TryKind(JsonElement obj, string name, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind == kind;
    }
}
