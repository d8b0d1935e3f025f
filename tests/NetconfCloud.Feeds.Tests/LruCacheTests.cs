namespace NetconfCloud.Feeds.Tests;

public class LruCacheTests
{
    private readonly LruCache<string, string> cache = new(10, value => value.Length);

    [Fact]
    public void TheLeastRecentlyUsedEntryGoesFirst()
    {
        cache.Set("a", "aaaa");
        cache.Set("b", "bbbb");

        cache.Set("c", "cccc");

        Assert.False(cache.Contains("a"));
        Assert.True(cache.Contains("b"));
        Assert.True(cache.Contains("c"));
        Assert.Equal(8, cache.Weight);
    }

    [Fact]
    public void ReadingAnEntryMakesItTheMostRecent()
    {
        cache.Set("a", "aaaa");
        cache.Set("b", "bbbb");
        Assert.True(cache.TryGetValue("a", out _));

        cache.Set("c", "cccc");

        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
    }

    [Fact]
    public void AddingPastTheCapacityDropsAsManyEntriesAsItTakes()
    {
        cache.Set("a", "aaa");
        cache.Set("b", "bbb");
        cache.Set("c", "ccc");

        cache.Set("d", "dddddddd");

        Assert.Equal(["d"], new[] { "a", "b", "c", "d" }.Where(cache.Contains));
        Assert.Equal(8, cache.Weight);
    }

    [Fact]
    public void AValueHeavierThanTheCapacityIsNotKept()
    {
        cache.Set("a", "aaaa");

        cache.Set("huge", new string('x', 11));

        Assert.False(cache.Contains("huge"));
        Assert.True(cache.Contains("a"));
    }

    [Fact]
    public void ReplacingAnEntryCountsOnlyItsNewWeight()
    {
        cache.Set("a", "aaaa");

        cache.Set("a", "aaaaaaaa");

        Assert.Equal(1, cache.Count);
        Assert.Equal(8, cache.Weight);
        Assert.True(cache.TryGetValue("a", out var value));
        Assert.Equal("aaaaaaaa", value);
    }
}
