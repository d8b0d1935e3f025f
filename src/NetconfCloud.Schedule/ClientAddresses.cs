using System.Net;

namespace NetconfCloud.Schedule;

/// <summary>
/// Whom to believe about a caller's address. <see cref="TrustedProxies"/>: networks of the proxies in front of us
/// (a load balancer, the Functions front end, Container Apps' ingress), whose X-Forwarded-For entries are believed,
/// from the right, for as long as the hop they name is such a proxy. <see cref="Relays"/>: networks of our own
/// callers that act for end users (the feeds app calling the schedule service), whose word on the end user's
/// address (<see cref="ClientAddresses.RelayedHeader"/>) is believed. Networks are CIDR ("10.40.2.0/24") or single
/// addresses. Bound from "ClientAddresses".
/// </summary>
public sealed class ClientAddressRules
{
    public const string SectionName = "ClientAddresses";

    public List<string> TrustedProxies { get; set; } = [];

    public List<string> Relays { get; set; } = [];
}

/// <summary>The end user's address of a request, as far as <see cref="ClientAddressRules"/> lets us tell it.</summary>
public sealed class ClientAddresses
{
    /// <summary>The header (gRPC metadata) a relay names the end user's address in.</summary>
    public const string RelayedHeader = "x-netconf-client-address";

    /// <summary>What an unknown caller counts as (no peer address at all).</summary>
    public const string Unknown = "unknown";

    private readonly IPNetwork[] proxies;
    private readonly IPNetwork[] relays;

    public ClientAddresses(ClientAddressRules rules)
    {
        proxies = [.. rules.TrustedProxies.Select(Network)];
        relays = [.. rules.Relays.Select(Network)];
    }

    /// <summary>
    /// The caller's address: the peer; then, while the peer is a trusted proxy, the X-Forwarded-For entry it added
    /// (right to left); then, when that is a relay, the address it names in <see cref="RelayedHeader"/>. A header
    /// from anyone else is ignored, so a caller cannot choose its own bucket.
    /// </summary>
    public string Resolve(IPAddress? peer, IEnumerable<string?> forwardedFor, string? relayed)
    {
        if (peer is null)
        {
            return Unknown;
        }

        var address = Normal(peer);
        var hops = forwardedFor.SelectMany(h => (h ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Reverse();
        foreach (var hop in hops)
        {
            if (!In(proxies, address) || Parse(hop) is not { } before)
            {
                break;
            }

            address = before;
        }

        if (In(relays, address) && Parse(relayed) is { } endUser)
        {
            address = endUser;
        }

        return address.ToString();
    }

    /// <summary>An address as X-Forwarded-For writes it: "203.0.113.5", "203.0.113.5:443", "[2001:db8::1]:443" or "2001:db8::1".</summary>
    public static IPAddress? Parse(string? text)
    {
        var value = text?.Trim() ?? "";
        return IPAddress.TryParse(value, out var address) ? Normal(address)
            : IPEndPoint.TryParse(value, out var endPoint) ? Normal(endPoint.Address)
            : null;
    }

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool In(IPNetwork[] networks, IPAddress address) => networks.Any(n => n.Contains(address));

    private static IPNetwork Network(string text) =>
        IPNetwork.TryParse(text, out var network) ? network
        : IPAddress.TryParse(text, out var single) ? new IPNetwork(single, single.GetAddressBytes().Length * 8)
        : throw new FormatException($"'{text}' is not a network (CIDR such as 10.40.2.0/24) or an address.");
}
