using System.Reflection;

namespace NetconfCloud.Site.Tests;

/// <summary>The one table of the site's texts: every language has every text, and the formats read as the language writes dates.</summary>
public class SiteTextsTests
{
    /// <summary>Texts that are rightly the same in English and another language (names, file names, loanwords), by language.</summary>
    private static readonly Dictionary<string, string[]> SameAsEnglish = new()
    {
        ["de"] = [nameof(SiteTexts.TimeFormat), nameof(SiteTexts.Track), nameof(SiteTexts.Tracks), nameof(SiteTexts.Links), nameof(SiteTexts.C3vocExport), nameof(SiteTexts.FrabExport)],
        ["fr"] = [nameof(SiteTexts.DayFormat), nameof(SiteTexts.DateFormat), nameof(SiteTexts.DayMonthFormat), nameof(SiteTexts.DayNumberFormat), nameof(SiteTexts.TimeFormat),
            nameof(SiteTexts.Sponsors), nameof(SiteTexts.SponsorsJson), nameof(SiteTexts.C3vocExport), nameof(SiteTexts.FrabExport)],
        ["nl"] = [nameof(SiteTexts.DayFormat), nameof(SiteTexts.DateFormat), nameof(SiteTexts.DayMonthFormat), nameof(SiteTexts.DayNumberFormat), nameof(SiteTexts.TimeFormat),
            nameof(SiteTexts.Track), nameof(SiteTexts.Tracks), nameof(SiteTexts.Talks), nameof(SiteTexts.Links), nameof(SiteTexts.Sponsors), nameof(SiteTexts.SponsorsJson),
            nameof(SiteTexts.C3vocExport), nameof(SiteTexts.FrabExport), nameof(SiteTexts.PickedOne), nameof(SiteTexts.PickedMany)],
    };

    public static TheoryData<string> Languages => [.. SiteLanguage.All.Select(l => l.Tag)];

    [Fact]
    public void TheSiteSpeaksEnglishGermanFrenchAndDutchWithEnglishFirst() =>
        Assert.Equal(["en", "de", "fr", "nl"], SiteLanguage.All.Select(l => l.Tag));

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryTextOfTheTableIsGivenAndNotEmpty(string tag)
    {
        var texts = SiteLanguage.Find(tag)!.Texts;

        var members = TextMembers().ToArray();
        var empty = members.Where(p => Sample(p.GetValue(texts)) is not { Length: > 0 } text || text.Trim().Length == 0).Select(p => p.Name).ToArray();

        Assert.True(members.Length > 100, $"only {members.Length} texts found");
        Assert.Empty(empty);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("fr")]
    [InlineData("nl")]
    public void EveryTextIsTranslatedUnlessItIsRightlyTheSameAsInEnglish(string tag)
    {
        var texts = SiteLanguage.Find(tag)!.Texts;

        var untranslated = TextMembers().Where(p => Sample(p.GetValue(texts)) == Sample(p.GetValue(SiteTexts.English))).Select(p => p.Name);

        Assert.Equal(SameAsEnglish[tag].Order(), untranslated.Order());
    }

    [Theory]
    [InlineData("en", "Thursday 12 February", "12–13 February 2015", "Tuesday 10 February 2015 at 14:05")]
    [InlineData("de", "Donnerstag, 12. Februar", "12.–13. Februar 2015", "Dienstag, 10. Februar 2015 um 14:05")]
    [InlineData("fr", "jeudi 12 février", "12–13 février 2015", "mardi 10 février 2015 à 14:05")]
    [InlineData("nl", "donderdag 12 februari", "12–13 februari 2015", "dinsdag 10 februari 2015 om 14:05")]
    public void DatesAndTimesAreWrittenAsTheLanguageWritesThem(string tag, string day, string range, string dateAndTime)
    {
        var language = SiteLanguage.Find(tag)!;
        var changed = new DateTimeOffset(2015, 2, 10, 14, 5, 0, TimeSpan.FromHours(-5));

        Assert.Equal(day, language.DayTitle(new DateOnly(2015, 2, 12)));
        Assert.Equal(range, language.DateRange([new DateOnly(2015, 2, 12), new DateOnly(2015, 2, 13)]));
        Assert.Equal(dateAndTime, language.DateAndTime(changed));
        Assert.Equal("21:30", language.TimeOfDay(changed.AddHours(7).AddMinutes(25)));
    }

