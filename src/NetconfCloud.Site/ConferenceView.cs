using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// What a visitor asked the conference page for: one day, and optionally a search (<c>q</c>: title, speakers,
/// abstract, track) and filters by room, track and language. Read from the query string and checked against the
/// agenda, so that a bad parameter is refused with a sentence naming it.
/// </summary>
public sealed record ConferenceView(DateOnly? Day, string Query, string RoomId, string TrackId, string Language)
{
    public const int MaxQueryLength = 200;

    public static ConferenceView All { get; } = new(null, "", "", "", "");

    /// <summary>Whether the visitor searched or filtered (beyond a day): such a page is a list of what matched.</summary>
    public bool IsFiltered => Query.Length > 0 || RoomId.Length > 0 || TrackId.Length > 0 || Language.Length > 0;

    /// <summary>The view asked for by <paramref name="parameters"/> (name to value; absent or empty means "any"), or what is wrong with it.</summary>
    public static (ConferenceView? View, string? Problem) Parse(Func<string, string?> parameters, AgendaSnapshot agenda, SiteLanguage? language = null)
    {
        var t = (language ?? SiteLanguage.English).Texts;
        var conference = agenda.Conference;
        string Value(string name) => (parameters(name) ?? "").Trim();

        DateOnly? day = null;
        if (Value("day") is { Length: > 0 } dayText)
        {
            var days = ConferencePage.DaysOf(agenda);
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !days.Contains(parsed))
            {
                return (null, t.DayNotOfConference(conference.Name, string.Join(", ", days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))));
            }

            day = parsed;
        }

        var query = Value("q");
        if (query.Length > MaxQueryLength)
        {
            return (null, t.QueryTooLong(MaxQueryLength));
        }

        var room = Value("room");
        if (room.Length > 0 && conference.Rooms.All(r => r.Id != room))
        {
            return (null, t.NotARoom(Clip(room), conference.Name));
        }

        var track = Value("track");
        if (track.Length > 0 && conference.Tracks.All(known => known.Id != track))
        {
            return (null, t.NotATrack(Clip(track), conference.Name));
        }

        var talkLanguage = Value("lang");
        if (talkLanguage.Length > 0 && !LanguageTag.IsValid(talkLanguage))
        {
            return (null, t.NotALanguageTag(Clip(talkLanguage)));
        }

        return (new ConferenceView(day, query, room, track, talkLanguage), null);
    }

    /// <summary>Whether <paramref name="session"/> is shown: in the day (when one is asked), the room, the track, the language, and matching every word searched.</summary>
    public bool Matches(Session session, AgendaSnapshot agenda, ConferenceTimeZone zone)
    {
        if ((Day is { } day && zone.DayOf(session.Start) != day)
            || (RoomId.Length > 0 && session.RoomId != RoomId)
            || (TrackId.Length > 0 && session.TrackId != TrackId)
            || (Language.Length > 0 && !session.Language.Equals(Language, StringComparison.OrdinalIgnoreCase)
                && !session.Language.StartsWith(Language + "-", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Query.Length == 0)
        {
            return true;
        }

        var track = agenda.Conference.Tracks.FirstOrDefault(t => t.Id == session.TrackId)?.Name ?? "";
        var text = string.Join('\n', FeedText.Title(session), session.Subtitle, session.SpeakerNames, session.Abstract, track);
        return Query.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
    }

    /// <summary>The query string of this view with <paramref name="day"/> (null: the day it has), empty parameters left out.</summary>
    public string QueryString(DateOnly? day = null)
    {
        var pairs = new (string Name, string Value)[]
        {
            ("day", (day ?? Day)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
            ("q", Query),
            ("room", RoomId),
            ("track", TrackId),
            ("lang", Language),
        };
        var given = pairs.Where(p => p.Value.Length > 0).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}").ToArray();
        return given.Length > 0 ? "?" + string.Join('&', given) : "";
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
