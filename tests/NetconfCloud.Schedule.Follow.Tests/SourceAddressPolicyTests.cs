using System.Net;

namespace NetconfCloud.Schedule.Follow.Tests;

public class SourceAddressPolicyTests
{
    public static TheoryData<string, string> RefusedAddresses => new()
    {
        { "0.0.0.0", "address is unspecified" },
        { "0.1.2.3", "address is unspecified" },
        { "10.0.0.1", "address is private" },
        { "10.255.255.255", "address is private" },
        { "100.64.0.1", "address is shared (carrier-grade NAT)" },
        { "100.127.255.254", "address is shared (carrier-grade NAT)" },
        { "127.0.0.1", "address is loopback" },
        { "127.255.0.9", "address is loopback" },
        { "169.254.169.254", "address is link-local (cloud metadata)" },
        { "169.254.0.1", "address is link-local (cloud metadata)" },
        { "172.16.0.1", "address is private" },
        { "172.31.255.254", "address is private" },
        { "192.168.1.1", "address is private" },
        { "192.0.0.8", "address is reserved" },
        { "198.18.0.1", "address is reserved" },
        { "224.0.0.1", "address is multicast" },
        { "239.255.255.250", "address is multicast" },
        { "240.0.0.1", "address is reserved" },
        { "255.255.255.255", "address is broadcast" },
        { "::1", "address is loopback" },
        { "::", "address is unspecified" },
        { "fc00::1", "address is private" },
        { "fd12:3456:789a::1", "address is private" },
        { "fe80::1", "address is link-local" },
        { "febf::1", "address is link-local" },
        { "ff02::1", "address is multicast" },
        { "2001:db8::1", "address is reserved" },
        // IPv6 forms that carry an IPv4 address are judged by it.
        { "::ffff:127.0.0.1", "address is loopback" },
        { "::ffff:10.1.2.3", "address is private" },
        { "::ffff:169.254.169.254", "address is link-local (cloud metadata)" },
        { "::ffff:192.168.0.1", "address is private" },
        { "::ffff:100.64.0.1", "address is shared (carrier-grade NAT)" },
        { "::ffff:0.0.0.0", "address is unspecified" },
        { "::169.254.169.254", "address is link-local (cloud metadata)" },
        { "64:ff9b::a9fe:a9fe", "address is link-local (cloud metadata)" },
        { "64:ff9b::10.0.0.1", "address is private" },
        { "2002:a9fe:a9fe::1", "address is link-local (cloud metadata)" },
        { "2002:7f00:1::", "address is loopback" },
    };

    [Theory]
    [MemberData(nameof(RefusedAddresses))]
    public void RefusesEveryAddressThatIsNotPublic(string address, string reason)
    {
        var refusal = SourceAddressPolicy.Refusal(IPAddress.Parse(address));

        Assert.Equal(reason, refusal);
    }

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void AllowsPublicAddresses(string address)
    {
        var refusal = SourceAddressPolicy.Refusal(IPAddress.Parse(address));

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void TheDevelopmentAllowanceLetsLoopbackThrough(string address)
    {
        var refusal = SourceAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true);

        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("fe80::1")]
    public void TheDevelopmentAllowanceStillRefusesPrivateAndLinkLocal(string address)
    {
        var refusal = SourceAddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true);

        Assert.NotNull(refusal);
    }

    [Theory]
    [InlineData("http://example.org/schedule.xml", "refused: only https URLs are fetched")]
    [InlineData("ftp://example.org/schedule.xml", "refused: only https URLs are fetched")]
    [InlineData("file:///etc/passwd", "refused: only https URLs are fetched")]
    [InlineData("https://user:pw@example.org/schedule.xml", "refused: a URL with a user name or password")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "refused: address is link-local (cloud metadata)")]
    [InlineData("https://[::ffff:a9fe:a9fe]/metadata/identity/oauth2/token", "refused: address is link-local (cloud metadata)")]
    [InlineData("https://10.0.0.5/schedule.xml", "refused: address is private")]
    public void AUrlIsRefusedForItsSchemeOrTheAddressWrittenInIt(string url, string reason)
    {
        var refusal = SourceFetcher.RefusalOf(new Uri(url), allowHttpAndLoopback: false);

        Assert.Equal(reason, refusal);
    }
}
