using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NetconfCloud.Deployment.Tests;

/// <summary>
/// An HTTP proxy on 127.0.0.1 that forwards nothing and records what it was asked for. Given to the apps as
/// HTTP_PROXY/HTTPS_PROXY (loopback excepted), it shows any call they try to make off this machine (Entra ID
/// metadata, telemetry, managed identity) and makes it fail at once instead of leaving.
/// </summary>
internal sealed class EgressTrap : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<string> attempts = new();
    private readonly Task accepting;

    public EgressTrap()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");

    /// <summary>The first request line of every attempt, e.g. "CONNECT login.microsoftonline.com:443 HTTP/1.1".</summary>
    public IReadOnlyCollection<string> Attempts => attempts;

    /// <summary>The proxy settings to add to an app's environment.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["HTTP_PROXY"] = Address.ToString(),
        ["HTTPS_PROXY"] = Address.ToString(),
        ["NO_PROXY"] = "127.0.0.1,localhost",
    };

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    using var reader = new StreamReader(client.GetStream());
                    var line = await reader.ReadLineAsync(stop.Token).AsTask().WaitAsync(TimeSpan.FromSeconds(2), stop.Token);
                    attempts.Enqueue(line ?? "(nothing)");
                }
                catch (Exception ex) when (ex is IOException or TimeoutException or OperationCanceledException)
                {
                    attempts.Enqueue($"(a connection: {ex.GetType().Name})");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
