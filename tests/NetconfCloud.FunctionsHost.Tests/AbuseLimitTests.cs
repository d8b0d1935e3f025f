using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>
/// Anonymous personal agendas over HTTP through the real host and worker: limited per end-user address and in all,
/// and the body limit counted on the bytes read. Callers come from different loopback addresses (127.0.0.x), as
/// different machines would; the host says whom it saw in X-Forwarded-For, as Azure's front end does.
/// </summary>
public class AbuseLimitTests(ScheduleFixture schedule) : IClassFixture<ScheduleFixture>
{
    private const string Picks = """{"sessionIds": ["bpf-updates"]}""";

    private async Task<WebApplication> HostAsync(int perAddressBurst, int globalBurst = 1000) =>
        await FeedsHostFixture.StartHostAsync(schedule.Server.Address, settings: new Dictionary<string, string>
        {
            ["CreationLimits__PerAddressBurst"] = perAddressBurst.ToString(CultureInfo.InvariantCulture),
            ["CreationLimits__PerAddressPerMinute"] = "1",
            ["CreationLimits__GlobalBurst"] = globalBurst.ToString(CultureInfo.InvariantCulture),
            ["CreationLimits__GlobalPerMinute"] = "1",
        });

    /// <summary>A client whose connections leave from <paramref name="from"/> (any 127.0.0.x is this machine).</summary>
    private static HttpClient ClientFrom(WebApplication host, string from) =>
        new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        {
            BaseAddress = LocalFunctionsHost.HttpAddress(host),
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static Task<HttpResponseMessage> CreateAsync(HttpClient http) =>
        http.PostAsync("/api/netconf-2015/my", new StringContent(Picks, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task BeyondItsBurstAnAddressGets429WithRetryAfterAndAnotherAddressIsStillServed()
    {
        await using var host = await HostAsync(perAddressBurst: 2);
        using var crowd = ClientFrom(host, "127.0.0.2");
        using var other = ClientFrom(host, "127.0.0.3");
        for (var i = 0; i < 2; i++)
        {
            using var created = await CreateAsync(crowd);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var refused = await CreateAsync(crowd);
        using var served = await CreateAsync(other);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("no-store", refused.Headers.CacheControl?.ToString());
        Assert.Contains("your address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, served.StatusCode);
    }

    [Fact]
    public async Task TheGlobalCeilingHoldsAcrossAddresses()
    {
        await using var host = await HostAsync(perAddressBurst: 10, globalBurst: 3);
        for (var i = 10; i < 13; i++)
        {
            using var http = ClientFrom(host, $"127.0.0.{i}");
            using var created = await CreateAsync(http);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var late = ClientFrom(host, "127.0.0.13");
        using var refused = await CreateAsync(late);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains("right now", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConferencePagesFormGetsAnErrorPageWhenRefused()
    {
        await using var host = await HostAsync(perAddressBurst: 1);
        using var browser = ClientFrom(host, "127.0.0.20");
        using var form = new FormUrlEncodedContent([new("session", "bpf-updates")]);
        using var first = await browser.PostAsync("/api/netconf-2015/my", form);

        using var refused = await browser.PostAsync("/api/netconf-2015/my", new FormUrlEncodedContent([new("session", "bpf-updates")]));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var page = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Too many personal agendas", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("your address", page.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkedBodyOfAMegabyteIsRefusedWith413WithoutAContentLengthToGoBy()
    {
        await using var host = await HostAsync(perAddressBurst: 100);
        using var http = ClientFrom(host, "127.0.0.30");
        var megabyte = Encoding.UTF8.GetBytes("{\"sessionIds\": [\"" + new string('a', 1024 * 1024) + "\"]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/netconf-2015/my")
        {
            Content = new StreamContent(new MemoryStream(megabyte)),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("64 KiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkedBodyBeyondWhatTheHostItselfAcceptsIs413NotAnUnavailableWorker()
    {
        await using var host = await HostAsync(perAddressBurst: 100);
        using var http = ClientFrom(host, "127.0.0.31");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/netconf-2015/my")
        {
            Content = new StreamContent(new MemoryStream(new byte[31 * 1024 * 1024])),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
