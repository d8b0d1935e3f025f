using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NetconfCloud.Schedule;

/// <summary>A page request as AIP-158 defines it: 0 means the default size, above the maximum is lowered to it.</summary>
public sealed record PageRequest(int PageSize = 0, string PageToken = "");

public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalSize);

/// <summary>
/// Offset paging over an ordered list. The token is opaque to callers and carries the query it was issued for,
/// so a token cannot be replayed against other filters, and the agenda version it was issued at, so that the next
/// page is read from that same version (<see cref="AgendaService.LoadForPageAsync"/>).
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public static Page<T> Apply<T>(IReadOnlyList<T> ordered, PageRequest request, string query, long version = 0)
    {
        if (request.PageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative.");
        }

        var size = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var offset = string.IsNullOrEmpty(request.PageToken) ? 0 : ReadToken(request.PageToken, query).Offset;
        var items = ordered.Skip(offset).Take(size).ToArray();
        var next = offset + items.Length;
        var nextToken = next < ordered.Count ? WriteToken(query, next, version) : "";
        return new Page<T>(items, nextToken, ordered.Count);
    }

    /// <summary>The agenda version a page token was issued at; null for a first page (or a token that names none).</summary>
    public static long? VersionOf(string pageToken) =>
        string.IsNullOrEmpty(pageToken) ? null : Decode(pageToken).Version is var version and > 0 ? version : null;

    private static string WriteToken(string query, int offset, long version) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}|{version}|{query}")));

    private static (int Offset, long Version) ReadToken(string token, string query)
    {
        var (offset, version, issuedFor) = Decode(token);
        if (!string.Equals(issuedFor, query, StringComparison.Ordinal))
        {
            throw new InvalidArgumentException("page_token", "was issued for a different query; keep the filters of the first page.");
        }

        return (offset, version);
    }

    private static (int Offset, long Version, string Query) Decode(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued.");
        }

        var parts = text.Split('|', 3);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued.");
        }

        return (offset, version, parts[2]);
    }
}
