using System.Globalization;
using System.IO.Compression;

namespace NetconfCloud.Feeds;

/// <summary>How a body travels: as it is, gzip or Brotli (RFC 9110 §8.4).</summary>
public enum ContentCoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>
/// Compression of what we serve: a big conference's page is megabytes of HTML that compress to a sixth, and an
/// attendee on conference Wi-Fi should not wait for the rest. Brotli when the client takes it, else gzip, else none
/// (by the client's <c>Accept-Encoding</c> and its q-values); bodies under 1 KiB, and types that are not text, go
/// as they are.
/// </summary>
public static class ContentCodings
{
    public const int MinimumBytes = 1024;

    public static ContentCoding Choose(string? acceptEncoding, string contentType, int length)
    {
        if (length < MinimumBytes || string.IsNullOrWhiteSpace(acceptEncoding) || !IsText(contentType))
        {
            return ContentCoding.Identity;
        }

        var accepted = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in acceptEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(';', StringSplitOptions.TrimEntries);
            var quality = fields.Skip(1).Select(f => f.Split('=', 2, StringSplitOptions.TrimEntries))
                .Where(kv => kv.Length == 2 && kv[0].Equals("q", StringComparison.OrdinalIgnoreCase))
                .Select(kv => double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : 0)
                .DefaultIfEmpty(1).First();
            accepted[fields[0]] = quality;
        }

        double Quality(string coding) => accepted.TryGetValue(coding, out var q) ? q : accepted.TryGetValue("*", out var any) ? any : 0;
        var (brotli, gzip) = (Quality("br"), Quality("gzip"));
        return brotli > 0 && brotli >= gzip ? ContentCoding.Brotli : gzip > 0 ? ContentCoding.Gzip : ContentCoding.Identity;
    }

    /// <summary>The <c>Content-Encoding</c> token, or null for the identity.</summary>
    public static string? Token(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => "br",
        ContentCoding.Gzip => "gzip",
        _ => null,
    };

    /// <summary>
    /// The body in the coding. Fastest level: a page is spliced per request (its "now and next"), so it is compressed
    /// per request too; at this level 3.4 MB of HTML takes a few milliseconds and still shrinks to about a sixth.
    /// </summary>
    public static byte[] Encode(byte[] body, ContentCoding coding)
    {
        if (coding == ContentCoding.Identity)
        {
            return body;
        }

        using var output = new MemoryStream(body.Length / 4);
        using (Stream compressor = coding == ContentCoding.Brotli
            ? new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }

    /// <summary>A representation's own strong ETag: the body's, marked with the coding (a compressed body is other bytes).</summary>
    public static string ETag(string etag, ContentCoding coding) =>
        Token(coding) is { } token && etag.EndsWith('"') ? $"{etag[..^1]}-{token}\"" : etag;

    /// <summary>The ETag of the body a representation's ETag was made from.</summary>
    public static string Unmarked(string etag)
    {
        foreach (var token in new[] { "-br\"", "-gzip\"" })
        {
            if (etag.EndsWith(token, StringComparison.Ordinal))
            {
                return etag[..^token.Length] + "\"";
            }
        }

        return etag;
    }

    private static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("image/svg+xml", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/atom+xml", StringComparison.OrdinalIgnoreCase);
}
