using System.Net;
using System.Text;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Follow.Tests;

/// <summary>The fetcher against a real HTTP server on 127.0.0.1: what it fetches, and each refusal.</summary>
public sealed class SourceFetcherTests : IAsyncDisposable
{
    private static readonly byte[] Schedule = Encoding.UTF8.GetBytes("<schedule><conference><title>T</title></conference></schedule>");

    private readonly ScheduleSourceServer source = new(Schedule);

    private static SourceFetcher Fetcher(bool allowLoopback = true, long maxBytes = 1024 * 1024, double timeoutSeconds = 10) =>
        new(new SourceFollowOptions { AllowHttpAndLoopback = allowLoopback, MaxBytes = maxBytes, FetchTimeout = TimeSpan.FromSeconds(timeoutSeconds) });

    [Fact]
    public async Task FetchesTheScheduleWithItsETag()
    {
        using var fetcher = Fetcher();

        var fetched = await fetcher.FetchAsync(source.Url, "", "", CancellationToken.None);

        Assert.False(fetched.NotModified);
        Assert.Equal(Schedule, fetched.Body);
        Assert.Equal(source.ETag, fetched.ETag);
    }

    [Fact]
    public async Task SendsTheETagAsIfNoneMatchAndReportsNotModified()
    {
        using var fetcher = Fetcher();

        var fetched = await fetcher.FetchAsync(source.Url, source.ETag, "", CancellationToken.None);

        Assert.True(fetched.NotModified);
        Assert.Equal(source.ETag, Assert.Single(source.Requests).IfNoneMatch);
    }

    [Fact]
    public async Task ANameThatResolvesToLoopbackIsRefusedWithoutTheAllowance()
    {
        using var fetcher = Fetcher(allowLoopback: false);
        var byName = new Uri($"https://localhost:{source.Url.Port}/schedule.xml");

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(byName, "", "", CancellationToken.None));

        Assert.Equal("refused: address is loopback", refused.Message);
        Assert.Empty(source.Requests);
    }

    [Fact]
    public async Task AnHttpUrlIsRefusedWithoutTheAllowance()
    {
        using var fetcher = Fetcher(allowLoopback: false);

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal("refused: only https URLs are fetched", refused.Message);
        Assert.Empty(source.Requests);
    }

    [Theory]
    [InlineData("http://10.1.2.3/schedule.xml", "refused: address is private")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/", "refused: address is link-local (cloud metadata)")]
    [InlineData("http://[::ffff:192.168.1.1]/", "refused: address is private")]
    [InlineData("file:///etc/passwd", "refused: only http and https URLs are fetched")]
    public async Task ARedirectToARefusedAddressIsRefused(string target, string reason)
    {
        source.Answer = context => Redirect(context, target);
        using var fetcher = Fetcher();

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal(reason, refused.Message);
    }

    [Fact]
    public async Task MoreThanFiveRedirectsAreRefused()
    {
        source.Answer = context => Redirect(context, source.Url.AbsoluteUri);
        using var fetcher = Fetcher();

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal("refused: more than 5 redirects", refused.Message);
        Assert.Equal(SourceFetcher.MaxRedirects + 1, source.Requests.Count);
    }

    [Fact]
    public async Task AnOversizeBodyIsRefusedOnTheBytesReadWithoutALength()
    {
        source.Answer = async context =>
        {
            context.Response.SendChunked = true;
            var block = new byte[64 * 1024];
            for (var i = 0; i < 40; i++)
            {
                await context.Response.OutputStream.WriteAsync(block);
            }

            context.Response.Close();
        };
        using var fetcher = Fetcher(maxBytes: 1024 * 1024);

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal("refused: larger than 1048576 bytes", refused.Message);
    }

    [Fact]
    public async Task AnOversizeBodyIsRefusedByItsContentLength()
    {
        source.Body = new byte[2 * 1024 * 1024];
        using var fetcher = Fetcher(maxBytes: 1024 * 1024);

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal("refused: larger than 1048576 bytes", refused.Message);
    }

    [Fact]
    public async Task ASlowSourceTimesOut()
    {
        source.Delay = TimeSpan.FromSeconds(10);
        using var fetcher = Fetcher(timeoutSeconds: 1);

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal("timed out after 1 s", refused.Message);
    }

    [Fact]
    public async Task AFailingSourceIsReportedByItsStatusAndNothingOfItsBody()
    {
        source.FailWith = 500;
        using var fetcher = Fetcher();

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(source.Url, "", "", CancellationToken.None));

        Assert.Equal("the source answered 500", refused.Message);
        Assert.DoesNotContain(ScheduleSourceServer.SecretBody, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APortThatDoesNotAnswerIsReported()
    {
        using var fetcher = Fetcher();

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), "", "", CancellationToken.None));

        Assert.StartsWith("the source does not answer", refused.Message, StringComparison.Ordinal);
    }

    private static Task Redirect(HttpListenerContext context, string target)
    {
        context.Response.StatusCode = 302;
        context.Response.RedirectLocation = target;
        context.Response.Close();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
