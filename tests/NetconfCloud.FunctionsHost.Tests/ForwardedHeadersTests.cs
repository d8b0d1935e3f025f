using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace NetconfCloud.FunctionsHost.Tests;

/// <summary>The headers the worker believes from its host are set by the host, whatever the caller sent.</summary>
public class ForwardedHeadersTests
{
    private static async Task<HttpRequestMessage> ForwardAsync(Action<HttpContext> caller)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1:7071");
        context.Request.Path = "/api/netconf-2015/calendar.ics";
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        caller(context);
        var forwarded = new HttpRequestMessage();
        var transformer = new HttpInvoker.InvocationTransformer("our-invocation", new TaskCompletionSource<StreamingMessage>().Task);

        await transformer.TransformRequestAsync(context, forwarded, "http://127.0.0.1:5555/", CancellationToken.None);

        return forwarded;
    }

    [Fact]
    public async Task ACallersInvocationIdNeverReachesTheWorker()
    {
        using var forwarded = await ForwardAsync(c => c.Request.Headers["x-ms-invocation-id"] = "spoofed");

        Assert.Equal(["our-invocation"], forwarded.Headers.GetValues("x-ms-invocation-id"));
    }

    [Fact]
    public async Task ForwardedHeadersSayWhatTheHostSawNotWhatTheCallerClaims()
    {
        using var forwarded = await ForwardAsync(c =>
        {
            c.Request.Headers["X-Forwarded-For"] = "10.0.0.1";
            c.Request.Headers["X-Forwarded-Host"] = "admin.example.test";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-Prefix"] = "/elsewhere";
        });

        Assert.Equal(["192.0.2.7"], forwarded.Headers.GetValues("X-Forwarded-For"));
        Assert.Equal(["127.0.0.1:7071"], forwarded.Headers.GetValues("X-Forwarded-Host"));
        Assert.Equal(["http"], forwarded.Headers.GetValues("X-Forwarded-Proto"));
        Assert.False(forwarded.Headers.Contains("X-Forwarded-Prefix"));
    }
}
