namespace NetconfCloud.Feeds;

/// <summary>What a feed holds: its title and its sessions. Null when the feed does not exist (HTTP 404).</summary>
internal sealed record FeedSelection(string Title, string Description, IReadOnlyList<Session> Sessions)
{
    /// <summary>
    /// Breaks and meals appear in the whole-event and day feeds (as free time, TRANSP:TRANSPARENT) so attendees see
    /// the shape of the day; never in speaker feeds. Cancelled sessions stay, marked cancelled, so that subscribed
    /// calendars remove them.
    /// </summary>
    public static FeedSelection? For(FeedKey key, AgendaSnapshot agenda)
    {
        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        var ordered = agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
        switch (key.Kind)
        {
            case FeedKind.Event:
                return new FeedSelection(conference.Name, $"{conference.FullName}: the whole agenda.", ordered);
            case FeedKind.Day:
                var day = key.Day;
                return conference.Days.Contains(day)
                    ? new FeedSelection($"{conference.Name} — {Conference.DayTitle(day)}", $"{conference.FullName}: the agenda of {Conference.DayTitle(day)}.", [.. ordered.Where(s => zone.DayOf(s.Start) == day)])
                    : null;
            case FeedKind.Speaker:
                var speaker = agenda.Speakers.FirstOrDefault(s => s.Id == key.Argument);
                return speaker is null
                    ? null
                    : new FeedSelection($"{conference.Name} — {speaker.Name}", $"{conference.FullName}: sessions with {speaker.Name}.", [.. ordered.Where(s => s.IsTalk && s.IsSpokenBy(speaker.Id))]);
            case FeedKind.Session:
                var session = ordered.FirstOrDefault(s => s.Id == key.Argument);
                return session is null
                    ? null
                    : new FeedSelection($"{conference.Name} — {FeedText.Summary(session)}", $"{conference.FullName}: {FeedText.Summary(session)}.", [session]);
            default:
                throw new ArgumentOutOfRangeException(nameof(key), key.Kind, "Not a calendar feed.");
        }
    }
}
