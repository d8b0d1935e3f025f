namespace NetconfCloud.Schedule;

/// <summary>The rules every session must keep. Violations name the request field (e.g. <c>session.end_time</c>).</summary>
public static class SessionRules
{
    public const int MaxTitleLength = 300;
    public const int MaxAbstractLength = 8000;
    public const int MaxNotesLength = 2000;
    public const int MaxSlideCount = 50;
    public const int MaxSpeakers = 20;

    /// <summary>Checks a session as it would stand in the agenda (replacing any session with the same id).</summary>
    public static void Validate(Session session, AgendaSnapshot agenda, string prefix = "session.")
    {
        var violations = new List<FieldViolation>();
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

        CheckText(session.Title, MaxTitleLength, allowLineBreaks: false, "title", Fail);
        CheckText(session.Abstract, MaxAbstractLength, allowLineBreaks: true, "abstract", Fail);
        CheckText(session.Notes, MaxNotesLength, allowLineBreaks: true, "notes", Fail);

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

        CheckSpeakers(session, agenda, Fail);
        CheckTimes(session, agenda, Fail);

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    /// <summary>Checks a whole agenda, as loaded from a seed or import file.</summary>
    public static void ValidateAgenda(AgendaSnapshot agenda)
    {
        var duplicate = agenda.Sessions.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidArgumentException("sessions", $"id '{duplicate.Key}' is used twice.");
        }

        foreach (var speaker in agenda.Speakers.Where(s => !Slug.IsValid(s.Id)))
        {
            throw new InvalidArgumentException("speakers", $"id '{speaker.Id}' is not a slug.");
        }

        foreach (var session in agenda.Sessions)
        {
            Validate(session, agenda, $"sessions[{session.Id}].");
        }
    }

    private static void CheckText(string text, int maxLength, bool allowLineBreaks, string field, Action<string, string> fail)
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

    private static void CheckSpeakers(Session session, AgendaSnapshot agenda, Action<string, string> fail)
    {
        if (session.Speakers.Count > MaxSpeakers)
        {
            fail("speaker_ids", $"must name at most {MaxSpeakers} speakers.");
            return;
        }

        var known = agenda.Speakers.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in session.Speakers.Where(s => !known.Contains(s.Id)))
        {
            fail("speaker_ids", $"unknown speaker id '{unknown.Id}'.");
        }

        if (session.Speakers.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != session.Speakers.Count)
        {
            fail("speaker_ids", "names a speaker twice.");
        }

        if (session.Status != SessionStatus.Scheduled)
        {
            return;
        }

        foreach (var other in agenda.Sessions)
        {
            if (other.Id == session.Id || other.Status != SessionStatus.Scheduled
                || other.Start >= session.End || session.Start >= other.End)
            {
                continue;
            }

            foreach (var speaker in session.Speakers.Where(s => other.IsSpokenBy(s.Id)))
            {
                fail("speaker_ids", $"speaker '{speaker.Id}' is already in session '{other.Id}' at that time.");
            }
        }
    }

    private static void CheckTimes(Session session, AgendaSnapshot agenda, Action<string, string> fail)
    {
        if (session.End <= session.Start)
        {
            fail("end_time", "must be after start_time.");
            return;
        }

        var conference = agenda.Conference;
        var zone = conference.TimeZone;
        if (!conference.Days.Contains(zone.DayOf(session.Start)))
        {
            fail("start_time", $"must fall on a conference day ({string.Join(", ", conference.Days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}) in {zone.Id}.");
        }
        else if (zone.DayOf(session.End) != zone.DayOf(session.Start) && zone.ToLocal(session.End).TimeOfDay != TimeSpan.Zero)
        {
            fail("end_time", "must be on the same conference day as start_time.");
        }
    }
}
