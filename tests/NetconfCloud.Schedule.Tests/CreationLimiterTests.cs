using System.Net;

namespace NetconfCloud.Schedule.Tests;

public class CreationLimiterTests
{
    private static CreationLimiter Limiter(int perAddressBurst = 120, int globalBurst = 600) =>
        new(new CreationLimits { PerAddressBurst = perAddressBurst, PerAddressPerMinute = 1, GlobalBurst = globalBurst, GlobalPerMinute = 1 });

    [Fact]
    public void AnAddressGetsItsBurstAndThenARefusalWithWhenToComeBack()
    {
        using var limiter = Limiter(perAddressBurst: 3);

        var granted = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire("203.0.113.7")).ToList();
        var refused = limiter.TryAcquire("203.0.113.7");

        Assert.All(granted, Assert.Null);
        Assert.NotNull(refused);
        Assert.Equal(CreationLimiter.AddressScope, refused.Scope);
        Assert.True(refused.RetryAfter > TimeSpan.Zero, $"retry after {refused.RetryAfter}");
        Assert.Contains("your address", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherAddressIsServedWhenOneIsRefused()
    {
        using var limiter = Limiter(perAddressBurst: 1);
        limiter.TryAcquire("203.0.113.7");

        Assert.NotNull(limiter.TryAcquire("203.0.113.7"));
        Assert.Null(limiter.TryAcquire("203.0.113.8"));
    }

    [Fact]
    public void TheGlobalCeilingHoldsWhateverTheAddresses()
    {
        using var limiter = Limiter(perAddressBurst: 10, globalBurst: 4);

        var granted = Enumerable.Range(1, 4).Select(i => limiter.TryAcquire($"198.51.100.{i}")).ToList();
        var refused = limiter.TryAcquire("198.51.100.5");

        Assert.All(granted, Assert.Null);
        Assert.Equal(CreationLimiter.GlobalScope, refused?.Scope);
        Assert.Contains("right now", refused?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAddressRefusedByItsOwnBudgetSpendsNothingOfTheGlobalOne()
    {
        using var limiter = Limiter(perAddressBurst: 1, globalBurst: 2);
        limiter.TryAcquire("203.0.113.7");

        for (var i = 0; i < 10; i++)
        {
            limiter.TryAcquire("203.0.113.7");
        }

        Assert.Null(limiter.TryAcquire("203.0.113.8"));
    }

    [Fact]
    public void AnIpv6AddressCountsByItsSlash64()
    {
        using var limiter = Limiter(perAddressBurst: 1);
        limiter.TryAcquire("2001:db8:1:2::1");

        Assert.NotNull(limiter.TryAcquire("2001:db8:1:2:ffff::9"));
        Assert.Null(limiter.TryAcquire("2001:db8:1:3::1"));
    }

    [Fact]
    public void TheDefaultsServeAVenueBehindOneAddressWithAHundredAndTwentyAtOnce()
    {
        using var limiter = new CreationLimiter(new CreationLimits());

        var granted = Enumerable.Range(0, 120).Count(_ => limiter.TryAcquire("192.0.2.1") is null);

        Assert.Equal(120, granted);
        Assert.NotNull(limiter.TryAcquire("192.0.2.1"));
    }
}

public class ClientAddressesTests
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;

    [Fact]
    public void ACallersOwnForwardedForIsIgnoredWhenItsPeerIsNoTrustedProxy()
    {
        var addresses = new ClientAddresses(new ClientAddressRules());

        Assert.Equal("198.51.100.9", addresses.Resolve(IPAddress.Parse("198.51.100.9"), ["203.0.113.1"], "203.0.113.2"));
    }

    [Fact]
    public void ATrustedProxysForwardedForIsBelievedFromTheRightUpToTheFirstUntrustedHop()
    {
        var addresses = new ClientAddresses(new ClientAddressRules { TrustedProxies = ["127.0.0.1", "10.0.0.0/8"] });

        var resolved = addresses.Resolve(Loopback, ["203.0.113.66, 198.51.100.9:51234", "10.1.2.3"], relayed: null);

        Assert.Equal("198.51.100.9", resolved);
    }

    [Fact]
    public void ARelaysEndUserAddressIsBelievedFromARelayOnly()
    {
        var addresses = new ClientAddresses(new ClientAddressRules { Relays = ["10.40.2.0/24"] });

        Assert.Equal("203.0.113.5", addresses.Resolve(IPAddress.Parse("10.40.2.17"), [], "203.0.113.5"));
        Assert.Equal("10.40.3.17", addresses.Resolve(IPAddress.Parse("10.40.3.17"), [], "203.0.113.5"));
    }

    [Fact]
    public void ARelayThatNamesNoAddressCountsAsItself()
    {
        var addresses = new ClientAddresses(new ClientAddressRules { Relays = ["127.0.0.1"] });

        Assert.Equal("127.0.0.1", addresses.Resolve(Loopback, [], "not an address"));
    }

    [Fact]
    public void ANetworkThatIsNotOneIsRefusedNamingIt()
    {
        var error = Assert.Throws<FormatException>(() => new ClientAddresses(new ClientAddressRules { Relays = ["10.40.2.0/99"] }));

        Assert.Contains("10.40.2.0/99", error.Message, StringComparison.Ordinal);
    }
}
