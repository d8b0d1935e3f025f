using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Grpc.Core;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Wire;
using NetconfCloud.Testing;
using Xunit.Abstractions;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Every real published schedule of the corpus (Schedules/README.md) imported through the real RPC into Azurite and
/// read back, event by event, against an independent reading of the file: LINQ to XML for frab/Pentabarf XML,
/// JsonDocument for c3voc JSON, never our readers. Each event's start and end instant, title, room (by name) and
/// speakers (by name, in order) must be what the file says. The one rule applied to both sides is that a title, a
/// room or a name is one line: runs of white space are one space, control characters are not text.
/// </summary>
/// <remarks>
/// Where our import differs from a file on purpose, <see cref="AllowedDifferences"/> names that difference for that
/// file, with the reason, and a listed difference must occur (it cannot outlive its cause). Files that fail today
/// because of importer bugs being fixed are in <see cref="KnownImporterBugs"/>: their row fails if the file starts
/// to import exactly, so the list is emptied as the fixes land.
/// </remarks>
[Collection(ScheduleCollection.Name)]
public partial class ScheduleCorpusTests(ScheduleFixture fixture, ITestOutputHelper output)
{
    /// <summary>Each corpus file with the IANA zone to assume when the file names none (the conference's real zone).</summary>
    public static TheoryData<string, string?> Files => new()
    {
        { "fosdem-2007.xml", "Europe/Brussels" },
        { "fosdem-2008.xml", "Europe/Brussels" },
        { "fosdem-2009.xml", "Europe/Brussels" },
        { "fosdem-2010-confclerk.xml", "Europe/Brussels" },
        { "fosdem-2010.xml", "Europe/Brussels" },
        { "fosdem-2012.xml", "Europe/Brussels" },
        { "fosdem-2013.xml", "Europe/Brussels" },
        { "fosdem-2014.xml", "Europe/Brussels" },
        { "fosdem-2015.xml", "Europe/Brussels" },
        { "fosdem-2016.xml", "Europe/Brussels" },
        { "fosdem-2017.xml", "Europe/Brussels" },
        { "fosdem-2018.xml", "Europe/Brussels" },
        { "fosdem-2019.xml", "Europe/Brussels" },
        { "fosdem-2020.xml", "Europe/Brussels" },
        { "fosdem-2021.xml", "Europe/Brussels" },
        { "fosdem-2022.xml", "Europe/Brussels" },
        { "fosdem-2023.xml", "Europe/Brussels" },
        { "fosdem-2024.xml", "Europe/Brussels" },
        { "fosdem-2025.xml", null },
        { "fosdem-2026.xml", null },
        { "debconf23.xml", null },
        { "36c3-merged.xml", "Europe/Berlin" },
        { "38c3-hub.xml", null },
        { "39c3-hub-prerelease.xml", null },
        { "camp2019.json", null },
        { "democon.json", null },
        { "rc3-pretalx.json", "Europe/Berlin" },
        { "38c3-hub-schema2.json", null },
    };

    /// <summary>
    /// Files that do not import exactly today because of importer bugs being fixed (issue 19, items 1 and 2), with
    /// what fails. Remove a file when its fix lands: its row fails until then if it starts to pass.
    /// </summary>
    /// <remarks>
    /// Empty since both fixes landed: before them, 36c3-merged.xml was refused whole (sessions[816].end_time, its one
    /// event of no length), and with that event lengthened 881 of its 1,351 events named other speakers than the file
    /// (person ids repeated across the merged sources were taken for one person).
    /// </remarks>
    private static readonly Dictionary<string, string> KnownImporterBugs = new(StringComparer.Ordinal)
    {
    };

