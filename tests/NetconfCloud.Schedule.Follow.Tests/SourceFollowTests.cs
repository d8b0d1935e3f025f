namespace NetconfCloud.Schedule.Follow.Tests;

/// <summary>When a followed source is due, and for which replica.</summary>
public class SourceFollowTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    private static readonly SourceFollow Follow = new("fosdem-2026", new Uri("https://fosdem.org/2026/schedule/xml"), TimeSpan.FromMinutes(10)) { NextFetchTime = Now };

    [Fact]
    public void ASourceIsDueAtItsNextFetchTimeWhenNoReplicaHoldsIt() =>
        Assert.True(Follow.IsDue(Now, "replica-a"));

    [Fact]
    public void ASourceIsNotDueBeforeItsNextFetchTime() =>
        Assert.False((Follow with { NextFetchTime = Now.AddSeconds(1) }).IsDue(Now, "replica-a"));

    [Fact]
    public void ASourceAnotherReplicaHoldsIsNotDueUntilItsLeaseEnds()
    {
        var held = Follow with { LeaseOwner = "replica-b", LeaseExpiry = Now.AddMinutes(3) };

        Assert.False(held.IsDue(Now, "replica-a"));
        Assert.True(held.IsDue(Now.AddMinutes(3), "replica-a"));
    }

    [Fact]
    public void TheReplicaThatHoldsTheLeaseMayFetchAgain() =>
        Assert.True((Follow with { LeaseOwner = "replica-a", LeaseExpiry = Now.AddMinutes(3) }).IsDue(Now, "replica-a"));

    [Theory]
    [InlineData(0, "0 seconds")]
    [InlineData(1, "1 second")]
    [InlineData(59, "59 seconds")]
    [InlineData(60, "1 minute")]
    [InlineData(180, "3 minutes")]
    [InlineData(7200, "2 hours")]
    [InlineData(-180, "3 minutes")]
    [InlineData(3 * 86400, "3 days")]
    public void ElapsedTimeIsSaidInWords(int seconds, string words) =>
        Assert.Equal(words, Elapsed.InWords(TimeSpan.FromSeconds(seconds)));
}
