using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace NetconfCloud.Schedule.Seed;

/// <summary>
/// Loads a reviewed agenda file (the format of <c>Seed/netconf-2015.json</c>) into the domain. The same format is
/// what the agenda is imported from and exported to.
/// </summary>
public static class AgendaSeed
{
    public const string Netconf2015Id = "netconf-2015";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly JsonSerializerOptions WriteOptions = new(JsonOptions)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The Netconf 2015 agenda, as published, with every session marked as changed at <paramref name="seededAt"/>.</summary>
    public static AgendaSnapshot LoadNetconf2015(DateTimeOffset seededAt)
    {
        using var stream = typeof(AgendaSeed).Assembly.GetManifestResourceStream("NetconfCloud.Schedule.Seed.netconf-2015.json")
            ?? throw new InvalidOperationException("The Netconf 2015 seed is not embedded in the assembly.");
        return Load(stream, seededAt);
    }

    public static AgendaSnapshot Load(Stream json, DateTimeOffset seededAt)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The agenda file is empty.");
        return ToSnapshot(file, seededAt);
    }

    private static AgendaSnapshot ToSnapshot(SeedFile file, DateTimeOffset seededAt)
    {
        var c = file.Conference;
        var conference = new Conference(
            c.Id, c.Name, c.FullName, c.Subtitle, c.Description, c.TimeZone, c.City, c.Country, c.Venue, c.AgendaStatus,
            [.. c.Days.Select(ParseDate)],
            [.. c.Committee.Select(m => new CommitteeMember(m.PersonId, m.Name, m.Role))],
            c.CoLocatedEvent is { } e ? new CoLocatedEvent(e.Name, ParseDate(e.StartDate), ParseDate(e.EndDate), e.City) : null,
            AgendaVersion: 1,
            AgendaUpdateTime: seededAt)
        {
            Url = c.Url ?? "",
            Rooms = [.. (c.Rooms ?? []).Select(r => new Room(r.Id, r.Name))],
            Tracks = [.. (c.Tracks ?? []).Select(t => new Track(t.Id, t.Name, t.Color ?? ""))],
        };

        var speakers = file.Speakers.Select(s => new Speaker(s.Id, s.Name, s.AlsoKnownAs ?? [])
        {
            Bio = s.Bio ?? "",
            Links = Links(s.Links),
            SourceId = s.SourceId ?? "",
        }).ToArray();
        var names = speakers.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        var zone = conference.TimeZone;
        var sessions = file.Sessions.Select(s => ReadSession(s, zone, names, seededAt)).ToArray();

        var sponsors = file.Sponsors.Select((s, index) => new Sponsor(s.Id, s.Name, s.Tagline ?? "", index) { Tier = s.Tier ?? "", Url = s.Url ?? "" }).ToArray();
        var agenda = new AgendaSnapshot(conference, sessions, speakers, sponsors);
        SessionRules.ValidateAgenda(agenda);
        return agenda;
    }

    /// <summary>
    /// A session of the file: its id, day, wall-clock start and end in the conference's zone and speakers by id, and
    /// every other field in the content's own form (<see cref="SessionContentJson"/>).
    /// </summary>
    private static Session ReadSession(JsonObject json, ConferenceTimeZone zone, Dictionary<string, string> names, DateTimeOffset seededAt)
    {
        var seed = json.Deserialize<SeedSessionPlace>(PlaceOptions) ?? throw new InvalidDataException("A session is empty.");
        var content = json.DeepClone().AsObject();
        foreach (var placeField in PlaceFields)
        {
            content.Remove(placeField);
        }

        var day = ParseDate(seed.Day);
        var start = zone.ToInstant(day, ParseTime(seed.Start));
        var end = zone.ToInstant(day, ParseTime(seed.End));
        return new Session(seed.Id, SessionContentJson.Deserialize(JsonSerializer.SerializeToElement(content)) with
        {
            Speakers = [.. (seed.Speakers ?? []).Select(id => new SpeakerRef(id, names.TryGetValue(id, out var name)
                ? name
                : throw new InvalidDataException($"Session '{seed.Id}' names unknown speaker '{id}'.")))],
            Start = start,
            // An end at or before the start is on the next day: the session runs past midnight.
            End = end > start ? end : zone.ToInstant(day.AddDays(1), ParseTime(seed.End)),
        })
        {
            UpdateTime = seededAt,
        };
    }

    private static JsonObject WriteSession(Session s, ConferenceTimeZone zone)
    {
        var start = zone.ToLocal(s.Start);
        var end = zone.ToLocal(s.End);
        var json = new JsonObject
        {
            ["id"] = s.Id,
            ["day"] = FormatDate(DateOnly.FromDateTime(start.DateTime)),
            ["start"] = start.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["end"] = end.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        var content = JsonObject.Create(SessionContentJson.ToElement(s))!;
        foreach (var (name, value) in content.ToArray())
        {
            if (!PlaceFields.Contains(name))
            {
                content.Remove(name);
                json[name] = value;
            }
        }

        if (s.Speakers.Count > 0)
        {
            json["speakers"] = new JsonArray([.. s.Speakers.Select(r => JsonValue.Create(r.Id))]);
        }

        return json;
    }

    /// <summary>The fields a seed session writes in its own form, not the content's.</summary>
    private static readonly string[] PlaceFields = ["id", "day", "start", "end", "speakers"];

    private static readonly JsonSerializerOptions PlaceOptions = new(JsonSerializerDefaults.Web);

    private sealed record SeedSessionPlace(string Id, string Day, string Start, string End, IReadOnlyList<string>? Speakers);

    /// <summary>Writes an agenda in the seed file's format, with wall-clock times in the conference's zone.</summary>
    public static void Write(AgendaSnapshot agenda, Stream output)
    {
        var zone = agenda.Conference.TimeZone;
        var c = agenda.Conference;
        var file = new SeedFile(
            new SeedConference(
                c.Id, c.Name, c.FullName, c.Subtitle, c.Description, c.TimeZoneId, c.City, c.Country, c.Venue, c.AgendaStatus,
                [.. c.Days.Select(FormatDate)],
                [.. c.Committee.Select(m => new SeedCommitteeMember(m.PersonId, m.Name, m.Role))],
                c.CoLocatedEvent is { } e ? new SeedCoLocatedEvent(e.Name, FormatDate(e.StartDate), FormatDate(e.EndDate), e.City) : null)
            {
                Url = Optional(c.Url),
                Rooms = c.Rooms.Count > 0 ? [.. c.Rooms.Select(r => new SeedRoom(r.Id, r.Name))] : null,
                Tracks = c.Tracks.Count > 0 ? [.. c.Tracks.Select(t => new SeedTrack(t.Id, t.Name, Optional(t.Color)))] : null,
            },
            [.. agenda.Sponsors.OrderBy(s => s.Order).Select(s => new SeedSponsor(s.Id, s.Name, s.Tagline) { Tier = Optional(s.Tier), Url = Optional(s.Url) })],
            [.. agenda.Speakers.Select(s => new SeedSpeaker(s.Id, s.Name, s.AlsoKnownAs.Count > 0 ? s.AlsoKnownAs : null)
            {
                Bio = Optional(s.Bio),
                Links = SeedLinks(s.Links),
                SourceId = Optional(s.SourceId),
            })],
            [.. agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => WriteSession(s, zone))]);
        JsonSerializer.Serialize(output, file, WriteOptions);
    }

    private static string? Optional(string text) => text.Length > 0 ? text : null;

    private static Link[] Links(IReadOnlyList<SeedLink>? links) => [.. (links ?? []).Select(l => new Link(l.Title, l.Url))];

    private static SeedLink[]? SeedLinks(IReadOnlyList<Link> links) => links.Count > 0 ? [.. links.Select(l => new SeedLink(l.Title, l.Url))] : null;

    private static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeOnly ParseTime(string text) =>
        TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    private sealed record SeedFile(
        SeedConference Conference,
        IReadOnlyList<SeedSponsor> Sponsors,
        IReadOnlyList<SeedSpeaker> Speakers,
        IReadOnlyList<JsonObject> Sessions)
    {
        [JsonPropertyName("$comment")]
        public string? Comment { get; init; }

        public IReadOnlyList<string>? Decisions { get; init; }
    }

    private sealed record SeedConference(
        string Id, string Name, string FullName, string Subtitle, string Description, string TimeZone, string City,
        string Country, string Venue, string AgendaStatus, IReadOnlyList<string> Days,
        IReadOnlyList<SeedCommitteeMember> Committee, SeedCoLocatedEvent? CoLocatedEvent)
    {
        public string? Url { get; init; }

        public IReadOnlyList<SeedRoom>? Rooms { get; init; }

        public IReadOnlyList<SeedTrack>? Tracks { get; init; }
    }

    private sealed record SeedRoom(string Id, string Name);

    private sealed record SeedTrack(string Id, string Name, string? Color);

    private sealed record SeedLink(string Title, string Url);

    private sealed record SeedCommitteeMember(string PersonId, string Name, string Role);

    private sealed record SeedCoLocatedEvent(string Name, string StartDate, string EndDate, string City);

    private sealed record SeedSponsor(string Id, string Name, string? Tagline)
    {
        public string? Tier { get; init; }

        public string? Url { get; init; }
    }

    private sealed record SeedSpeaker(string Id, string Name, IReadOnlyList<string>? AlsoKnownAs)
    {
        public string? Bio { get; init; }

        public IReadOnlyList<SeedLink>? Links { get; init; }

        public string? SourceId { get; init; }
    }
}
