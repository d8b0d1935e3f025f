using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;

namespace NetconfCloud.Testing;

/// <summary>
/// An organiser's published schedule on 127.0.0.1 at a free port (HttpListener): serves <see cref="Body"/> with an
/// ETag of its content, answers 304 to a matching If-None-Match, and can be told to fail, to be slow, or to answer
/// in a way of the test's own. Every request is recorded.
/// </summary>
public sealed class ScheduleSourceServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private volatile byte[] body = [];

    public ScheduleSourceServer(byte[] body, string path = "/schedule.xml")
    {
        Body = body;
        var port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{port}{path}");
        serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>What is published now; its ETag changes with it.</summary>
    public byte[] Body
    {
        get => body;
        set
        {
            body = value;
            ETag = $"\"{Convert.ToHexString(SHA256.HashData(value))[..16]}\"";
        }
    }

    public string ETag { get; private set; } = "";

    /// <summary>When set, answers every request with this status and a body that must never be shown.</summary>
    public int? FailWith { get; set; }

    /// <summary>When set, waits this long before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, answers requests itself (redirects, oversize bodies, ...).</summary>
    public Func<HttpListenerContext, Task>? Answer { get; set; }

    /// <summary>Every request: when, and the If-None-Match it carried (empty when none).</summary>
    public ConcurrentQueue<(DateTimeOffset Time, string IfNoneMatch)> Requests { get; } = new();

    /// <summary>What a failing source sends: a test asserts it never reaches anyone.</summary>
    public const string SecretBody = "internal-secret-token-9f2c";

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Requests.Enqueue((DateTimeOffset.UtcNow, context.Request.Headers["If-None-Match"] ?? ""));
        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (Answer is { } answer)
            {
                await answer(context);
            }
            else if (FailWith is { } status)
            {
                context.Response.StatusCode = status;
                await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(SecretBody));
            }
            else if (context.Request.Headers["If-None-Match"] == ETag)
            {
                context.Response.StatusCode = 304;
                context.Response.Headers["ETag"] = ETag;
            }
            else
            {
                var current = body;
                context.Response.StatusCode = 200;
                context.Response.Headers["ETag"] = ETag;
                context.Response.ContentType = "application/xml";
                context.Response.ContentLength64 = current.Length;
                await context.Response.OutputStream.WriteAsync(current);
            }

            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a fetch that timed out or refused the body).
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }
}
