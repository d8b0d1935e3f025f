namespace NetconfCloud.Schedule;

/// <summary>
/// A whole agenda as another tool publishes it, ready to be applied to a conference: its details (rooms and tracks
/// included), speakers, sessions and, when the source has them, sponsors. Speakers are named by a key of the
/// source's own; sessions refer to them by it.
/// </summary>
public sealed record IncomingAgenda(Conference Conference, IReadOnlyList<IncomingSpeaker> Speakers, IReadOnlyList<IncomingSession> Sessions)
{
    /// <summary>The sponsors in order, when the source lists them (the seed format does; frab and c3voc do not).</summary>
    public IReadOnlyList<Sponsor>? Sponsors { get; init; }

    /// <summary>What the agenda came from, for the change log: a file name or URL.</summary>
    public string SourceName { get; init; } = "";

    /// <summary>Session fields (<see cref="SessionFields"/> paths) the source has no place for: a session that exists keeps its own.</summary>
    public IReadOnlyList<string> KeptFields { get; init; } = [];

    /// <summary>A whole agenda in our own shape (the seed format, an export): ids as they are, sponsors included.</summary>
    public static IncomingAgenda From(AgendaSnapshot agenda, string sourceName) =>
        new(
            agenda.Conference,
            [.. agenda.Speakers.Select(s => new IncomingSpeaker(s.Id, s))],
            [.. agenda.Sessions.Select(s => new IncomingSession(s, [.. s.Speakers.Select(r => r.Id)], $"sessions/{s.Id}"))])
        {
            Sponsors = agenda.Sponsors,
            SourceName = sourceName,
        };
}

/// <param name="Key">The person's key in the source, unique in it (an id, a guid, or the name).</param>
/// <param name="Speaker">The person; an empty id is matched to an existing speaker by source id, then by name, or derived from the name.</param>
public sealed record IncomingSpeaker(string Key, Speaker Speaker);

/// <param name="Session">The session; an empty id is matched by <see cref="Session.SourceGuid"/>, or derived from the title.</param>
/// <param name="SpeakerKeys">The session's speakers, by <see cref="IncomingSpeaker.Key"/>.</param>
/// <param name="Location">Where the session is in the source (line:column, a JSON pointer), for problems; may be empty.</param>
public sealed record IncomingSession(Session Session, IReadOnlyList<string> SpeakerKeys, string Location);

public sealed record ImportOptions(bool KeepMissing = false, bool ValidateOnly = false);

/// <summary>A problem that does not stop an import (a clash the source has), with where it came from.</summary>
public sealed record ImportWarning(string Path, string Location, string Message)
{
    public override string ToString() => Location.Length > 0 ? $"{Path} (at {Location}): {Message}" : $"{Path}: {Message}";
}

