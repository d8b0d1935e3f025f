using System.Text.RegularExpressions;

namespace NetconfCloud.Schedule;

/// <summary>
/// The rules of a conference's details, rooms, tracks, speakers and sponsors. Violations name the request field
/// under <c>prefix</c> (e.g. <c>conference.time_zone</c>, <c>speaker.links[1].url</c>).
/// </summary>
public static partial class ResourceRules
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 8000;
    public const int MaxDays = 60;
    public const int MaxRooms = 500;
    public const int MaxTracks = 200;
    public const int MaxOtherNames = 10;
    public const int MaxSponsors = 500;

    /// <summary>
    /// Ids no conference may take: a conference's id is the first segment of its public address
    /// (<c>/api/{conference}</c>), and these name the site's own addresses at that place (<c>/api/health</c>,
    /// <c>/api/assets/…</c>). The feeds' tests check that every such address of theirs is here.
    /// </summary>
    public static IReadOnlySet<string> ReservedConferenceIds { get; } = new HashSet<string>(StringComparer.Ordinal) { "health", "assets" };

    public static void ValidateConference(Conference c, string prefix = "conference.") =>
        Throw(CheckConference(c, prefix));

    public static List<FieldViolation> CheckConference(Conference c, string prefix)
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(prefix + field, description));

        if (!Slug.IsValid(c.Id))
        {
            Fail("id", $"must be 1–{Slug.MaxLength} lower-case letters, digits and single hyphens, e.g. 'netconf-2015'.");
        }
        else if (ReservedConferenceIds.Contains(c.Id))
        {
            Fail("id", $"'{c.Id}' is the address of part of the site itself; choose another id.");
        }

        Required(c.Name, "name", Fail);
        SessionRules.CheckText(c.Name, MaxNameLength, allowLineBreaks: false, "name", Fail);
        SessionRules.CheckText(c.FullName, SessionRules.MaxTitleLength, allowLineBreaks: false, "full_name", Fail);
        SessionRules.CheckText(c.Subtitle, SessionRules.MaxTitleLength, allowLineBreaks: false, "subtitle", Fail);
        SessionRules.CheckText(c.Description, MaxDescriptionLength, allowLineBreaks: true, "description", Fail);
        SessionRules.CheckText(c.City, MaxNameLength, allowLineBreaks: false, "city", Fail);
        SessionRules.CheckText(c.Country, MaxNameLength, allowLineBreaks: false, "country", Fail);
        SessionRules.CheckText(c.Venue, MaxNameLength, allowLineBreaks: false, "venue", Fail);
        SessionRules.CheckText(c.AgendaStatus, MaxNameLength, allowLineBreaks: false, "agenda_status", Fail);
        OptionalUrl(c.Url, "url", Fail);

        if (!IsIanaZone(c.TimeZoneId))
        {
            Fail("time_zone", $"'{c.TimeZoneId}' is not an IANA time zone such as 'Europe/Berlin' or 'America/Toronto'.");
        }

        if (c.Days.Count is 0 or > MaxDays)
        {
            Fail("days", $"must list 1–{MaxDays} days.");
        }
        else if (!c.Days.Zip(c.Days.Skip(1)).All(pair => pair.First < pair.Second))
        {
            Fail("days", "must be in order, each once.");
        }
        else if (c.Days[0].Year < SessionRules.FirstYear || c.Days[^1].Year > SessionRules.LastYear)
        {
            Fail("days", $"must be in the years {SessionRules.FirstYear}–{SessionRules.LastYear}.");
        }

        CheckNamedIds(c.Rooms.Select(r => (r.Id, r.Name)).ToArray(), MaxRooms, "rooms", Fail);
        CheckNamedIds(c.Tracks.Select(t => (t.Id, t.Name)).ToArray(), MaxTracks, "tracks", Fail);
        for (var i = 0; i < c.Tracks.Count; i++)
        {
            if (c.Tracks[i].Color.Length > 0 && !Colour().IsMatch(c.Tracks[i].Color))
            {
                Fail($"tracks[{i}].color", "must be a colour such as '#1f77b4'.");
            }
        }

        for (var i = 0; i < c.Committee.Count; i++)
        {
            SessionRules.CheckText(c.Committee[i].Name, MaxNameLength, allowLineBreaks: false, $"committee[{i}].name", Fail);
            SessionRules.CheckText(c.Committee[i].Role, MaxNameLength, allowLineBreaks: false, $"committee[{i}].role", Fail);
        }

        if (c.CoLocatedEvent is { } e && e.EndDate < e.StartDate)
        {
            Fail("co_located_event.end_date", "must not be before its start_date.");
        }

        return violations;
    }

    public static void ValidateSpeaker(Speaker s, string prefix = "speaker.") => Throw(CheckSpeaker(s, prefix));

    public static List<FieldViolation> CheckSpeaker(Speaker s, string prefix)
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(prefix + field, description));
        if (!Slug.IsValid(s.Id))
        {
            Fail("id", $"must be 1–{Slug.MaxLength} lower-case letters, digits and single hyphens.");
        }

        Required(s.Name, "name", Fail);
        SessionRules.CheckText(s.Name, MaxNameLength, allowLineBreaks: false, "name", Fail);
        if (s.AlsoKnownAs.Count > MaxOtherNames)
        {
            Fail("also_known_as", $"must hold at most {MaxOtherNames} names.");
        }

        for (var i = 0; i < s.AlsoKnownAs.Count; i++)
        {
            SessionRules.CheckText(s.AlsoKnownAs[i], MaxNameLength, allowLineBreaks: false, $"also_known_as[{i}]", Fail);
        }

        SessionRules.CheckText(s.Bio, MaxDescriptionLength, allowLineBreaks: true, "bio", Fail);
        SessionRules.CheckLinks(s.Links, "links", Fail);
        return violations;
    }

    public static void ValidateSponsor(Sponsor s, string prefix = "sponsor.")
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(prefix + field, description));
        if (!Slug.IsValid(s.Id))
        {
            Fail("id", $"must be 1–{Slug.MaxLength} lower-case letters, digits and single hyphens.");
        }

        Required(s.Name, "name", Fail);
        SessionRules.CheckText(s.Name, MaxNameLength, allowLineBreaks: false, "name", Fail);
        SessionRules.CheckText(s.Tagline, MaxNameLength, allowLineBreaks: false, "tagline", Fail);
        SessionRules.CheckText(s.Tier, MaxNameLength, allowLineBreaks: false, "tier", Fail);
        OptionalUrl(s.Url, "url", Fail);
        Throw(violations);
    }

    public static bool IsIanaZone(string id)
    {
        try
        {
            return id.Length > 0 && ConferenceTimeZone.FromId(id).Zone.HasIanaId;
        }
        catch (InvalidArgumentException)
        {
            return false;
        }
    }

    private static void CheckNamedIds((string Id, string Name)[] items, int max, string field, Action<string, string> fail)
    {
        if (items.Length > max)
        {
            fail(field, $"must hold at most {max}.");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            if (!Slug.IsValid(items[i].Id))
            {
                fail($"{field}[{i}].id", $"must be 1–{Slug.MaxLength} lower-case letters, digits and single hyphens.");
            }
            else if (!seen.Add(items[i].Id))
            {
                fail($"{field}[{i}].id", $"'{items[i].Id}' is used twice.");
            }

            Required(items[i].Name, $"{field}[{i}].name", fail);
            SessionRules.CheckText(items[i].Name, MaxNameLength, allowLineBreaks: false, $"{field}[{i}].name", fail);
        }
    }

    private static void Required(string text, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            fail(field, "is required.");
        }
    }

    private static void OptionalUrl(string url, string field, Action<string, string> fail)
    {
        if (url.Length > 0 && !SessionRules.IsWebUrl(url))
        {
            fail(field, "must be an absolute http or https URL.");
        }
    }

    private static void Throw(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new InvalidArgumentException(violations);
        }
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Colour();
}
