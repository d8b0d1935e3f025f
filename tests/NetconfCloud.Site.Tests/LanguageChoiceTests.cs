namespace NetconfCloud.Site.Tests;

/// <summary>Which language a request gets: an explicit choice, else Accept-Language by its q-values, else English.</summary>
public class LanguageChoiceTests
{
    [Theory]
    [InlineData("de-AT,de;q=0.9,en;q=0.8", "de")]
    [InlineData("de-CH", "de")]
    [InlineData("en-US,en;q=0.9,de;q=0.8", "en")]
    [InlineData("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr")]
    [InlineData("nl-BE", "nl")]
    [InlineData("NL", "nl")]
    [InlineData("de;q=0.5, nl;q=0.8", "nl")]
    [InlineData("ja, de;q=0.3", "de")]
    [InlineData("de;q=0, fr", "fr")]
    [InlineData("de;q=abc, fr;q=0.1", "fr")]
    [InlineData("es, it;q=0.9, fr;q=0.2, de;q=0.1", "fr")]
    public void AcceptLanguageChoosesTheBestOfTheSitesLanguagesByQuality(string header, string expected) =>
        Assert.Equal(expected, SiteLanguage.Choose(null, null, header).Language.Tag);

    [Theory]
    [InlineData("ja, zh;q=0.8")]
    [InlineData("*")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData(";;;,,q=1")]
    public void AnUnknownOrMissingLanguageGetsEnglish(string? header)
    {
        var choice = SiteLanguage.Choose(null, null, header);

        Assert.Equal((SiteLanguage.English, false, null), (choice.Language, choice.Chosen, choice.Problem));
    }

    [Fact]
    public void TheCookieOfAnEarlierChoiceWinsOverAcceptLanguage()
    {
        var choice = SiteLanguage.Choose(null, "de", "fr-FR,fr;q=0.9");

        Assert.Equal((SiteLanguage.German, false), (choice.Language, choice.Chosen));
    }

    [Fact]
    public void AnUnknownCookieIsIgnored() =>
        Assert.Equal(SiteLanguage.French, SiteLanguage.Choose(null, "tlh", "fr").Language);

    [Fact]
    public void TheQueryParameterWinsOverCookieAndAcceptLanguageAndIsToBeRemembered()
    {
        var choice = SiteLanguage.Choose("nl", "de", "fr");

        Assert.Equal((SiteLanguage.Dutch, true, null), (choice.Language, choice.Chosen, choice.Problem));
    }

    [Fact]
    public void AQueryParameterNamingNoLanguageOfTheSiteIsRefusedInTheNegotiatedLanguageNamingHl()
    {
        var choice = SiteLanguage.Choose("xx", null, "de");

        Assert.Equal((SiteLanguage.German, false), (choice.Language, choice.Chosen));
        Assert.Equal("hl „xx“ ist keine Sprache dieser Seite; sie hat en, de, fr, nl.", choice.Problem);
    }

    [Fact]
    public void AnEmptyQueryParameterIsNoChoice() =>
        Assert.Equal((SiteLanguage.French, false, null), (SiteLanguage.Choose("", null, "fr").Language, SiteLanguage.Choose("", null, "fr").Chosen, SiteLanguage.Choose("", null, "fr").Problem));
}
