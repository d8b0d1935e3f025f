using System.Security.Cryptography;
using System.Text;
using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import;

/// <summary>
/// A published schedule as an agenda to import. Rooms and tracks get ids from their slugs or names; persons become
/// speakers keyed by the document's person key; events become sessions whose identity is their guid (or, for files
/// without guids, a guid derived from the event's id), so that importing the file again finds the same sessions.
/// What our rules cannot hold as published (a title over the length limit, a link that is not http) is adjusted
/// and reported as a warning rather than refused: real schedules must import. An abstract or description published as
/// HTML (FOSDEM's are) is stored as plain text (see <see cref="Internal.HtmlText"/>), since every output publishes
/// it as text.
/// </summary>
public static class ScheduleMapping
{
    public static (IncomingAgenda Agenda, IReadOnlyList<ImportProblem> Problems) ToIncoming(ScheduleDocument document, string conferenceId, string sourceName)
    {
        var problems = new List<ImportProblem>();
        void Warn(string path, SourceLocation? location, string message) => problems.Add(new ImportProblem(ProblemSeverity.Warning, path, location, message));

        var c = document.Conference;
        var zoneId = c.TimeZoneId ?? "";
        if (zoneId.Length == 0)
        {
            problems.Add(new ImportProblem(ProblemSeverity.Error, "conference.time_zone", null, "The file names no time zone; say which (--time-zone Europe/Berlin)."));
        }

        var rooms = Identify(document.Rooms.Select(r => (Name: r.Name, Slug: r.Slug)), "room");
        var tracks = Identify(document.Tracks.Select(t => (Name: t.Name, Slug: t.Slug)), "track");
        var zone = zoneId.Length > 0 && ResourceRules.IsIanaZone(zoneId) ? ConferenceTimeZone.FromId(zoneId) : null;
        var days = c.Days.Select(d => d.Date)
            .Concat(zone is null ? [] : document.Events.Select(e => zone.DayOf(e.Start)))
            .Distinct().Order().ToArray();

        var conference = new Conference(
            conferenceId,
            OneLine(c.Title ?? c.Acronym ?? conferenceId, ResourceRules.MaxNameLength),
            OneLine(c.Title ?? "", SessionRules.MaxTitleLength),
            OneLine(c.Subtitle ?? "", SessionRules.MaxTitleLength),
            "",
            zoneId,
            OneLine(c.City ?? "", ResourceRules.MaxNameLength),
            "",
            OneLine(c.Venue ?? "", ResourceRules.MaxNameLength),
            document.Version is { Length: > 0 } version ? OneLine($"Version {version}", ResourceRules.MaxNameLength) : "",
            days, [], null, 0, DateTimeOffset.MinValue)
        {
            Url = WebUrl(c.Url, c.BaseUrl) ?? "",
            Rooms = [.. document.Rooms.Select(r => new Room(rooms[r.Name], OneLine(r.Name, ResourceRules.MaxNameLength)))],
            Tracks = [.. document.Tracks.Select(t => new Track(tracks[t.Name], OneLine(t.Name, ResourceRules.MaxNameLength), Colour(t.Color)))],
        };

        var speakers = new List<IncomingSpeaker>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (person, i) in document.Persons.Select((p, i) => (p, i)))
        {
            if (person.Name.Trim().Length == 0)
            {
                Warn($"persons[{i}]", null, $"Person {person.Guid?.ToString() ?? person.Id} has no name; left out of the speakers.");
                continue;
            }

            known.Add(person.Key);
            var name = OneLine(person.Name, ResourceRules.MaxNameLength);
            speakers.Add(new IncomingSpeaker(person.Key, new Speaker("", name, [.. person.OtherNames.Select(n => OneLine(n, ResourceRules.MaxNameLength)).Where(n => n.Length > 0).Take(ResourceRules.MaxOtherNames)])
            {
                SourceId = person.Guid?.ToString() ?? person.Id ?? "",
            }));
        }