/// <summary>One field of one session as it stands and as the change leaves it, as text (<see cref="SessionFieldChange.Text"/>).</summary>
public sealed record SessionFieldChange(string SessionId, string Field, string Before, string After)
{
    /// <summary>A field's value as a person reads it: instants in ISO 8601 UTC, lists joined with "; ".</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture),
        SpeakerRef speaker => speaker.Name.Length > 0 ? speaker.Name : speaker.Id,
        Link link => $"{link.Title} <{link.Url}>",
        System.Collections.IEnumerable items => string.Join("; ", items.Cast<object>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>What an import changed (or, validating only, would change).</summary>
public sealed record ImportReport(
    Conference Conference,
    bool Applied,
    bool ConferenceCreated,
    IReadOnlyList<string> Created,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Cancelled,
    int Unchanged,
    IReadOnlyList<string> SpeakersCreated,
    IReadOnlyList<string> SpeakersUpdated,
    IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>Whether the conference's details (rooms and tracks included) change.</summary>
    public bool ConferenceChanged { get; init; }

    public bool SponsorsChanged { get; init; }

    /// <summary>What changes in the updated sessions, field by field, in the order of the source.</summary>
    public IReadOnlyList<SessionFieldChange> Changes { get; init; } = [];

    public bool ChangesAnything =>
        ConferenceCreated || ConferenceChanged || SponsorsChanged
        || Created.Count + Updated.Count + Cancelled.Count + SpeakersCreated.Count + SpeakersUpdated.Count > 0;
}

/// <summary>
/// Plans an import against the agenda as it stands: who and what in the source is who and what already here, what
/// is new, what changed, what left. Every rule of every session is checked over the result and all problems are
/// reported at once (<c>sessions[412].room_id</c>, with the source location); clashes the source has are warnings.
/// </summary>
public static class ImportPlanner
{
    /// <summary>At most this many problems are reported by name; the message counts the rest.</summary>
    public const int MaxReportedProblems = 100;

    public static (AgendaEdit? Edit, ImportReport Report) Plan(
        AgendaSnapshot current, bool exists, IncomingAgenda incoming, ImportOptions options, string actor, DateTimeOffset now)
    {
        var problems = new List<FieldViolation>();
        incoming = exists ? KnownPlaces(current.Conference, incoming) : incoming;
        var conference = MergeConference(current.Conference, incoming.Conference, exists);
        problems.AddRange(ResourceRules.CheckConference(conference, "conference."));

        var (speakers, keys, speakersCreated, speakersUpdated) = MatchSpeakers(current.Conference.Id, current.Speakers, incoming.Speakers, problems);
        var byId = speakers.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var context = problems.Count == 0 ? new RuleContext(conference, speakers) : null;

        // A session from no source schedule is known by the guid our exports give it, so that our export comes back as itself.
        var byGuid = current.Sessions
            .Select(s => (Guid: s.SourceGuid.Length > 0 ? s.SourceGuid : ScheduleIdentities.DerivedSessionGuid(current.Conference.Id, s.Id).ToString(), Session: s))
            .GroupBy(p => p.Guid, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Session, StringComparer.OrdinalIgnoreCase);
        var existing = current.Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var taken = existing.Keys.ToHashSet(StringComparer.Ordinal);
        var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<string, Session>(existing, StringComparer.Ordinal);
        List<string> created = [], updated = [], cancelled = [];
        var changes = new List<SessionFieldChange>();
        var unchanged = 0;
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < incoming.Sessions.Count; i++)
        {
            var (wanted, speakerKeys, location) = incoming.Sessions[i];
            var prefix = $"sessions[{i}].";
            var match = wanted.SourceGuid.Length > 0 && byGuid.TryGetValue(wanted.SourceGuid, out var byG) ? byG
                : wanted.Id.Length > 0 && existing.TryGetValue(wanted.Id, out var byI) ? byI
                : null;
            var id = match?.Id ?? (wanted.Id.Length > 0 ? wanted.Id : Slug.Unique(wanted.Title.Length > 0 ? wanted.Title : string.Join(' ', speakerKeys), "session", taken.Contains));
            taken.Add(id);
            if (claimed.TryGetValue(id, out var first))
            {
                problems.Add(Located(prefix + "id", $"names the same session as sessions[{first}] ('{id}').", location));
                continue;
            }

            claimed[id] = i;
            indexOf[id] = i;
            var refs = new List<SpeakerRef>();
            foreach (var key in speakerKeys)
            {
                if (keys.TryGetValue(key, out var speakerId))
                {
                    refs.Add(new SpeakerRef(speakerId, byId[speakerId].Name));
                }
                else
                {
                    problems.Add(Located(prefix + "speaker_ids", $"names '{key}', who is not among the speakers.", location));
                }
            }

            var session = (match is null ? wanted : SessionFields.CopyFields(wanted, match, incoming.KeptFields)) with
            {
                Id = id,
                Speakers = refs,
                ETag = match?.ETag ?? "",
                UpdateTime = now,
                Sequence = match?.Sequence ?? 0,
                // Matched by the guid our exports derived for it: it still came from no source schedule.
                SourceGuid = match is { SourceGuid.Length: 0 } ? "" : wanted.SourceGuid,
            };
            if (context is not null)
            {
                var violations = new List<FieldViolation>();
                SessionRules.Check(session, context, prefix, violations);
                problems.AddRange(violations.Select(v => Located(v.Field, v.Description, location)));
            }

            if (match is null)
            {
                created.Add(id);
                result[id] = session;
            }
            else if (SameContent(match, session))
            {
                unchanged++;
            }
            else
            {
                var moved = match.Start != session.Start || match.End != session.End || match.Status != session.Status;
                result[id] = session with { Sequence = moved ? match.Sequence + 1 : match.Sequence };
                updated.Add(id);
                changes.AddRange(SessionFields.All.Where(f => f.Differs(match, session))
                    .Select(f => new SessionFieldChange(id, f.Path, SessionFieldChange.Text(f.ValueOf(match)), SessionFieldChange.Text(f.ValueOf(session)))));
            }
        }

        foreach (var left in current.Sessions.Where(s => !claimed.ContainsKey(s.Id)))
        {
            if (!options.KeepMissing && left.Status == SessionStatus.Scheduled)
            {
                result[left.Id] = left with { Status = SessionStatus.Cancelled, Sequence = left.Sequence + 1, UpdateTime = now };
                cancelled.Add(left.Id);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidArgumentException(problems.Count <= MaxReportedProblems
                ? problems
                : [.. problems.Take(MaxReportedProblems), new FieldViolation("sessions", $"and {problems.Count - MaxReportedProblems} more problems.")]);
        }

        var warnings = AgendaClashes.Find(result.Values)
            .Select(c => indexOf.TryGetValue(c.Second.Id, out var i)
                ? new ImportWarning($"sessions[{i}].{(c.Kind == ClashKind.Room ? "room_id" : "speaker_ids")}", incoming.Sessions[i].Location, c.ToString())
                : new ImportWarning($"sessions/{c.Second.Id}", "", c.ToString()))
            .ToArray();

        var sponsorEdit = incoming.Sponsors is { } sponsors ? AgendaDiff.SponsorRows(current.Sponsors, sponsors) : ([], []);
        var conferenceChanged = !exists || !AgendaDiff.SameDetails(current.Conference, conference);
        var report = new ImportReport(
            conference, Applied: false, ConferenceCreated: !exists, created, updated, cancelled, unchanged, speakersCreated, speakersUpdated, warnings)
        {
            ConferenceChanged = exists && conferenceChanged,
            SponsorsChanged = sponsorEdit.Write.Count + sponsorEdit.Remove.Count > 0,
            Changes = changes,
        };
        if (!report.ChangesAnything)
        {
            return (null, report);
        }

        var summary = $"imported {(incoming.SourceName.Length > 0 ? incoming.SourceName : "an agenda")}: {created.Count} created, {updated.Count} updated, {cancelled.Count} cancelled, {unchanged} unchanged";
        var edit = new AgendaEdit(new AgendaChange(ChangeKind.Imported, "", actor, now)
        {
            Subject = "import",
            Summary = summary,
            Updates = PublicChanges.Of(created.Concat(updated).Concat(cancelled).Select(id => (existing.GetValueOrDefault(id), result[id]))),
        })
        {
            Conference = conferenceChanged ? conference : null,
            Sessions = [.. created.Concat(updated).Concat(cancelled).Select(id => result[id])],
            Speakers = [.. speakersCreated.Concat(speakersUpdated).Select(id => byId[id])],
            Sponsors = sponsorEdit.Write,
            RemovedSponsorOrders = sponsorEdit.Remove,
        };
        return (edit, report);
    }

    /// <summary>Whether two sessions publish the same thing (what a calendar or a reader would see), versions aside.</summary>
    public static bool SameContent(Session a, Session b) => a.Content == b.Content;

    /// <summary>
    /// The source's rooms and tracks as the conference knows them: one with the name of a room (track) the conference
    /// has takes that room's id, whatever id the source gave it, and the room our exports list sessions without a room
    /// in (named where the conference is) is no room. The source's sessions follow.
    /// </summary>
    private static IncomingAgenda KnownPlaces(Conference current, IncomingAgenda incoming)
    {
        var source = incoming.Conference;
        var roomIds = Known(source.Rooms.Select(r => (r.Id, r.Name)), current.Rooms.Select(r => (r.Id, r.Name)));
        var trackIds = Known(source.Tracks.Select(t => (t.Id, t.Name)), current.Tracks.Select(t => (t.Id, t.Name)));
        var placeholder = current.Rooms.Any(r => r.Name == current.Location) ? null : source.Rooms.FirstOrDefault(r => r.Name == current.Location)?.Id;
        if (placeholder is not null)
        {
            roomIds[placeholder] = "";
        }

        return incoming with
        {
            Conference = source with
            {
                Rooms = [.. source.Rooms.Where(r => r.Id != placeholder).Select(r => r with { Id = roomIds[r.Id] })],
                Tracks = [.. source.Tracks.Select(t => t with { Id = trackIds[t.Id] })],
            },
            Sessions = [.. incoming.Sessions.Select(s => s with
            {
                Session = s.Session with
                {
                    RoomId = roomIds.GetValueOrDefault(s.Session.RoomId, s.Session.RoomId),
                    TrackId = trackIds.GetValueOrDefault(s.Session.TrackId, s.Session.TrackId),
                },
            })],
        };

        static Dictionary<string, string> Known(IEnumerable<(string Id, string Name)> source, IEnumerable<(string Id, string Name)> current)
        {
            var byName = current.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            var sourceIds = source.ToArray();
            var used = sourceIds.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, name) in sourceIds)
            {
                ids[id] = byName.TryGetValue(name, out var known) && (known == id || !used.Contains(known)) ? known : id;
                used.Add(ids[id]);
            }

            return ids;
        }
    }

