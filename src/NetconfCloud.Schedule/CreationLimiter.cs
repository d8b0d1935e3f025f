using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace NetconfCloud.Schedule;

/// <summary>
/// How many personal agendas may be made, per client address and in all. The defaults: an address earns one a
/// second (60 a minute) and may save up 120, so a venue's shared NAT (hundreds of attendees behind one address, who
/// make their agendas over the first minutes of a day, not all in one second) is served, while one machine making
/// agendas in a loop gets 120 and then one a second; all addresses together earn 20 a second with a burst of 600,
/// which is eight times a FOSDEM's (8,000 attendees) whole-day need in the busiest minute, and a ceiling on storage
/// writes that a crowd of addresses cannot lift. Bound from the "CreationLimits" section.
/// </summary>
public sealed class CreationLimits
{
    public const string SectionName = "CreationLimits";

    /// <summary>Personal agendas an address earns a minute.</summary>
    [Range(1, 100_000)]
    public int PerAddressPerMinute { get; set; } = 60;

    /// <summary>Personal agendas an address may make at once (its bucket's size).</summary>
    [Range(1, 100_000)]
    public int PerAddressBurst { get; set; } = 120;

    /// <summary>Personal agendas all addresses together earn a minute.</summary>
    [Range(1, 1_000_000)]
    public int GlobalPerMinute { get; set; } = 1_200;

    /// <summary>Personal agendas all addresses together may make at once.</summary>
    [Range(1, 1_000_000)]
    public int GlobalBurst { get; set; } = 600;
}

/// <summary>Why a creation was refused: whose budget ran out and when to come back.</summary>
public sealed record CreationRefusal(string Scope, TimeSpan RetryAfter)
{
    /// <summary>The retry delay in whole seconds, at least one (what Retry-After says).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    public string Message => Scope == CreationLimiter.GlobalScope
        ? $"Too many personal agendas are being made right now; try again in {RetryAfterSeconds} s."
        : $"Too many personal agendas from your address; try again in {RetryAfterSeconds} s.";
}

/// <summary>
/// Token buckets (System.Threading.RateLimiting) for making personal agendas: one per client address, chained with
/// one for everybody. An IPv6 address counts by its /64 (one household or device holds a whole /64), an IPv4
/// address by itself. Buckets of addresses that stopped asking are dropped once full again, so memory follows the
/// addresses active in the last couple of minutes.
/// </summary>
public sealed class CreationLimiter : IDisposable
{
    public const string GlobalScope = "global";
    public const string AddressScope = "address";

    private readonly PartitionedRateLimiter<string> perAddress;
    private readonly PartitionedRateLimiter<string> global;

    public CreationLimiter(CreationLimits limits)
    {
        perAddress = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => Bucket(limits.PerAddressPerMinute, limits.PerAddressBurst)));
        global = PartitionedRateLimiter.Create<string, string>(_ =>
            RateLimitPartition.GetTokenBucketLimiter(GlobalScope, _ => Bucket(limits.GlobalPerMinute, limits.GlobalBurst)));
    }

    /// <summary>Takes one creation from <paramref name="clientAddress"/>'s budget and the global one; null when granted.</summary>
    public CreationRefusal? TryAcquire(string clientAddress)
    {
        var key = Partition(clientAddress);
        using var own = perAddress.AttemptAcquire(key);
        if (!own.IsAcquired)
        {
            return Refusal(AddressScope, own);
        }

        using var all = global.AttemptAcquire(key);
        return all.IsAcquired ? null : Refusal(GlobalScope, all);
    }

    /// <summary>The partition an address counts in: an IPv6 address's /64, an IPv4 address (or one mapped into IPv6) itself.</summary>
    public static string Partition(string clientAddress)
    {
        if (!IPAddress.TryParse(clientAddress, out var address))
        {
            return clientAddress;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    public void Dispose()
    {
        perAddress.Dispose();
        global.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(int perMinute, int burst)
    {
        // Replenish in small steps (at least a token at a time, at most ten times a second) rather than once a minute.
        var period = TimeSpan.FromMilliseconds(Math.Max(100, 60_000.0 / perMinute));
        var tokens = Math.Max(1, (int)Math.Round(perMinute * period.TotalMinutes));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static CreationRefusal Refusal(string scope, RateLimitLease lease) =>
        new(scope, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
}