    [Theory]
    [InlineData("en", "30 January – 2 February 2026")]
    [InlineData("de", "30. Januar – 2. Februar 2026")]
    public void ARangeAcrossMonthsNamesBothMonths(string tag, string range) =>
        Assert.Equal(range, SiteLanguage.Find(tag)!.DateRange([new DateOnly(2026, 1, 30), new DateOnly(2026, 2, 2)]));

    [Theory]
    [InlineData("en", "de", "German")]
    [InlineData("de", "en", "Englisch")]
    [InlineData("de", "en-US", "Englisch")]
    [InlineData("fr", "nl", "néerlandais")]
    [InlineData("en", "es", "Spanish")]
    [InlineData("de", "es", "español")]
    [InlineData("de", "x-klingon", "x-klingon")]
    public void ATalksLanguageIsNamedInThePagesLanguage(string page, string talk, string name) =>
        Assert.Equal(name, SiteLanguage.Find(page)!.NameOfLanguage(talk));

    [Theory]
    [InlineData("Ottawa", "heure d'Ottawa")]
    [InlineData("Bruxelles", "heure de Bruxelles")]
    [InlineData("Évry", "heure d'Évry")]
    public void FrenchElidesDeBeforeAVowel(string city, string place) => Assert.Equal(place, SiteTexts.French.CityTime(city));

    /// <summary>
    /// Every text member of the table: strings and functions of their parts (the culture's name is a setting, not a
    /// text), with the texts of what changed (<see cref="SiteTexts.Changes"/>) as "Changes.Name".
    /// </summary>
    internal static IEnumerable<TextMember> TextMembers()
    {
        foreach (var property in typeof(SiteTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != nameof(SiteTexts.CultureName)))
        {
            if (property.PropertyType == typeof(ChangeTexts))
            {
                foreach (var inner in typeof(ChangeTexts).GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    yield return new TextMember($"{property.Name}.{inner.Name}", texts => inner.GetValue(property.GetValue(texts)));
                }
            }
            else
            {
                yield return new TextMember(property.Name, property.GetValue);
            }
        }
    }

    internal sealed record TextMember(string Name, Func<SiteTexts, object?> Read)
    {
        public object? GetValue(SiteTexts texts) => Read(texts);
    }

    /// <summary>A text as written: a string as it is, a function with sample parts ("Ottawa", 2, 12).</summary>
    internal static string? Sample(object? value, string marker = "Ottawa") => value switch
    {
        string text => text,
        Delegate function => function.DynamicInvoke([.. function.Method.GetParameters().Select(p =>
            p.ParameterType == typeof(string) ? marker : p.ParameterType == typeof(int) ? (object)2 : p.ParameterType == typeof(long) ? (object)12L
                : p.ParameterType == typeof(NetconfCloud.Schedule.PublicChangeKind) ? NetconfCloud.Schedule.PublicChangeKind.Moved : throw new InvalidOperationException(p.ParameterType.Name))]) as string,
        _ => null,
    };

    [Fact]
    public void EveryCultureOfTheTableIsKnownToThePlatform() =>
        Assert.All(SiteLanguage.All, l => Assert.Equal(l.Tag, l.Culture.TwoLetterISOLanguageName, ignoreCase: true));

    [Fact]
    public void TheCulturesHaveTheirOwnMonthNames() =>
        Assert.Equal(4, SiteLanguage.All.Select(l => l.Culture.DateTimeFormat.GetMonthName(3)).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void NoTextHoldsTheMarkOfATimeExceptWhereATimeGoes()
    {
        string[] sentencesWithATime = [nameof(SiteTexts.AgendaVersion), nameof(SiteTexts.StartsAt), nameof(SiteTexts.AsOf), nameof(SiteTexts.SourceChecked)];

        foreach (var language in SiteLanguage.All)
        {
            var withMark = TextMembers().Where(p => Sample(p.GetValue(language.Texts))!.Contains(SiteTexts.When, StringComparison.Ordinal)).Select(p => p.Name);
            Assert.Equal(sentencesWithATime.Order(), withMark.Order());
        }
    }

}
