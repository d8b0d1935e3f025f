using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace NetconfCloud.Feeds;

/// <summary>
/// The agenda as c3voc <c>schedule.json</c> (https://c3voc.de/schedule/schema.json), the JSON that Giggity,
/// EventFahrplan, ConfClerk and the c3voc tools read: <c>schedule.conference.days[].rooms{name: [events]}</c>.
/// Members a reader may need but we have no value for are null, as the schema allows; text outside ASCII is
/// written as it is (only what HTML would misread is escaped).
/// </summary>
internal static class C3vocScheduleJson
{
    public const string SchemaUrl = "https://c3voc.de/schedule/schema.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Render(AgendaSnapshot agenda, FeedOptions options)
    {
        var schedule = ScheduleExport.From(agenda, options);
        var document = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["generator"] = new JsonObject { ["name"] = ScheduleExport.Generator },
            ["schedule"] = new JsonObject
            {
                ["version"] = schedule.Version,
                ["base_url"] = schedule.BaseUrl.AbsoluteUri,
                ["conference"] = Conference(schedule),
            },
        };
        return document.ToJsonString(Json) + "\n";
    }

    private static JsonObject Conference(ExportedSchedule schedule)
    {
        var conference = new JsonObject
        {
            ["acronym"] = schedule.Acronym,
            ["title"] = schedule.Title,
            ["start"] = ScheduleExport.Date(schedule.Start),
            ["end"] = ScheduleExport.Date(schedule.End),
            ["daysCount"] = schedule.Days.Count,
            ["timeslot_duration"] = ScheduleExport.Duration(schedule.Timeslot),
            ["time_zone_name"] = schedule.TimeZoneId,
        };
        if (schedule.Description is { } description)
        {
            conference["description"] = description;
        }

        if (schedule.Url is { } url)
        {
            conference["url"] = url;
        }

        conference["rooms"] = Array(schedule.Rooms, room => WithSlug(new JsonObject { ["name"] = room.Name, ["guid"] = GuidText(room.Guid) }, room.Slug));
        conference["tracks"] = Array(schedule.Tracks, track =>
        {
            var item = WithSlug(new JsonObject { ["name"] = track.Name }, track.Slug);
            if (track.Color is { } color)
            {
                item["color"] = color;
            }

            return item;
        });
        conference["days"] = Array(schedule.Days, day =>
        {
            var rooms = new JsonObject();
            foreach (var room in day.Rooms)
            {
                rooms[room.Room.Name] = Array(room.Events, Event);
            }

            return new JsonObject
            {
                ["index"] = day.Index,
                ["date"] = ScheduleExport.Date(day.Date),
                ["day_start"] = ScheduleExport.Instant(day.Start),
                ["day_end"] = ScheduleExport.Instant(day.End),
                ["rooms"] = rooms,
            };
        });
        return conference;
    }

    private static JsonObject Event(ExportedEvent e)
    {
        var item = EventFields(e);
        if (e.FeedbackUrl is { } feedback)
        {
            item["feedback_url"] = feedback;
        }

        return item;
    }

    private static JsonObject EventFields(ExportedEvent e) => new()
    {
        ["guid"] = GuidText(e.Guid),
        ["id"] = e.Id,
        ["date"] = ScheduleExport.Instant(e.Start),
        ["start"] = ScheduleExport.TimeOfDay(e.Start),
        ["end"] = ScheduleExport.Instant(e.Start + e.Duration),
        ["duration"] = ScheduleExport.Duration(e.Duration),
        ["room"] = e.Room.Name,
        ["slug"] = e.Slug,
        ["url"] = e.Url.AbsoluteUri,
        ["title"] = e.Title,
        ["subtitle"] = e.Subtitle,
        ["track"] = e.Track,
        ["type"] = e.Type,
        ["language"] = e.Language,
        ["abstract"] = e.Abstract,
        ["description"] = e.Description,
        ["recording_license"] = e.RecordingLicense,
        ["do_not_record"] = e.RecordingOptOut,
        ["persons"] = Array(e.Persons, Person),
        ["links"] = Array(e.Links, l => new JsonObject { ["url"] = l.Url, ["title"] = l.Title }),
        ["attachments"] = new JsonArray(),
    };

    private static JsonObject Person(ExportedPerson p)
    {
        var person = new JsonObject { ["id"] = p.Id, ["name"] = p.Name, ["public_name"] = p.Name };
        if (p.Guid is { } guid)
        {
            person["guid"] = GuidText(guid);
        }

        if (p.Biography is { } biography)
        {
            person["biography"] = biography;
        }

        if (p.Links.Count > 0)
        {
            person["links"] = Array(p.Links, l => new JsonObject { ["url"] = l.Url, ["title"] = l.Title });
        }

        return person;
    }

    private static JsonObject WithSlug(JsonObject item, string? slug)
    {
        if (slug is not null)
        {
            item["slug"] = slug;
        }

        return item;
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode> map) => new([.. items.Select(map)]);

    private static string GuidText(Guid guid) => guid.ToString("D");
}
