using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Follow.Tests;

/// <summary>An https source on 127.0.0.1 (a self-signed certificate the test trusts) that redirects to plain http.</summary>
public sealed class HttpsRedirectTests : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 certificate = SelfSigned();
    private readonly ScheduleSourceServer plain = new(Encoding.UTF8.GetBytes("<schedule/>"));
    private int requests;

    [Fact]
    public async Task ARedirectFromHttpsToHttpIsRefused()
    {
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = AnswerOnceAsync($"HTTP/1.1 302 Found\r\nLocation: {plain.Url}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var fetcher = new SourceFetcher(
            new SourceFollowOptions { AllowHttpAndLoopback = true, FetchTimeout = TimeSpan.FromSeconds(10) },
            (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString());

        var refused = await Assert.ThrowsAsync<SourceFetchException>(() => fetcher.FetchAsync(new Uri($"https://127.0.0.1:{port}/schedule.xml"), "", "", CancellationToken.None));
        await serving;

        Assert.Equal("refused: a redirect from https to http", refused.Message);
        Assert.Equal(1, requests);
        Assert.Empty(plain.Requests);
    }

    private async Task AnswerOnceAsync(string response)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(certificate);
        var buffer = new byte[4096];
        var head = new StringBuilder();
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Interlocked.Increment(ref requests);
        await tls.WriteAsync(Encoding.ASCII.GetBytes(response));
        await tls.FlushAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        certificate.Dispose();
        await plain.DisposeAsync();
    }
}
