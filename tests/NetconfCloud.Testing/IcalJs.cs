using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetconfCloud.Testing;

/// <summary>
/// Parses iCalendar with ical.js (Mozilla's parser, from the repository's npm install) run by Node, so that our
/// feeds are checked by a parser we did not write.
/// </summary>
public static class IcalJs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ParsedCalendar> ParseAsync(string ics)
    {
        var output = await NodeScript.RunAsync(Repository.PathOf("tests", "NetconfCloud.Testing", "icaljs", "parse.mjs"), ics, "ical.js rejected the calendar");
        return JsonSerializer.Deserialize<ParsedCalendar>(output, Json) ?? throw new InvalidDataException("ical.js printed nothing");
    }
}

public sealed record ParsedCalendar(ParsedCalendarProperties Calendar, IReadOnlyList<string> Timezones, IReadOnlyList<ParsedEvent> Events);

public sealed record ParsedCalendarProperties(
    string? Prodid, string? Version, string? Calscale, string? Method, string? Name, string? XWrCalname, string? XWrTimezone,
    string? Description, string? RefreshInterval, string? RefreshIntervalValueType, string? PublishedTtl);

public sealed record ParsedEvent(
    string? Uid, string? Summary, string? Description, string? Location, string? Status, int Sequence, string? Transp,
    IReadOnlyList<string> Categories, string? Url, ParsedTime? Dtstart, ParsedTime? Dtend, ParsedTime? Dtstamp, ParsedTime? LastModified);

public sealed record ParsedTime(string Local, string? Tzid, DateTimeOffset Utc, bool Floating);