    /// <summary>
    /// The source's details over the conference's. Rooms and tracks: the source's, in its order, then any the
    /// conference had that the source does not name (sessions kept or cancelled may still use them).
    /// </summary>
    private static Conference MergeConference(Conference current, Conference source, bool exists)
    {
        if (!exists)
        {
            return source with { Id = current.Id, AgendaVersion = 0, ETag = "", PendingEdit = "" };
        }

        // A source titles a conference with one name: when it is one of the conference's two, both stay.
        var renamed = source.FullName.Length > 0 && source.FullName != current.Name && source.FullName != current.FullName;
        return current with
        {
            Name = renamed ? Or(source.Name, current.Name) : current.Name,
            FullName = renamed ? source.FullName : current.FullName,
            Subtitle = Or(source.Subtitle, current.Subtitle),
            Description = Or(source.Description, current.Description),
            TimeZoneId = Or(source.TimeZoneId, current.TimeZoneId),
            City = Or(source.City, current.City),
            Country = Or(source.Country, current.Country),
            Venue = Or(source.Venue, current.Venue),
            Url = Or(source.Url, current.Url),
            AgendaStatus = Or(source.AgendaStatus, current.AgendaStatus),
            Days = source.Days.Count > 0 ? [.. source.Days.Union(current.Days).Order()] : current.Days,
            Committee = source.Committee.Count > 0 ? source.Committee : current.Committee,
            CoLocatedEvent = source.CoLocatedEvent ?? current.CoLocatedEvent,
            DayChange = source.DayChange != TimeOnly.MinValue ? source.DayChange : current.DayChange,
            Rooms = Merged(current.Rooms, source.Rooms, r => r.Id),
            Tracks = Merged(current.Tracks, source.Tracks, t => t.Id),
        };
    }

