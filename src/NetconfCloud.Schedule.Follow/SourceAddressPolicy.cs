using System.Net;
using System.Net.Sockets;

namespace NetconfCloud.Schedule.Follow;

/// <summary>
/// Which addresses the service may fetch a schedule from: public unicast only. The service fetches addresses a caller
/// names, so without this a caller could make it read the cloud's metadata endpoint (169.254.169.254 hands out the
/// managed identity's tokens) or anything on the private network. Checked on every address a name resolves to.
/// </summary>
public static class SourceAddressPolicy
{
    private static readonly (IPAddress Network, int Prefix, string Reason)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "address is unspecified"),
        (IPAddress.Parse("10.0.0.0"), 8, "address is private"),
        (IPAddress.Parse("100.64.0.0"), 10, "address is shared (carrier-grade NAT)"),
        (IPAddress.Parse("127.0.0.0"), 8, "address is loopback"),
        (IPAddress.Parse("169.254.0.0"), 16, "address is link-local (cloud metadata)"),
        (IPAddress.Parse("172.16.0.0"), 12, "address is private"),
        (IPAddress.Parse("192.0.0.0"), 24, "address is reserved"),
        (IPAddress.Parse("192.0.2.0"), 24, "address is reserved"),
        (IPAddress.Parse("192.168.0.0"), 16, "address is private"),
        (IPAddress.Parse("198.18.0.0"), 15, "address is reserved"),
        (IPAddress.Parse("198.51.100.0"), 24, "address is reserved"),
        (IPAddress.Parse("203.0.113.0"), 24, "address is reserved"),
        (IPAddress.Parse("224.0.0.0"), 4, "address is multicast"),
        (IPAddress.Parse("255.255.255.255"), 32, "address is broadcast"),
        (IPAddress.Parse("240.0.0.0"), 4, "address is reserved"),
    ];

    private static readonly (IPAddress Network, int Prefix, string Reason)[] RefusedV6 =
    [
        (IPAddress.Parse("::1"), 128, "address is loopback"),
        (IPAddress.Parse("::"), 128, "address is unspecified"),
        (IPAddress.Parse("fc00::"), 7, "address is private"),
        (IPAddress.Parse("fec0::"), 10, "address is private"),
        (IPAddress.Parse("fe80::"), 10, "address is link-local"),
        (IPAddress.Parse("ff00::"), 8, "address is multicast"),
        (IPAddress.Parse("100::"), 64, "address is reserved"),
        (IPAddress.Parse("2001:db8::"), 32, "address is reserved"),
    ];

    /// <summary>
    /// Why <paramref name="address"/> may not be fetched ("address is private", ...), or null when it may. IPv6
    /// forms that carry an IPv4 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4
    /// 2002::/16) are judged by the IPv4 address they carry. With <paramref name="allowLoopback"/> (Development and
    /// tests only), loopback passes.
    /// </summary>
    public static string? Refusal(IPAddress address, bool allowLoopback = false)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && Embedded(address) is { } v4)
        {
            address = v4;
        }

        if (allowLoopback && IPAddress.IsLoopback(address))
        {
            return null;
        }

        var ranges = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusedV4,
            AddressFamily.InterNetworkV6 => RefusedV6,
            _ => null,
        };
        if (ranges is null)
        {
            return "address is not IP";
        }

        foreach (var (network, prefix, reason) in ranges)
        {
            if (InRange(address, network, prefix))
            {
                return reason;
            }
        }

        return null;
    }

    /// <summary>The IPv4 address an IPv6 address carries, when it is one of the forms that carry one.</summary>
    private static IPAddress? Embedded(IPAddress v6)
    {
        if (v6.IsIPv4MappedToIPv6)
        {
            return v6.MapToIPv4();
        }

        var bytes = v6.GetAddressBytes();
        if (InRange(v6, IPAddress.Parse("64:ff9b::"), 96) || (InRange(v6, IPAddress.IPv6Any, 96) && !bytes.AsSpan(12).SequenceEqual(new byte[] { 0, 0, 0, 0 }) && !bytes.AsSpan(12).SequenceEqual(new byte[] { 0, 0, 0, 1 })))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        if (InRange(v6, IPAddress.Parse("2002::"), 16))
        {
            return new IPAddress(bytes.AsSpan(2, 4));
        }

        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[16];
        Span<byte> n = stackalloc byte[16];
        address.TryWriteBytes(a, out var length);
        network.TryWriteBytes(n, out _);
        for (var bit = 0; bit < prefix && bit < length * 8; bit += 8)
        {
            var bits = Math.Min(8, prefix - bit);
            var mask = (byte)(0xFF << (8 - bits));
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
