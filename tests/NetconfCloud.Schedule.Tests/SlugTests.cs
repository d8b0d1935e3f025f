namespace NetconfCloud.Schedule.Tests;

public class SlugTests
{
    [Theory]
    [InlineData("Jamal Hadi Salim", "jamal-hadi-salim")]
    [InlineData("David S. Miller", "david-s-miller")]
    [InlineData("  Über  Netzwerk --- Stack ", "uber-netzwerk-stack")]
    [InlineData("netdev 0.1 schedules & announcements", "netdev-0-1-schedules-announcements")]
    public void SlugOfANameIsLowerCaseWordsJoinedByHyphens(string name, string slug) =>
        Assert.Equal(slug, Slug.From(name));

    [Fact]
    public void ASlugIsNeverLongerThanTheMaximum() =>
        Assert.True(Slug.From(string.Join(' ', Enumerable.Repeat("word", 40))).Length <= Slug.MaxLength);

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a--b")]
    public void CharactersThatTableKeysForbidAreNotSlugs(string id) => Assert.False(Slug.IsValid(id));
}
