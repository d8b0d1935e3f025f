namespace NetconfCloud.Schedule;

/// <summary>The rules every session must keep. Violations name the request field (e.g. <c>session.end_time</c>).</summary>
public static class SessionRules
{
    public const int MaxTitleLength = 300;
    public const int MaxAbstractLength = 8000;
    public const int MaxNotesLength = 2000;
    public const int MaxSlideCount = 50;
    public const int MaxSpeakers = 20;

    public const int MaxSubtitleLength = 300;
    public const int MaxLinks = 20;
    public const int MaxLinkTitleLength = 200;
    public const int MaxUrlLength = 2000;

    /// <summary>The years a conference may be in: every calendar and schedule app can show them, and times stay far from the ends of the clock.</summary>
    public const int FirstYear = 1900;

    public const int LastYear = 2999;

    /// <summary>The longest session; a session may run past midnight (congresses have night programmes), not for days.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>
    /// Checks a session as it would stand in the agenda (replacing any session with the same id). A clash with
    /// another session (a speaker or a room twice at once) is refused unless <paramref name="previous"/>, the session
    /// as it stands now, had that very clash already: imported schedules keep their clashes, an edit adds none.
    /// </summary>
    public static void Validate(Session session, AgendaSnapshot agenda, Session? previous = null, string prefix = "session.")
    {
        var violations = new List<FieldViolation>();
        Check(session, RuleContext.ForOne(agenda), prefix, violations);
        var known = previous is null
            ? []
            : AgendaClashes.Of(previous, agenda).Select(c => (c.Kind, c.Subject, c.Second.Id)).ToHashSet();
        foreach (var clash in AgendaClashes.Of(session, agenda).Where(c => !known.Contains((c.Kind, c.Subject, c.Second.Id))))
        {
            violations.Add(clash.Kind == ClashKind.Speaker
                ? new FieldViolation(prefix + "speaker_ids", $"speaker '{clash.Subject}' is already in session '{clash.Second.Id}' at that time.")
                : new FieldViolation(prefix + "room_id", $"room '{clash.Subject}' already holds session '{clash.Second.Id}' at that time."));
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    /// <summary>
    /// Checks a whole agenda, as loaded from a seed file or an export: every rule of every session. Clashes are not
    /// errors here: an exported agenda keeps the clashes its source had (an import reports them as warnings).
    /// </summary>
    public static void ValidateAgenda(AgendaSnapshot agenda)
    {
        var violations = new List<FieldViolation>();
        var context = new RuleContext(agenda.Conference, agenda.Speakers);
        foreach (var duplicate in agenda.Sessions.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            violations.Add(new FieldViolation("sessions", $"id '{duplicate.Key}' is used twice."));
        }

        foreach (var speaker in agenda.Speakers.Where(s => !Slug.IsValid(s.Id)))
        {
            violations.Add(new FieldViolation("speakers", $"id '{speaker.Id}' is not a slug."));
        }

        foreach (var session in agenda.Sessions)
        {
            Check(session, context, $"sessions[{session.Id}].", violations);
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    /// <summary>Every rule of one session except clashes, which need the other sessions.</summary>
    internal static void Check(Session session, RuleContext context, string prefix, List<FieldViolation> violations)
    {
        void Fail(string field, string description) => violations.Add(new FieldViolation(prefix + field, description));

        if (!Slug.IsValid(session.Id))
        {
            Fail("id", $"must be 1–{Slug.MaxLength} lower-case letters, digits and single hyphens.");
        }

        if (!Enum.IsDefined(session.Kind))
        {
            Fail("kind", "must be TALK, BREAK or MEAL.");
        }

        if (!Enum.IsDefined(session.Status))
        {
            Fail("status", "must be SCHEDULED or CANCELLED.");
        }

        foreach (var (field, rule) in TextFields)
        {
            var value = (string)field.ValueOf(session)!;
            if (rule is WebAddressAttribute)
            {
                if (value.Length > 0 && !IsWebUrl(value))
                {
                    Fail(field.Path, $"must be an absolute http or https URL of at most {MaxUrlLength} characters.");
                }
            }
            else if (rule is TextAttribute text)
            {
                CheckText(value, text.MaxLength, text.AllowLineBreaks, field.Path, Fail);
            }
        }

        if (string.IsNullOrWhiteSpace(session.Title) && (session.Kind != SessionKind.Talk || session.Speakers.Count == 0))
        {
            Fail("title", session.Kind == SessionKind.Talk
                ? "is required for a talk without speakers."
                : "is required.");
        }

        if (session.SlideCount is < 0 or > MaxSlideCount)
        {
            Fail("slide_count", $"must be between 0 and {MaxSlideCount}.");
        }

        if (session.Language.Length > 0 && !LanguageTag.IsValid(session.Language))
        {
            Fail("language", "must be a language tag such as 'en' or 'de-AT'.");
        }

        if (session.RoomId.Length > 0 && !context.HasRoom(session.RoomId))
        {
            Fail("room_id", $"unknown room id '{session.RoomId}'.");
        }

        if (session.TrackId.Length > 0 && !context.HasTrack(session.TrackId))
        {
            Fail("track_id", $"unknown track id '{session.TrackId}'.");
        }

        CheckLinks(session.Links, "links", Fail);
        CheckSpeakers(session, context, Fail);
        CheckTimes(session, context, Fail);
    }

    /// <summary>The content's text fields and the rule each is marked with (<see cref="TextAttribute"/>, <see cref="WebAddressAttribute"/>).</summary>
    private static readonly (SessionFields.Field Field, Attribute Rule)[] TextFields =
    [
        .. SessionFields.All
            .Select(f => (Field: f, Rule: (Attribute?)f.Property.GetCustomAttributes(typeof(TextAttribute), false).FirstOrDefault()
                ?? (Attribute?)f.Property.GetCustomAttributes(typeof(WebAddressAttribute), false).FirstOrDefault()))
            .Where(x => x.Rule is not null)
            .Select(x => (x.Field, x.Rule!)),
    ];

    /// <summary>Links: at most <see cref="MaxLinks"/>, each an absolute http(s) URL with a one-line title.</summary>
    public static void CheckLinks(IReadOnlyList<Link> links, string field, Action<string, string> fail)
    {
        if (links.Count > MaxLinks)
        {
            fail(field, $"must hold at most {MaxLinks} links.");
            return;
        }

        for (var i = 0; i < links.Count; i++)
        {
            CheckText(links[i].Title, MaxLinkTitleLength, allowLineBreaks: false, $"{field}[{i}].title", fail);
            if (!IsWebUrl(links[i].Url))
            {
                fail($"{field}[{i}].url", $"must be an absolute http or https URL of at most {MaxUrlLength} characters.");
            }
        }
    }

    public static bool IsWebUrl(string url) =>
        url.Length <= MaxUrlLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    internal static void CheckText(string text, int maxLength, bool allowLineBreaks, string field, Action<string, string> fail)
    {
        if (text.Length > maxLength)
        {
            fail(field, $"must be at most {maxLength} characters.");
            return;
        }

        foreach (var c in text)
        {
            var allowed = allowLineBreaks && c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !allowed)
            {
                fail(field, allowLineBreaks
                    ? "must not contain control characters other than line breaks and tabs."
                    : "must be one line without control characters.");
                return;
            }
        }
    }

    private static void CheckSpeakers(Session session, RuleContext context, Action<string, string> fail)
    {
        if (session.Speakers.Count > MaxSpeakers)
        {
            fail("speaker_ids", $"must name at most {MaxSpeakers} speakers.");
            return;
        }

        foreach (var unknown in session.Speakers.Where(s => !context.HasSpeaker(s.Id)))
        {
            fail("speaker_ids", $"unknown speaker id '{unknown.Id}'.");
        }

        if (session.Speakers.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != session.Speakers.Count)
        {
            fail("speaker_ids", "names a speaker twice.");
        }
    }

    private static void CheckTimes(Session session, RuleContext context, Action<string, string> fail)
    {
        if (session.End <= session.Start)
        {
            fail("end_time", "must be after start_time.");
            return;
        }

        if (session.End - session.Start > MaxDuration)
        {
            fail("end_time", $"must be at most {MaxDuration.TotalHours:0} hours after start_time.");
        }

        if (session.Start.Year < FirstYear || session.End.Year > LastYear)
        {
            fail("start_time", $"must be in the years {FirstYear}–{LastYear}.");
            return;
        }

        var conference = context.Conference;
        var zone = context.Zone;
        if (!context.IsDay(zone.DayOf(session.Start)))
        {
            fail("start_time", $"must fall on a conference day ({string.Join(", ", conference.Days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}) in {zone.Id}.");
        }
    }
}

/// <summary>
/// What the rules of one session look up in the rest of the agenda. Checking many sessions (an import, a changed
/// conference), build it once: the lookups are sets. Checking one (a write), speakers are looked up in the agenda's
/// index (<see cref="AgendaIndex"/>, kept from snapshot to snapshot) and the few rooms and tracks are scanned.
/// </summary>
internal sealed class RuleContext
{
    private readonly Func<string, bool> hasSpeaker;
    private readonly Func<string, bool> hasRoom;
    private readonly Func<string, bool> hasTrack;

    public RuleContext(Conference conference, IEnumerable<Speaker> speakers)
    {
        Conference = conference;
        Zone = conference.TimeZone;
        HashSet<string> speakerIds = [.. speakers.Select(s => s.Id)];
        HashSet<string> roomIds = [.. conference.Rooms.Select(r => r.Id)];
        HashSet<string> trackIds = [.. conference.Tracks.Select(t => t.Id)];
        (hasSpeaker, hasRoom, hasTrack) = (speakerIds.Contains, roomIds.Contains, trackIds.Contains);
    }

    private RuleContext(AgendaSnapshot agenda)
    {
        Conference = agenda.Conference;
        Zone = agenda.Conference.TimeZone;
        hasSpeaker = AgendaIndex.Of(agenda).Speakers.Contains;
        hasRoom = id => agenda.Conference.Rooms.Any(r => r.Id == id);
        hasTrack = id => agenda.Conference.Tracks.Any(t => t.Id == id);
    }

    /// <summary>For checking one session against <paramref name="agenda"/>.</summary>
    public static RuleContext ForOne(AgendaSnapshot agenda) => new(agenda);

    public Conference Conference { get; }

    public ConferenceTimeZone Zone { get; }

    public bool HasSpeaker(string id) => hasSpeaker(id);

    public bool HasRoom(string id) => hasRoom(id);

    public bool HasTrack(string id) => hasTrack(id);

    public bool IsDay(DateOnly day) => Conference.Days.Contains(day);
}

/// <summary>A content field of text: at most <see cref="MaxLength"/> characters, without control characters (line breaks and tabs allowed where <see cref="AllowLineBreaks"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public class TextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;

    public virtual bool AllowLineBreaks => true;
}

/// <summary>A content field of one line of text (a title).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneLineAttribute(int maxLength) : TextAttribute(maxLength)
{
    public override bool AllowLineBreaks => false;
}

/// <summary>A content field that is empty or an absolute http(s) address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WebAddressAttribute : Attribute;
