using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace NetconfCloud.Schedule;

/// <summary>Reads over an agenda already loaded, so that a caller that needs several answers loads it once.</summary>
public static class AgendaQueries
{
    /// <summary>
    /// The sessions a query selects, in order, kept with the snapshot (which never changes) for as long as it lives:
    /// paging through 10,000 sessions sorts them once, not once per page.
    /// </summary>
    private static readonly ConditionalWeakTable<AgendaSnapshot, ConcurrentDictionary<string, Session[]>> Selections = [];

    /// <summary>Distinct queries remembered per snapshot; beyond that a query is answered without being kept.</summary>
    private const int MaxSelectionsPerSnapshot = 64;

    public static Page<Session> ListSessions(AgendaSnapshot agenda, SessionQuery query, PageRequest page)
    {
        if (query.SpeakerId is { } speakerId)
        {
            CheckId(speakerId, "speaker_id");
            if (!agenda.Speakers.Any(s => s.Id == speakerId))
            {
                throw new InvalidArgumentException("speaker_id", $"unknown speaker id '{speakerId}'.");
            }
        }

        if (query.Day is { } day && !agenda.Conference.Days.Contains(day))
        {
            throw new InvalidArgumentException("day", $"{day:yyyy-MM-dd} is not a day of {agenda.Conference.Id}.");
        }

        if (query.RoomId is { } roomId && !agenda.Conference.Rooms.Any(r => r.Id == roomId))
        {
            throw new InvalidArgumentException("room_id", $"unknown room id '{roomId}'.");
        }

        if (query.TrackId is { } trackId && !agenda.Conference.Tracks.Any(t => t.Id == trackId))
        {
            throw new InvalidArgumentException("track_id", $"unknown track id '{trackId}'.");
        }

        var selections = Selections.GetValue(agenda, _ => new ConcurrentDictionary<string, Session[]>(StringComparer.Ordinal));
        if (!selections.TryGetValue(query.Fingerprint, out var sessions))
        {
            sessions = Select(agenda, query);
            if (selections.Count < MaxSelectionsPerSnapshot)
            {
                selections.TryAdd(query.Fingerprint, sessions);
            }
        }

        return Paging.Apply(sessions, page, query.Fingerprint, agenda.Conference.AgendaVersion);
    }

    private static Session[] Select(AgendaSnapshot agenda, SessionQuery query)
    {
        var zone = agenda.Conference.TimeZone;
        if (AgendaIndex.Existing(agenda) is { } index)
        {
            // A snapshot the service writes to keeps its sessions in order already: filter, no sort.
            var ordered = query.RoomId is { } room ? index.ByRoom.GetValueOrDefault(room) ?? []
                : query.SpeakerId is { } speaker ? index.BySpeaker.GetValueOrDefault(speaker) ?? []
                : (IEnumerable<Session>)index.ByTime;
            return [.. ordered
                .Where(s => query.Day is null || zone.DayOf(s.Start) == query.Day)
                .Where(s => query.SpeakerId is null || s.IsSpokenBy(query.SpeakerId))
                .Where(s => query.Kind is null || s.Kind == query.Kind)
                .Where(s => query.RoomId is null || s.RoomId == query.RoomId)
                .Where(s => query.TrackId is null || s.TrackId == query.TrackId)];
        }

        return [.. agenda.Sessions
            .Where(s => query.Day is null || zone.DayOf(s.Start) == query.Day)
            .Where(s => query.SpeakerId is null || s.IsSpokenBy(query.SpeakerId))
            .Where(s => query.Kind is null || s.Kind == query.Kind)
            .Where(s => query.RoomId is null || s.RoomId == query.RoomId)
            .Where(s => query.TrackId is null || s.TrackId == query.TrackId)
            .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public static Session FindSession(AgendaSnapshot agenda, string sessionId)
    {
        CheckId(sessionId, "session_id");
        var found = AgendaIndex.Existing(agenda) is { } index ? index.Find(sessionId) : agenda.Sessions.FirstOrDefault(s => s.Id == sessionId);
        return found
            ?? throw new NotFoundException($"conferences/{agenda.Conference.Id}/sessions/{sessionId}");
    }

    public static Page<Speaker> ListSpeakers(AgendaSnapshot agenda, PageRequest page) =>
        Paging.Apply(agenda.Speakers.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray(), page, $"{agenda.Conference.Id};speakers", agenda.Conference.AgendaVersion);

    public static Speaker FindSpeaker(AgendaSnapshot agenda, string speakerId)
    {
        CheckId(speakerId, "speaker_id");
        return agenda.Speakers.FirstOrDefault(s => s.Id == speakerId)
            ?? throw new NotFoundException($"conferences/{agenda.Conference.Id}/speakers/{speakerId}");
    }

    public static Sponsor FindSponsor(AgendaSnapshot agenda, string sponsorId)
    {
        CheckId(sponsorId, "sponsor_id");
        return agenda.Sponsors.FirstOrDefault(s => s.Id == sponsorId)
            ?? throw new NotFoundException($"conferences/{agenda.Conference.Id}/sponsors/{sponsorId}");
    }

    public static Page<Sponsor> ListSponsors(AgendaSnapshot agenda, PageRequest page) =>
        Paging.Apply(agenda.Sponsors.OrderBy(s => s.Order).ToArray(), page, $"{agenda.Conference.Id};sponsors", agenda.Conference.AgendaVersion);

    private static void CheckId(string id, string field)
    {
        if (!Slug.IsValid(id))
        {
            throw new InvalidArgumentException(field, $"must be 1–{Slug.MaxLength} lower-case letters, digits and single hyphens.");
        }
    }
}