    /// <summary>Differences our import makes on purpose, per file, each with its reason.</summary>
    private static readonly Dictionary<string, Allowance[]> AllowedDifferences = new(StringComparer.Ordinal)
    {
        ["fosdem-2026.xml"] = [Allowance.PersonListedTwiceIsOneSpeaker],
        ["36c3-merged.xml"] = [Allowance.RepeatedEventIsASessionOfItsOwn, Allowance.EventOfNoLengthLastsFiveMinutes],
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryEventArrivesWithTheFilesTimesTitleRoomAndSpeakers(string file, string? assumedZone)
    {
        var published = PublishedSchedule.Read(file, assumedZone);
        await using var server = await fixture.StartServerAsync();

        var outcome = await ImportAndCompareAsync(server, file, published);

        output.WriteLine($"| {file} | {published.Events.Count} | {outcome.Exact} | {outcome.Allowed} | {outcome.Warnings} | {outcome.Summary} |");
        foreach (var line in outcome.Examples)
        {
            output.WriteLine("  " + line);
        }

        if (KnownImporterBugs.TryGetValue(file, out var bug))
        {
            Assert.False(outcome.Passed, $"{file} now imports exactly; remove it from KnownImporterBugs ({bug}).");
        }
        else
        {
            Assert.True(outcome.Passed, $"{file}: {outcome.Summary}{Environment.NewLine}{string.Join(Environment.NewLine, outcome.Examples)}");
        }
    }

    private static async Task<Outcome> ImportAndCompareAsync(ScheduleServer server, string file, PublishedSchedule published)
    {
        var conferenceId = "corpus-" + Path.GetFileNameWithoutExtension(file).Replace('.', '-').ToLowerInvariant();
        var read = ScheduleReader.Read(File.OpenRead(ScheduleFiles.PathOf(file)), options: new ScheduleReadOptions { TimeZone = published.AssumedZone });
        var readErrors = read.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToArray();
        if (read.Document is null || readErrors.Length > 0)
        {
            return Outcome.Refused($"read refused: {readErrors.Length} errors", readErrors.Take(5).Select(p => $"{p.Path} at {p.Location}: {p.Message}"));
        }

        var (incoming, mapped) = ScheduleMapping.ToIncoming(read.Document, conferenceId, file);
        var mapErrors = mapped.Where(p => p.Severity == ProblemSeverity.Error).ToArray();
        if (mapErrors.Length > 0)
        {
            return Outcome.Refused($"mapping refused: {mapErrors.Length} errors", mapErrors.Take(5).Select(p => $"{p.Path}: {p.Message}"));
        }

        Contracts.Schedule.V1.ImportAgendaResponse report;
        try
        {
            report = await ScheduleFiles.ImportAsync(server.WriterClient, conferenceId, incoming, new ImportOptions());
        }
        catch (RpcException e)
        {
            var violations = e.GetRpcStatus()?.Details.Where(d => d.Is(Google.Rpc.BadRequest.Descriptor)).SelectMany(d => d.Unpack<Google.Rpc.BadRequest>().FieldViolations).ToArray() ?? [];
            return Outcome.Refused($"import refused: {e.StatusCode}, {violations.Length} violations", [e.Status.Detail, .. violations.Take(5).Select(v => $"{v.Field}: {v.Description}")]);
        }

        var warnings = read.Problems.Concat(mapped).Where(p => p.Severity == ProblemSeverity.Warning).Select(p => p.Path).Concat(report.Warnings.Select(w => w.Path)).ToArray();
        var agenda = await ScheduleFiles.ReadAsync(server.Client, conferenceId);
        return Compare(file, conferenceId, published, agenda, warnings);
    }

    private static Outcome Compare(string file, string conferenceId, PublishedSchedule published, AgendaSnapshot agenda, string[] warnings)
    {
        var allowances = AllowedDifferences.GetValueOrDefault(file, []);
        var used = new HashSet<Allowance>();
        var rooms = agenda.Conference.Rooms.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        var sessions = agenda.Sessions.GroupBy(s => s.SourceGuid, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        var problems = new List<(string Kind, string Example)>();
        var exact = 0;
        var allowed = 0;
        var matched = new HashSet<string>(StringComparer.Ordinal);

        var identities = new Dictionary<string, PublishedEvent>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in published.Events)
        {
            var identity = e.Identity(conferenceId);
            var allowedHere = false;
            if (identities.TryGetValue(identity, out var first))
            {
                if (allowances.FirstOrDefault(a => a.Field == "identity") is not { } repeated)
                {
                    problems.Add(("identity", $"{e.Describe()} shares the identity {identity} with {first.Describe()}"));
                    continue;
                }

                used.Add(repeated);
                allowedHere = true;
                identity = PublishedEvent.Derived(conferenceId, $"{identity}#{e.Index}");
            }
            else
            {
                identities.Add(identity, e);
            }

            if (!sessions.TryGetValue(identity, out var found))
            {
                problems.Add(("missing", $"{e.Describe()}: no session with the source guid {identity}"));
                continue;
            }

            var session = found[0];
            matched.Add(session.Id);
            var differences = new List<(string Field, string Expected, string Actual)>();
            void Check(string field, string expected, string actual)
            {
                if (!string.Equals(expected, actual, StringComparison.Ordinal))
                {
                    differences.Add((field, expected, actual));
                }
            }

            Check("start", Instant(e.Start), Instant(session.Start));
            Check("end", Instant(e.End), Instant(session.End));
            Check("title", OneLine(e.Title), session.Title);
            Check("room", OneLine(e.Room ?? ""), rooms.GetValueOrDefault(session.RoomId, ""));
            Check("speakers", string.Join(" | ", e.Speakers.Select(OneLine).Where(n => n.Length > 0)), string.Join(" | ", session.Speakers.Select(s => s.Name)));

            var unexplained = 0;
            foreach (var (field, expected, actual) in differences)
            {
                if (allowances.FirstOrDefault(a => a.Field == field && a.Explains(e, expected, actual)) is { } allowance)
                {
                    used.Add(allowance);
                    allowedHere = true;
                }
                else
                {
                    unexplained++;
                    problems.Add((field, $"{e.Describe()}: {field} is '{Shorten(actual)}', the file says '{Shorten(expected)}'"));
                }
            }

            exact += differences.Count == 0 && !allowedHere ? 1 : 0;
            allowed += unexplained == 0 && allowedHere ? 1 : 0;
        }

        foreach (var extra in agenda.Sessions.Where(s => !matched.Contains(s.Id)))
        {
            problems.Add(("extra", $"session {extra.Id} '{extra.Title}' (source guid {extra.SourceGuid}) is not an event of the file"));
        }

        foreach (var stale in allowances.Where(a => !used.Contains(a)))
        {
            problems.Add(("allowance", $"the allowed difference in {stale.Field} ({stale.Reason}) no longer occurs; remove it"));
        }

        var summary = problems.Count == 0
            ? (used.Count > 0 ? "as the file, allowing: " + string.Join("; ", used.Select(a => a.Reason)) : "as the file")
            : string.Join(", ", problems.GroupBy(p => p.Kind).Select(g => $"{g.Count()} {g.Key}"));
        var examples = problems.GroupBy(p => p.Kind).SelectMany(g => g.Take(3).Select(p => p.Example));
        var warningKinds = warnings.GroupBy(path => Indices().Replace(path, "[]")).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        return new Outcome(problems.Count == 0, exact, allowed, warnings.Length, summary, [.. examples, "warnings: " + string.Join(", ", warningKinds)]);
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Indices();

    private static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

    /// <summary>A title, room or name as one line: runs of white space as one space, no control characters.</summary>
    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
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

        return builder.ToString().Trim();
    }

    /// <param name="Exact">Events that arrived exactly as the file says.</param>
    /// <param name="Allowed">Events that differ only by an allowed difference.</param>
    /// <param name="Warnings">What the reader, the mapping and the service warned of.</param>
    private sealed record Outcome(bool Passed, int Exact, int Allowed, int Warnings, string Summary, IReadOnlyList<string> Examples)
    {
        public static Outcome Refused(string summary, IEnumerable<string> examples) => new(false, 0, 0, 0, summary, [.. examples]);
    }

    /// <summary>A difference our import makes on purpose: which field, why, and the exact change it is.</summary>
    private sealed record Allowance(string Field, string Reason, Func<PublishedEvent, string, string, bool> Explains)
    {
        /// <summary>A person listed twice for one event speaks once (the reader warns and keeps the first).</summary>
        public static readonly Allowance PersonListedTwiceIsOneSpeaker = new(
            "speakers",
            "a person listed twice for one event is one speaker",
            (e, expected, actual) => e.Speakers.Count != e.Speakers.Distinct(StringComparer.Ordinal).Count()
                && actual == string.Join(" | ", e.Speakers.Select(OneLine).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)));

        /// <summary>
        /// An event the file lists again under the same guid (a repeated workshop) imports as a session of its own, with
        /// the identity ScheduleMapping derives from the guid and the event's place in the file, and a warning.
        /// </summary>
        public static readonly Allowance RepeatedEventIsASessionOfItsOwn = new(
            "identity",
            "an event repeated under one guid is a session of its own",
            (_, _, _) => false);

        /// <summary>An event of no length lasts ScheduleMapping.AssumedLength, with a warning: calendars need an end after the start.</summary>
        public static readonly Allowance EventOfNoLengthLastsFiveMinutes = new(
            "end",
            "an event of no length lasts five minutes",
            (e, _, actual) => e.End == e.Start && actual == Instant(e.Start + ScheduleMapping.AssumedLength));
    }

