using System.Globalization;

namespace NetconfCloud.Schedule.Import.Internal;

/// <summary>The value syntaxes the two formats share: durations, wall-clock times, dates and instants.</summary>
internal static class ScheduleText
{
    private static readonly string[] LocalDateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm",
    ];

    private static readonly string[] OffsetDateTimeFormats = [.. LocalDateTimeFormats.Select(f => f + "zzz")];

    /// <summary>
    /// "H:MM" and "HH:MM" (what frab and pretalx emit; hours may pass 23, as the c3voc schema's <c>^[0-9]+:[0-9]{2}$</c>
    /// allows) and "H:MM:SS" (the frab XSD's second form, Pentabarf's interval). A three-part value is read as
    /// hours, minutes, seconds, never as days, hours, minutes: that is what the XSD says and no file we know differs.
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3
            || !IsDigits(parts[0], 1, 3)
            || !IsDigits(parts[1], 2, 2)
            || (parts.Length == 3 && !IsDigits(parts[2], 2, 2)))
        {
            return false;
        }

        var hours = int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        var seconds = parts.Length == 3 ? int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        if (minutes > 59 || seconds > 59)
        {
            return false;
        }

        duration = new TimeSpan(hours, minutes, seconds);
        return true;
    }

    /// <summary>"HH:MM" or "HH:MM:SS", 00:00 to 23:59.</summary>
    public static bool TryParseTimeOfDay(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>
    /// An ISO 8601 date-time. With an offset ("+01:00", "Z") it is an instant; without one it is a wall-clock time
    /// and <paramref name="hasOffset"/> is false (the caller places it in the conference zone).
    /// </summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value, out bool hasOffset)
    {
        value = default;
        hasOffset = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (s.EndsWith('Z') || s.EndsWith('z'))
        {
            s = string.Concat(s.AsSpan(0, s.Length - 1), "+00:00");
        }

        var timeAt = s.IndexOfAny(['T', ' '], 8);
        hasOffset = timeAt > 0 && s.AsSpan(timeAt).IndexOfAny('+', '-') > 0;
        if (hasOffset)
        {
            return DateTimeOffset.TryParseExact(s, OffsetDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
        }

        if (DateTime.TryParseExact(s, LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            value = new DateTimeOffset(local, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private static bool IsDigits(string s, int min, int max) => s.Length >= min && s.Length <= max && s.All(char.IsAsciiDigit);
}
