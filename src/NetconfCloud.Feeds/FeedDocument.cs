using System.Globalization;
using System.Security.Cryptography;

namespace NetconfCloud.Feeds;

/// <summary>A rendered feed with what HTTP caching needs: a strong ETag from the body and the agenda's last change.</summary>
public sealed class FeedDocument
{
    public FeedDocument(byte[] body, string contentType, string fileName, DateTimeOffset lastModified, long agendaVersion)
        : this(body, contentType, fileName, lastModified, agendaVersion, TagOf(body))
    {
    }

    /// <summary>A document whose strong ETag its maker computed (e.g. from parts already hashed); it must change with the bytes.</summary>
    public FeedDocument(byte[] body, string contentType, string fileName, DateTimeOffset lastModified, long agendaVersion, string etag)
    {
        Body = body;
        ContentType = contentType;
        FileName = fileName;
        LastModified = lastModified;
        AgendaVersion = agendaVersion;
        ETag = etag;
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public string FileName { get; }

    /// <summary>Strong validator: the same bytes give the same ETag, in any instance.</summary>
    public string ETag { get; }

    /// <summary>When the agenda last changed, to the second (HTTP dates have no fractions).</summary>
    public DateTimeOffset LastModified { get; }

    public long AgendaVersion { get; }

    /// <summary>
    /// How long clients may keep it without asking again; null for the feeds' refresh interval. Pages that show the
    /// time of day (now and next) keep it short.
    /// </summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Response headers of the document's own, e.g. the security headers of a web page; none for feeds.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Only the asker's own cache may keep it (Cache-Control: private): what a personal agenda's address serves, whose
    /// address is its key, stays out of shared caches.
    /// </summary>
    public bool IsPrivate { get; init; }

    /// <summary>A strong ETag for bytes: the first 128 bits of their SHA-256, quoted.</summary>
    /// <summary>The body in a coding, compressed once per document and kept (a document is served many times).</summary>
    public byte[] Encoded(ContentCoding coding) => coding switch
    {
        ContentCoding.Brotli => brotli ??= ContentCodings.Encode(Body, coding),
        ContentCoding.Gzip => gzip ??= ContentCodings.Encode(Body, coding),
        _ => Body,
    };

    private byte[]? brotli;
    private byte[]? gzip;

    public static string TagOf(ReadOnlySpan<byte> bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16))}\"";

    public string LastModifiedHttpDate => LastModified.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a conditional GET may be answered 304 (RFC 9110 §13.1): If-None-Match wins when present (weak
    /// comparison, any of a list, or *; the tag of any coding of this body matches); otherwise If-Modified-Since
    /// against the agenda's last change.
    /// </summary>
    public bool IsNotModified(string? ifNoneMatch, string? ifModifiedSince)
    {
        if (!string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Any(tag => tag == "*" || string.Equals(ContentCodings.Unmarked(Opaque(tag)), Opaque(ETag), StringComparison.Ordinal));
        }

        return !string.IsNullOrWhiteSpace(ifModifiedSince)
            && DateTimeOffset.TryParseExact(ifModifiedSince, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && TruncateToSeconds(LastModified) <= since;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
