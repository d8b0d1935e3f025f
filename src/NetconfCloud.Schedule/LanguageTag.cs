using System.Text.RegularExpressions;

namespace NetconfCloud.Schedule;

/// <summary>A BCP 47 language tag in its common shape: a 2–3 letter language, then subtags ("en", "de-AT", "zh-Hant").</summary>
public static partial class LanguageTag
{
    public static bool IsValid(string tag) => tag.Length <= 35 && Pattern().IsMatch(tag);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