    /// <summary>
    /// The source's items in its order, then the conference's that the source does not name; when the source names no
    /// item the conference lacks and changes none, the conference's list as it is (a file that lists only the rooms in
    /// use does not reorder the others).
    /// </summary>
    private static IReadOnlyList<T> Merged<T>(IReadOnlyList<T> current, IReadOnlyList<T> source, Func<T, string> id)
    {
        var known = current.ToDictionary(id, StringComparer.Ordinal);
        if (source.All(item => known.TryGetValue(id(item), out var same) && Equals(same, item)))
        {
            return current;
        }

        var named = source.Select(id).ToHashSet(StringComparer.Ordinal);
        return [.. source, .. current.Where(item => !named.Contains(id(item)))];
    }

    private static (List<Speaker> All, Dictionary<string, string> Keys, List<string> Created, List<string> Updated) MatchSpeakers(
        string conferenceId, IReadOnlyList<Speaker> current, IReadOnlyList<IncomingSpeaker> incoming, List<FieldViolation> problems)
    {
        // The person ids our exports give the speakers, so that an import of our own export knows each again.
        var exported = ScheduleIdentities.PersonIds(conferenceId, current).ToDictionary(p => p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Key, StringComparer.Ordinal);

        var all = current.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        List<string> created = [], updated = [];

        // A source id the source gives to several people (a merged schedule repeats the ids of its parts) names a
        // person only together with their name.
        var shared = incoming.Where(s => s.Speaker.SourceId.Length > 0).GroupBy(s => s.Speaker.SourceId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        bool SameSource(Speaker known, Speaker wanted) =>
            known.SourceId == wanted.SourceId && (!shared.Contains(wanted.SourceId) || known.IsNamed(wanted.Name));

        for (var i = 0; i < incoming.Count; i++)
        {
            var (key, wanted) = incoming[i];
            var match = wanted.Id.Length > 0 && all.TryGetValue(wanted.Id, out var byId) ? byId
                : wanted.SourceId.Length > 0 ? all.Values.FirstOrDefault(s => SameSource(s, wanted))
                    ?? (exported.TryGetValue(wanted.SourceId, out var ours) && all.TryGetValue(ours, out var known) && known.IsNamed(wanted.Name) ? known : null)
                : null;
            // By name only someone the source does not know by another id: two persons of one name with two ids
            // in the source are two speakers.
            match ??= all.Values.FirstOrDefault(s => (s.SourceId.Length == 0 || wanted.SourceId.Length == 0 || s.SourceId == wanted.SourceId)
                && (s.IsNamed(wanted.Name) || wanted.AlsoKnownAs.Any(s.IsNamed)));
            Speaker speaker;
            if (match is null)
            {
                speaker = wanted.Id.Length > 0 ? wanted : wanted with { Id = Slug.Unique(wanted.Name, "speaker", all.ContainsKey) };
                created.Add(speaker.Id);
            }
            else
            {
                speaker = match with
                {
                    Name = match.SourceId.Length > 0 && SameSource(match, wanted) ? wanted.Name : match.Name,
                    AlsoKnownAs = [.. match.AlsoKnownAs.Union(wanted.AlsoKnownAs.Append(wanted.Name).Where(n => !string.Equals(n, match.Name, StringComparison.OrdinalIgnoreCase)), StringComparer.OrdinalIgnoreCase)],
                    Bio = Or(wanted.Bio, match.Bio),
                    Links = wanted.Links.Count > 0 ? wanted.Links : match.Links,
                    // A speaker keeps the source id they were first known by: one found by name gains none, so that an
                    // import of our own export (whose person ids we made up for those without one) changes nothing.
                    SourceId = match.SourceId,
                };
                if (speaker.AlsoKnownAs.Count > ResourceRules.MaxOtherNames)
                {
                    speaker = speaker with { AlsoKnownAs = [.. speaker.AlsoKnownAs.Take(ResourceRules.MaxOtherNames)] };
                }

                if (!AgendaDiff.SameSpeaker(match, speaker) && !created.Contains(speaker.Id) && !updated.Contains(speaker.Id))
                {
                    updated.Add(speaker.Id);
                }
            }

            problems.AddRange(ResourceRules.CheckSpeaker(speaker, $"speakers[{i}]."));
            all[speaker.Id] = speaker;
            if (!keys.TryAdd(key, speaker.Id))
            {
                problems.Add(new FieldViolation($"speakers[{i}].key", $"'{key}' is used twice."));
            }
        }

        return ([.. all.Values], keys, created, updated);
    }


    private static FieldViolation Located(string field, string description, string location) =>
        new(field, location.Length > 0 ? $"{description} (at {location})" : description);

    private static string Or(string preferred, string fallback) => preferred.Length > 0 ? preferred : fallback;
}
