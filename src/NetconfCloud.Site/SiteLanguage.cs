using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// One language of the attendee site: its tag (<c>de</c>), its texts, and the one place where dates and times are
/// written for people, in its culture ("Donnerstag, 12. Februar", 24-hour times). Instants are turned into the
/// conference's local time by <see cref="ConferenceTimeZone"/> before they get here.
/// </summary>
public sealed class SiteLanguage
{
    private SiteLanguage(string tag, SiteTexts texts)
    {
        Tag = tag;
        Texts = texts;
        Culture = CultureInfo.GetCultureInfo(texts.CultureName);
    }

    public static SiteLanguage English { get; } = new("en", SiteTexts.English);

    public static SiteLanguage German { get; } = new("de", SiteTexts.German);

    public static SiteLanguage French { get; } = new("fr", SiteTexts.French);

    public static SiteLanguage Dutch { get; } = new("nl", SiteTexts.Dutch);

    /// <summary>Every language of the site, in the order the switch shows them; the first is the default.</summary>
    public static IReadOnlyList<SiteLanguage> All { get; } = [English, German, French, Dutch];

    /// <summary>The BCP 47 tag of <c>&lt;html lang&gt;</c>, of <c>?hl=</c> and of the cookie.</summary>
    public string Tag { get; }

    public SiteTexts Texts { get; }

    public CultureInfo Culture { get; }

    /// <summary>The language of <paramref name="tag"/> (its primary subtag: <c>de-AT</c> is German), or null.</summary>
    public static SiteLanguage? Find(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0];
        return All.FirstOrDefault(l => l.Tag.Equals(primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Thursday 12 February", "Donnerstag, 12. Februar".</summary>
    public string DayTitle(DateOnly day) => day.ToString(Texts.DayFormat, Culture);

    /// <summary>A local time of day: "09:00".</summary>
    public string TimeOfDay(DateTimeOffset local) => local.ToString(Texts.TimeFormat, Culture);

    /// <summary>A local date and time: "Tuesday 10 February 2015 at 14:05".</summary>
    public string DateAndTime(DateTimeOffset local) => local.ToString(Texts.DateTimeFormat, Culture);

    /// <summary>"12–13 February 2015", "30 January – 2 February 2026", or one day; "12.–13. Februar 2015" in German.</summary>
    public string DateRange(IReadOnlyList<DateOnly> days)
    {
        if (days.Count == 0)
        {
            return Texts.DatesToBeAnnounced;
        }

        var (first, last) = (days.Min(), days.Max());
        string Format(DateOnly d, string f) => d.ToString(f, Culture);
        return first == last ? Format(first, Texts.DateFormat)
            : first.Year == last.Year && first.Month == last.Month ? $"{Format(first, Texts.DayNumberFormat)}–{Format(last, Texts.DateFormat)}"
            : first.Year == last.Year ? $"{Format(first, Texts.DayMonthFormat)} – {Format(last, Texts.DateFormat)}"
            : $"{Format(first, Texts.DateFormat)} – {Format(last, Texts.DateFormat)}";
    }

    /// <summary>A language of talks by name in this language: ours from the table, any other by its own name ("español").</summary>
    public string NameOfLanguage(string tag)
    {
        switch (Find(tag)?.Tag)
        {
            case "en": return Texts.NameOfEnglish;
            case "de": return Texts.NameOfGerman;
            case "fr": return Texts.NameOfFrench;
            case "nl": return Texts.NameOfDutch;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            var name = this == English ? culture.EnglishName : culture.NativeName;
            return name.StartsWith("Unknown", StringComparison.Ordinal) || culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? tag : name;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Join("", names) : $"{string.Join(", ", names.Take(names.Count - 1))}{Texts.And}{names[^1]}";

    public override string ToString() => Tag;

    /// <summary>
    /// The language of a request: an explicit choice first (<c>?hl=</c>, then the <c>hl</c> cookie an earlier choice set),
    /// then the browser's <c>Accept-Language</c> by its q-values (a region falls back to its language: <c>de-AT</c> is
    /// German), else English. A <c>?hl=</c> that names no language of the site is refused with a sentence naming it.
    /// </summary>
    public static LanguageChoice Choose(string? hl, string? cookie, string? acceptLanguage)
    {
        var negotiated = Find(cookie) ?? FromAcceptLanguage(acceptLanguage) ?? English;
        if (hl is null || hl.Trim().Length == 0)
        {
            return new LanguageChoice(negotiated, Chosen: false, Problem: null);
        }

        return Find(hl) is { } asked
            ? new LanguageChoice(asked, Chosen: true, Problem: null)
            : new LanguageChoice(negotiated, Chosen: false, negotiated.Texts.NotASiteLanguage(hl.Length <= 20 ? hl : hl[..20] + "…", string.Join(", ", All.Select(l => l.Tag))));
    }

    /// <summary>The best of the site's languages an <c>Accept-Language</c> header names (q=0 refuses one; <c>*</c> is any), or null.</summary>
    public static SiteLanguage? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var ranges = new List<(string Tag, double Quality, int Order)>();
        var parts = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < parts.Length && i < 32; i++)
        {
            var fields = parts[i].Split(';', StringSplitOptions.TrimEntries);
            var quality = 1.0;
            foreach (var parameter in fields.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                    && !double.TryParse(parameter[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
                {
                    quality = 0;
                }
            }

            if (fields[0].Length > 0 && quality > 0)
            {
                ranges.Add((fields[0], Math.Min(quality, 1), i));
            }
        }

        foreach (var (tag, _, _) in ranges.OrderByDescending(r => r.Quality).ThenBy(r => r.Order))
        {
            if (tag == "*")
            {
                return English;
            }

            if (Find(tag) is { } language)
            {
                return language;
            }
        }

        return null;
    }
}

/// <summary>The language a request gets; <see cref="Chosen"/> when the visitor chose it (to be remembered); or why <c>hl</c> is refused.</summary>
public sealed record LanguageChoice(SiteLanguage Language, bool Chosen, string? Problem)
{
    /// <summary>The query parameter of an explicit choice (<c>lang</c> is the talks' language filter).</summary>
    public const string Parameter = "hl";

    /// <summary>The cookie that remembers the choice.</summary>
    public const string Cookie = "hl";

    /// <summary>How long the choice is remembered.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromDays(365);
}
