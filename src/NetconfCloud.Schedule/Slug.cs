using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NetconfCloud.Schedule;

/// <summary>
/// Ids are slugs: lower-case ASCII letters, digits and single hyphens, 1–63 characters. That alphabet is safe in
/// URLs, in file names and in Table Storage keys (which forbid / \ # ? and control characters).
/// </summary>
public static partial class Slug
{
    public const int MaxLength = 63;

    public static bool IsValid(string? id) => id is not null && id.Length <= MaxLength && Pattern().IsMatch(id);

    /// <summary>The slug of a name: "Jamal Hadi Salim" becomes "jamal-hadi-salim", "Pablo Neira Ayuso" "pablo-neira-ayuso".</summary>
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>
    /// A new id from <paramref name="text"/> (or <paramref name="fallback"/> when it has no letters or digits) that
    /// <paramref name="isTaken"/> does not hold: "title", then "title-2", "title-3", ...
    /// </summary>
    public static string Unique(string text, string fallback, Func<string, bool> isTaken)
    {
        var basis = From(text);
        if (basis.Length == 0)
        {
            basis = fallback;
        }

        basis = basis.Length > MaxLength - 6 ? basis[..(MaxLength - 6)].TrimEnd('-') : basis;
        var id = basis;
        for (var n = 2; isTaken(id); n++)
        {
            id = $"{basis}-{n}";
        }

        return id;
    }
}
