using System.Text;

namespace NetconfCloud.Feeds.Tests;

public class ConditionalRequestTests
{
    private static readonly FeedDocument Document = new(Encoding.UTF8.GetBytes("BEGIN:VCALENDAR"), "text/calendar", "x.ics", new DateTimeOffset(2026, 11, 1, 12, 0, 0, 500, TimeSpan.Zero), 1);

    [Fact]
    public void TheETagIsStrongAndFollowsTheBody()
    {
        var other = new FeedDocument(Encoding.UTF8.GetBytes("BEGIN:VCALENDAR "), "text/calendar", "x.ics", Document.LastModified, 1);

        Assert.StartsWith("\"", Document.ETag, StringComparison.Ordinal);
        Assert.NotEqual(Document.ETag, other.ETag);
        Assert.Equal(Document.ETag, new FeedDocument(Encoding.UTF8.GetBytes("BEGIN:VCALENDAR"), "text/calendar", "y.ics", DateTimeOffset.MinValue, 9).ETag);
    }

    [Fact]
    public void AMatchingIfNoneMatchIsNotModified() => Assert.True(Document.IsNotModified(Document.ETag, null));

    [Fact]
    public void AWeakFormOfTheETagOrOneOfAListMatches()
    {
        Assert.True(Document.IsNotModified("W/" + Document.ETag, null));
        Assert.True(Document.IsNotModified("\"other\", " + Document.ETag, null));
        Assert.True(Document.IsNotModified("*", null));
    }

    [Fact]
    public void AnotherETagIsModifiedEvenIfTheDateWouldMatch() =>
        Assert.False(Document.IsNotModified("\"other\"", Document.LastModifiedHttpDate));

    [Fact]
    public void IfModifiedSinceTheLastChangeIsNotModified() =>
        Assert.True(Document.IsNotModified(null, Document.LastModifiedHttpDate));

    [Fact]
    public void IfModifiedSinceBeforeTheLastChangeIsModified() =>
        Assert.False(Document.IsNotModified(null, Document.LastModified.AddMinutes(-1).ToString("r", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AnUnreadableDateIsIgnored() => Assert.False(Document.IsNotModified(null, "yesterday"));
}
