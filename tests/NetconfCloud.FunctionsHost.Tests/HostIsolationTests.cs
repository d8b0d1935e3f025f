using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Testing;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>
/// What a caller of the public HTTP port cannot reach or forge: the worker's event stream, the invocation id that
/// ties a forwarded request to its invocation, and the worker id the worker proves itself with.
/// They are about our host: with FEEDS_BASE_URL set (another host under test) they have nothing to check.
/// </summary>
[Collection(FeedsHostCollection.Name)]
public class HostIsolationTests(FeedsHostFixture fixture)
{
    private const string WorkerProtocolPath = "/AzureFunctionsRpcMessages.FunctionRpc/EventStream";

    [Fact]
    public async Task ASpoofedInvocationIdIsReplacedAndTheRequestIsAnsweredNormally()
    {
        if (!fixture.IsLocalHost)
        {
            return;
        }

        var logs = new CapturingLoggerProvider();
        await using var host = await FeedsHostFixture.StartHostAsync(fixture.ScheduleAddress!, logs: logs);
        using var http = new HttpClient { BaseAddress = LocalFunctionsHost.HttpAddress(host), Timeout = TimeSpan.FromSeconds(30) };

        // The same forged id twice, at once: each must still be its own invocation.
        var stopwatch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/netconf-2015/days/2015-02-12.ics");
            request.Headers.TryAddWithoutValidation("x-ms-invocation-id", "spoofed-invocation");
            using var response = await http.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(), Echoed: response.Headers.Contains("x-ms-invocation-id"));
        }));

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("BEGIN:VEVENT", r.Body, StringComparison.Ordinal);
            Assert.False(r.Echoed);
        });
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"answering took {stopwatch.Elapsed}");
        Assert.DoesNotContain(logs.Lines, line => line.Contains("spoofed-invocation", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line =>
            (line.StartsWith("Warning ", StringComparison.Ordinal) || line.StartsWith("Error ", StringComparison.Ordinal))
            && (line.Contains(" Worker: ", StringComparison.Ordinal) || line.Contains(" NetconfCloud.", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APublicRequestForTheWorkerProtocolIsNotFoundWhateverItsHostHeader(bool http2)
    {
        if (!fixture.IsLocalHost)
        {
            return;
        }

        var host = fixture.Host!;
        var grpcPort = host.Services.GetRequiredService<WorkerProtocolServer>().Port;
        using var client = new HttpClient { BaseAddress = LocalFunctionsHost.HttpAddress(host) };
        using var request = new HttpRequestMessage(HttpMethod.Post, WorkerProtocolPath)
        {
            Content = new ByteArrayContent(new byte[5]) { Headers = { { "Content-Type", "application/grpc" } } },
            Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Host = $"127.0.0.1:{grpcPort}";
        request.Headers.TryAddWithoutValidation("TE", "trailers");

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException) when (http2)
        {
            // The public port speaks HTTP/1.1 in cleartext; an HTTP/2 prior-knowledge call cannot even start.
            return;
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.False(response.Headers.Contains("grpc-status") || response.TrailingHeaders.Contains("grpc-status"));
        }
    }

    [Fact]
    public async Task TheWorkerProtocolListensOnLoopbackOnlyOnAPortOfItsOwn()
    {
        if (!fixture.IsLocalHost)
        {
            return;
        }

        var host = fixture.Host!;
        var grpc = host.Services.GetRequiredService<WorkerProtocolServer>();
        var publicAddress = LocalFunctionsHost.HttpAddress(host);

        Assert.NotEqual(publicAddress.Port, grpc.Port);
        Assert.Equal("127.0.0.1", grpc.Uri.Host);
        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, grpc.Port);
        Assert.True(probe.Connected);
    }

    [Fact]
    public async Task TheWorkerIdIsNotOnTheWorkersCommandLineAndTheWorkerStillConnects()
    {
        if (!fixture.IsLocalHost)
        {
            return;
        }

        var host = fixture.Host!;
        var worker = host.Services.GetRequiredService<WorkerProcess>();
        var workerId = host.Services.GetRequiredService<WorkerChannels>().Current.WorkerId;

        var commandLine = Encoding.UTF8.GetString(await File.ReadAllBytesAsync($"/proc/{worker.Id}/cmdline")).Split('\0');

        Assert.True(LocalFunctionsHost.WhenReady(host).IsCompletedSuccessfully);
        Assert.Contains(commandLine, arg => arg.EndsWith(".dll", StringComparison.Ordinal));
        Assert.DoesNotContain(commandLine, arg => arg.Contains(workerId, StringComparison.Ordinal));
        Assert.DoesNotContain("--functions-worker-id", commandLine);
    }
}
