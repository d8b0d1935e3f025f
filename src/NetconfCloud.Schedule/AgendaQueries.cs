using System.Runtime.CompilerServices;

namespace NetconfCloud.Schedule;

/// <summary>Reads over an agenda already loaded, so that a caller that needs several answers loads it once.</summary>
public static class AgendaQueries
{
    private static readonly ConditionalWeakTable<AgendaSnapshot, Session[]> ListingOrder = new();

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

        var zone = agenda.Conference.TimeZone;
        var ordered = InListingOrder(agenda);
        var sessions = query is { Day: null, SpeakerId: null, Kind: null, RoomId: null, TrackId: null }
            ? ordered
            : ordered
                .Where(s => query.Day is null || zone.DayOf(s.Start) == query.Day)
                .Where(s => query.SpeakerId is null || s.IsSpokenBy(query.SpeakerId))
                .Where(s => query.Kind is null || s.Kind == query.Kind)
                .Where(s => query.RoomId is null || s.RoomId == query.RoomId)
                .Where(s => query.TrackId is null || s.TrackId == query.TrackId)
                .ToArray();
        return Paging.Apply(sessions, page, query.Fingerprint, agenda.Conference.AgendaVersion);
    }

    /// <summary>
    /// The sessions ordered by start time (then end, then id), sorted once per agenda held rather than on every page: a
    /// snapshot never changes, so its order is kept beside it for as long as it lives.
    /// </summary>
    private static Session[] InListingOrder(AgendaSnapshot agenda) =>
        ListingOrder.GetValue(agenda, a => [.. a.Sessions.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id, StringComparer.Ordinal)]);

    public static Session FindSession(AgendaSnapshot agenda, string sessionId)
    {
        CheckId(sessionId, "session_id");
        return agenda.Sessions.FirstOrDefault(s => s.Id == sessionId)
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
