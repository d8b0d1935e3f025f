using System.Globalization;
using NetconfCloud.Schedule;

namespace NetconfCloud.ScheduleService;

/// <summary>The change log's page token: the last agenda version of the page, opaque to callers.</summary>
internal static class ChangeCursor
{
    private const string Prefix = "v1.";

    public static string Write(long version) => Prefix + version.ToString(CultureInfo.InvariantCulture);

    public static long Read(string token, long afterVersion)
    {
        if (token.Length == 0)
        {
            return afterVersion;
        }

        return token.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(token.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InvalidArgumentException("page_token", "is not a token this service issued.");
    }
}