        var guids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sessions = new List<IncomingSession>();
        foreach (var e in document.Events)
        {
            var path = $"events[{e.Index}]";
            var guid = e.Guid?.ToString() ?? Derived(conferenceId, e.Id ?? e.Slug ?? $"{e.Start:O}/{e.Room}/{e.Title}");
            if (!guids.Add(guid))
            {
                Warn(path + ".guid", e.Location, $"Guid {guid} is used by another event too; this one gets an identity of its own.");
                guid = Derived(conferenceId, $"{guid}#{e.Index}");
            }

            var language = e.Language?.Trim() ?? "";
            if (language.Length > 0 && !LanguageTag.IsValid(language))
            {
                Warn(path + ".language", e.Location, $"'{language}' is not a language tag; left out.");
                language = "";
            }

            var links = new List<Link>();
            foreach (var link in e.Links.Concat(e.Attachments))
            {
                if (WebUrl(link.Url, c.BaseUrl) is { } url && links.Count < SessionRules.MaxLinks)
                {
                    links.Add(new Link(OneLine(link.Title is { Length: > 0 } title ? title : link.Type ?? "Link", SessionRules.MaxLinkTitleLength), url));
                }
                else
                {
                    Warn(path + ".links", e.Location, $"Link '{link.Url}' is not an http(s) address, or one too many; left out.");
                }
            }

            var persons = e.Persons.Where(p => known.Contains(p.Key)).Select(p => p.Key).Distinct().ToArray();
            if (persons.Length > SessionRules.MaxSpeakers)
            {
                Warn(path + ".persons", e.Location, $"{persons.Length} persons; the first {SessionRules.MaxSpeakers} are kept.");
                persons = persons[..SessionRules.MaxSpeakers];
            }

            // HTML (FOSDEM's abstracts are) becomes plain text first, so that the length limit applies to the text we keep.
            var text = string.Join("\n\n", new[] { e.Abstract, e.Description }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => HtmlText.ToPlainText(t!.Trim()).Trim()).Where(t => t.Length > 0).Distinct());
            var session = new Session("", new SessionContent
            {
                Kind = KindOf(e.Type),
                Title = Shortened(OneLine(e.Title, int.MaxValue), SessionRules.MaxTitleLength, path + ".title", e.Location, Warn),
                Abstract = Shortened(MultiLine(text), SessionRules.MaxAbstractLength, path + ".abstract", e.Location, Warn),
                Start = e.Start,
                End = e.Start + Length(e, path, Warn),
                Subtitle = Shortened(OneLine(e.Subtitle ?? "", int.MaxValue), SessionRules.MaxSubtitleLength, path + ".subtitle", e.Location, Warn),
                Language = language,
                Links = links,
                RoomId = e.Room is { } room && rooms.TryGetValue(room, out var roomId) ? roomId : "",
                TrackId = e.Track is { } track && tracks.TryGetValue(track, out var trackId) ? trackId : "",
                SourceGuid = guid,
                SourceUrl = SourcePage(e.Url, c.BaseUrl, path, e.Location, Warn),
            });
            sessions.Add(new IncomingSession(session, persons, e.Location.ToString()));
        }

        return (new IncomingAgenda(conference, speakers, sessions) { SourceName = sourceName }, problems);
    }

    /// <summary>What a session lasts when its event lasts no time at all: calendars need an end after the start.</summary>
    public static readonly TimeSpan AssumedLength = TimeSpan.FromMinutes(5);

    /// <summary>The event's length as our rules hold it: none becomes <see cref="AssumedLength"/>, more than a day a day; each with a warning.</summary>
    private static TimeSpan Length(ScheduleEvent e, string path, Action<string, SourceLocation?, string> warn)
    {
        if (e.Duration <= TimeSpan.Zero)
        {
            warn(path + ".duration", e.Location, $"'{e.Title}' lasts no time; it is given {AssumedLength.TotalMinutes:0} minutes.");
            return AssumedLength;
        }

        if (e.Duration > SessionRules.MaxDuration)
        {
            warn(path + ".duration", e.Location, $"'{e.Title}' lasts {e.Duration.TotalHours:0.#} hours; it is shortened to {SessionRules.MaxDuration.TotalHours:0}.");
            return SessionRules.MaxDuration;
        }

        return e.Duration;
    }

    /// <summary>What an event's type says it is: a break or a meal by those names (as our exports write them), else a talk.</summary>
    private static SessionKind KindOf(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "break" or "pause" or "coffee break" => SessionKind.Break,
        "meal" or "lunch" or "dinner" or "breakfast" => SessionKind.Meal,
        _ => SessionKind.Talk,
    };

    /// <summary>Ids for names: the slug given (or the name's), made unique in order of appearance.</summary>
    private static Dictionary<string, string> Identify(IEnumerable<(string Name, string? Slug)> items, string fallback)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, slug) in items)
        {
            if (!ids.ContainsKey(name))
            {
                var id = Slug.Unique(slug is { Length: > 0 } ? slug : name, fallback, taken.Contains);
                taken.Add(id);
                ids[name] = id;
            }
        }

        return ids;
    }

    /// <summary>A stable guid for an event that has none: the same conference and source id give the same guid.</summary>
    private static string Derived(string conferenceId, string sourceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"netconfcloud:{conferenceId}:{sourceId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    /// <summary>The event's own page as an absolute http(s) address; anything else is left out with a warning.</summary>
    private static string SourcePage(string? url, string? baseUrl, string path, SourceLocation location, Action<string, SourceLocation?, string> warn)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "";
        }

        if (WebUrl(url, baseUrl) is { } page)
        {
            return page;
        }

        warn(path + ".url", location, $"'{url.Trim()}' is not an http(s) address; the talk's page is left out.");
        return "";
    }

    private static string? WebUrl(string? url, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) || absolute.Scheme == Uri.UriSchemeFile)
        {
            if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) || !Uri.TryCreate(root, url.Trim(), out absolute))
            {
                return null;
            }
        }

        var text = absolute.AbsoluteUri;
        return SessionRules.IsWebUrl(text) ? text : null;
    }

    private static string Colour(string? colour) =>
        colour?.Trim() is { Length: 7 } c && c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit) ? c.ToLowerInvariant() : "";

    /// <summary>White space (line breaks and tabs included) as single spaces, control characters out, at most <paramref name="max"/> characters.</summary>
    private static string OneLine(string text, int max)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (!char.IsControl(ch))
            {
                builder.Append(ch);
            }
        }

        var line = builder.ToString().TrimEnd();
        return line.Length <= max ? line : line[..max].TrimEnd();
    }

    private static string MultiLine(string text) =>
        new([.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Where(ch => !char.IsControl(ch) || ch is '\n' or '\t')]);

    private static string Shortened(string text, int max, string path, SourceLocation location, Action<string, SourceLocation?, string> warn)
    {
        if (text.Length <= max)
        {
            return text;
        }

        warn(path, location, $"{text.Length} characters; shortened to {max}.");
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 2 : max - 1;
        return text[..cut] + "…";
    }
}
