namespace NetconfCloud.Schedule.Tests;

public class PagingTests
{
    private static readonly int[] Items = [.. Enumerable.Range(1, 250)];

    [Fact]
    public void PageSizeZeroMeansTheDefault() =>
        Assert.Equal(Paging.DefaultPageSize, Paging.Apply(Items, new PageRequest(0), "q").Items.Count);

    [Fact]
    public void PageSizeAboveTheMaximumIsLoweredToIt() =>
        Assert.Equal(Paging.MaxPageSize, Paging.Apply(Items, new PageRequest(10_000), "q").Items.Count);

    [Fact]
    public void NegativePageSizeNamesPageSize() =>
        Assert.Equal("page_size", Assert.Throws<InvalidArgumentException>(() => Paging.Apply(Items, new PageRequest(-1), "q")).Violations[0].Field);

    [Fact]
    public void FollowingNextPageTokensVisitsEveryItemOnce()
    {
        var seen = new List<int>();
        var token = "";
        do
        {
            var page = Paging.Apply(Items, new PageRequest(70, token), "q");
            seen.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(Items, seen);
    }

    [Fact]
    public void TheLastPageHasNoNextToken() =>
        Assert.Equal("", Paging.Apply(Items[..80], new PageRequest(100), "q").NextPageToken);

    [Fact]
    public void ATokenIssuedForOtherFiltersIsRejected()
    {
        var token = Paging.Apply(Items, new PageRequest(10), "day=12").NextPageToken;

        var error = Assert.Throws<InvalidArgumentException>(() => Paging.Apply(Items, new PageRequest(10, token), "day=13"));

        Assert.Equal("page_token", error.Violations[0].Field);
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("bm9waXBl")]
    public void AForgedTokenIsRejected(string token) =>
        Assert.Equal("page_token", Assert.Throws<InvalidArgumentException>(() => Paging.Apply(Items, new PageRequest(10, token), "q")).Violations[0].Field);
}
