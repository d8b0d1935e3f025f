using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NetconfCloud.Schedule;

/// <summary>A page request as AIP-158 defines it: 0 means the default size, above the maximum is lowered to it.</summary>
public sealed record PageRequest(int PageSize = 0, string PageToken = "");

public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalSize);

/// <summary>
/// Offset paging over an ordered list. The token is opaque to callers and carries the query it was issued for,
/// so a token cannot be replayed against other filters.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public static Page<T> Apply<T>(IReadOnlyList<T> ordered, PageRequest request, string query)
    {
        if (request.PageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative.");
        }

        var size = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var offset = string.IsNullOrEmpty(request.PageToken) ? 0 : ReadToken(request.PageToken, query);
        var items = ordered.Skip(offset).Take(size).ToArray();
        var next = offset + items.Length;
        var nextToken = next < ordered.Count ? WriteToken(query, next) : "";
        return new Page<T>(items, nextToken, ordered.Count);
    }

    private static string WriteToken(string query, int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{offset.ToString(CultureInfo.InvariantCulture)}|{query}"));

    private static int ReadToken(string token, string query)
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

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar < 1
            || !int.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw new InvalidArgumentException("page_token", "is not a token this service issued.");
        }

        if (!string.Equals(text[(bar + 1)..], query, StringComparison.Ordinal))
        {
            throw new InvalidArgumentException("page_token", "was issued for a different query; keep the filters of the first page.");
        }

        return offset;
    }
}