    /// <summary>One event as the file publishes it.</summary>
    /// <param name="Index">The event's place in the file (0-based, in document order).</param>
    private sealed record PublishedEvent(int Index, string? Guid, string? Id, DateTimeOffset Start, DateTimeOffset End, string Title, string? Room, IReadOnlyList<string> Speakers, string Location)
    {
        /// <summary>
        /// The source guid a session made from this event has: the file's guid, else (Pentabarf files have none) the
        /// guid our import derives from the conference and the event's id, as ScheduleMapping documents it.
        /// </summary>
        public string Identity(string conferenceId)
        {
            if (Guid is { } text && System.Guid.TryParse(text, out var guid))
            {
                return guid.ToString();
            }

            return Derived(conferenceId, Id ?? "");
        }

        /// <summary>The name-based guid (version 5 layout over SHA-256) our import gives an event without a guid of its own.</summary>
        public static string Derived(string conferenceId, string sourceId)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"netconfcloud:{conferenceId}:{sourceId}"));
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
        }

        public string Describe() => $"{Location} '{Shorten(Title)}'";
    }

    /// <summary>A schedule file as it reads without our readers: LINQ to XML for frab/Pentabarf, JsonDocument for c3voc.</summary>
    private sealed record PublishedSchedule(string? AssumedZone, IReadOnlyList<PublishedEvent> Events)
    {
        public static PublishedSchedule Read(string file, string? assumedZone) =>
            file.EndsWith(".json", StringComparison.Ordinal) ? ReadJson(file, assumedZone) : ReadXml(file, assumedZone);

        private static PublishedSchedule ReadXml(string file, string? assumedZone)
        {
            var xml = XDocument.Load(ScheduleFiles.PathOf(file), LoadOptions.SetLineInfo);
            var conference = xml.Root!.Element("conference");
            var named = ((string?)conference?.Element("time_zone_name"))?.Trim();
            var zoneId = named is { Length: > 0 } ? named : assumedZone;
            Assert.True(zoneId is not null, $"{file} names no time zone; say which to assume.");
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId!);
            var dayChange = (string?)conference?.Element("day_change") is { Length: > 0 } change ? TimeOfDay(change) : TimeSpan.Zero;
            var events = new List<PublishedEvent>();
            foreach (var day in xml.Root.Elements("day"))
            {
                var date = DateOnly.ParseExact((string)day.Attribute("date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var e in day.Descendants("event"))
                {
                    var room = e.Parent?.Name == "room" ? (string?)e.Parent.Attribute("name") : (string?)e.Element("room");
                    var start = (string?)e.Element("date") is { Length: > 0 } instant ? Parse(instant, zone) : Local(date, TimeOfDay((string)e.Element("start")!), dayChange, zone);
                    var speakers = e.Elements("persons").Elements("person").Select(p => p.Nodes().OfType<XText>().Any(t => t.Value.Trim().Length > 0)
                        ? string.Concat(p.Nodes().OfType<XText>().Select(t => t.Value))
                        : (string?)p.Element("name") ?? "").ToArray();
                    var line = ((System.Xml.IXmlLineInfo)e).LineNumber;
                    events.Add(new PublishedEvent(
                        events.Count,
                        (string?)e.Attribute("guid"),
                        (string?)e.Attribute("id"),
                        start,
                        start + TimeOfDay((string)e.Element("duration")!),
                        (string?)e.Element("title") ?? "",
                        room,
                        speakers,
                        $"line {line}"));
                }
            }

            return new PublishedSchedule(named is { Length: > 0 } ? null : assumedZone, events);
        }

        private static PublishedSchedule ReadJson(string file, string? assumedZone)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(ScheduleFiles.PathOf(file)));
            var schedule = json.RootElement.GetProperty("schedule");
            var conference = schedule.GetProperty("conference");
            var named = conference.TryGetProperty("time_zone_name", out var given) ? given.GetString() : null;
            var zoneId = named is { Length: > 0 } ? named : assumedZone;
            Assert.True(zoneId is not null, $"{file} names no time zone; say which to assume.");
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId!);
            var events = new List<PublishedEvent>();
            if (schedule.TryGetProperty("events", out var flat))
            {
                // The draft "schedule v2": a flat list with start and end instants, the room as an object, participants.
                var i = 0;
                foreach (var e in flat.EnumerateArray())
                {
                    events.Add(new PublishedEvent(
                        events.Count,
                        Text(e, "guid"),
                        Text(e, "id"),
                        Parse(Text(e, "start")!, zone),
                        Parse(Text(e, "end")!, zone),
                        Text(e, "title") ?? "",
                        e.TryGetProperty("room", out var room) && room.ValueKind == JsonValueKind.Object ? Text(room, "name") : Text(e, "room"),
                        People(e, "participants"),
                        $"/schedule/events/{i++}"));
                }
            }
            else
            {
                foreach (var (day, d) in conference.GetProperty("days").EnumerateArray().Select((day, d) => (day, d)))
                {
                    foreach (var room in day.GetProperty("rooms").EnumerateObject())
                    {
                        foreach (var (e, i) in room.Value.EnumerateArray().Select((e, i) => (e, i)))
                        {
                            var start = Parse(Text(e, "date")!, zone);
                            events.Add(new PublishedEvent(
                                events.Count,
                                Text(e, "guid"),
                                Text(e, "id"),
                                start,
                                start + TimeOfDay(Text(e, "duration")!),
                                Text(e, "title") ?? "",
                                room.Name,
                                People(e, "persons"),
                                $"/schedule/conference/days/{d}/rooms/{room.Name}/{i}"));
                        }
                    }
                }
            }

            return new PublishedSchedule(named is { Length: > 0 } ? null : assumedZone, events);
        }

        private static string[] People(JsonElement e, string member) =>
            e.TryGetProperty(member, out var people) && people.ValueKind == JsonValueKind.Array
                ? [.. people.EnumerateArray().Select(p => Text(p, "public_name") ?? Text(p, "name") ?? "")]
                : [];

        private static string? Text(JsonElement e, string member) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(member, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                }
                : null;

        /// <summary>An ISO 8601 date-time; without an offset it is a wall-clock time in the conference zone.</summary>
        private static DateTimeOffset Parse(string text, TimeZoneInfo zone)
        {
            var local = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            return HasOffset(text) ? local : new DateTimeOffset(local.DateTime, zone.GetUtcOffset(local.DateTime));
        }

        private static bool HasOffset(string text) =>
            text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');

        /// <summary>frab's rule: a start before the conference's day change belongs to the night after the listed day.</summary>
        private static DateTimeOffset Local(DateOnly day, TimeSpan time, TimeSpan dayChange, TimeZoneInfo zone)
        {
            var local = day.ToDateTime(TimeOnly.MinValue) + time + (dayChange > TimeSpan.Zero && time < dayChange ? TimeSpan.FromDays(1) : TimeSpan.Zero);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        /// <summary>"H:MM" or "HH:MM:SS" as a span (durations may pass 24 hours).</summary>
        private static TimeSpan TimeOfDay(string text)
        {
            var parts = text.Trim().Split(':');
            return new TimeSpan(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
        }
    }
}
