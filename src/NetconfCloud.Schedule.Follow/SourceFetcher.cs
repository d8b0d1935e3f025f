using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace NetconfCloud.Schedule.Follow;

/// <summary>What a fetch brought: the schedule and its validators, or that it has not changed since them.</summary>
public sealed record FetchedSource(bool NotModified, byte[] Body, string ETag, string LastModified);

/// <summary>A fetch that failed or was refused; the message is ours and short, never the source's response.</summary>
public sealed class SourceFetchException(string message) : Exception(message);

/// <summary>
/// Fetches a published schedule with a conditional GET, guarded: every name is resolved here and every address it
/// resolves to checked by <see cref="SourceAddressPolicy"/>, and the connection made to the address checked (so a
/// name that resolves differently a moment later cannot slip past); redirects are followed here (at most
/// <see cref="MaxRedirects"/>, each checked again, never from https to http); the body is capped on the bytes read
/// and the whole fetch on time. Nothing of a refused or failed response is kept or echoed.
/// </summary>
public sealed class SourceFetcher : IDisposable
{
    public const int MaxRedirects = 5;

    private readonly HttpClient http;
    private readonly SourceFollowOptions options;

    public SourceFetcher(SourceFollowOptions options)
        : this(options, null)
    {
    }

    /// <summary>Tests only: a server certificate check of their own (a test's self-signed certificate).</summary>
    internal SourceFetcher(SourceFollowOptions options, System.Net.Security.RemoteCertificateValidationCallback? certificates)
    {
        this.options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        if (certificates is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = certificates;
        }

        http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("NetconfCloud-Follow", "1.0"));
    }

    /// <summary>Whether <paramref name="url"/> may be followed at all (scheme, and an address written in it); the names are checked when fetched.</summary>
    public static string? RefusalOf(Uri url, bool allowHttpAndLoopback)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !(allowHttpAndLoopback && url.Scheme == Uri.UriSchemeHttp)))
        {
            return allowHttpAndLoopback ? "refused: only http and https URLs are fetched" : "refused: only https URLs are fetched";
        }

        if (url.UserInfo.Length > 0)
        {
            return "refused: a URL with a user name or password";
        }

        return IPAddress.TryParse(url.IdnHost, out var address) && SourceAddressPolicy.Refusal(address, allowHttpAndLoopback) is { } reason
            ? $"refused: {reason}"
            : null;
    }

    public async Task<FetchedSource> FetchAsync(Uri url, string etag, string lastModified, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.FetchTimeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                if (RefusalOf(url, options.AllowHttpAndLoopback) is { } refusal)
                {
                    throw new SourceFetchException(refusal);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (etag.Length > 0 && EntityTagHeaderValue.TryParse(etag, out var tag))
                {
                    request.Headers.IfNoneMatch.Add(tag);
                }

                if (lastModified.Length > 0 && DateTimeOffset.TryParse(lastModified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
                {
                    request.Headers.IfModifiedSince = since;
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304 && response.Headers.Location is { } location)
                {
                    if (redirects == MaxRedirects)
                    {
                        throw new SourceFetchException($"refused: more than {MaxRedirects} redirects");
                    }

                    var next = new Uri(url, location);
                    if (url.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
                    {
                        throw new SourceFetchException("refused: a redirect from https to http");
                    }

                    url = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new FetchedSource(true, [], etag, lastModified);
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new SourceFetchException($"the source answered {status}");
                }

                if (response.Content.Headers.ContentLength > options.MaxBytes)
                {
                    throw new SourceFetchException($"refused: larger than {options.MaxBytes} bytes");
                }

                var body = await ReadCappedAsync(response.Content, deadline.Token);
                return new FetchedSource(
                    false,
                    body,
                    response.Headers.ETag?.ToString() ?? "",
                    response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceFetchException($"timed out after {options.FetchTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            throw new SourceFetchException(Innermost<SourceFetchException>(ex)?.Message ?? Unreachable(ex));
        }
        catch (IOException)
        {
            throw new SourceFetchException("the source's answer broke off");
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
            {
                throw new SourceFetchException($"refused: larger than {options.MaxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Resolves the name, refuses if ANY address it resolves to is refused, and connects to a checked address.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            throw new SourceFetchException("the source's name does not resolve");
        }

        if (addresses.Length == 0)
        {
            throw new SourceFetchException("the source's name does not resolve");
        }

        foreach (var address in addresses)
        {
            if (SourceAddressPolicy.Refusal(address, options.AllowHttpAndLoopback) is { } reason)
            {
                throw new SourceFetchException($"refused: {reason}");
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new SourceFetchException($"the source does not answer ({last?.SocketErrorCode.ToString() ?? "no address"})");
    }

    private static T? Innermost<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Unreachable(HttpRequestException ex) =>
        ex.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError => "the source's TLS certificate or handshake failed",
            HttpRequestError.NameResolutionError => "the source's name does not resolve",
            HttpRequestError.ConnectionError => "the source does not answer",
            _ => "the source's answer could not be read",
        };

    public void Dispose() => http.Dispose();
}
