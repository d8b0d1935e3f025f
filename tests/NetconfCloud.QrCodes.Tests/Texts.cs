using System.Text;

namespace NetconfCloud.QrCodes.Tests;

/// <summary>Texts the tests encode.</summary>
internal static class Texts
{
    public const string PersonalFeedHttps = "https://feeds.example.org/api/netconf-2015/my/abcdefghijklmnopqrstuvwxyz/calendar.ics";
    public const string PersonalFeedWebcal = "webcal://feeds.example.org/api/netconf-2015/my/k3q9x2m7w4v8z1p6r5t0y3u2i9o8e7a6/calendar.ics?tz=America%2FToronto";
    public const string NonAscii = "Netconf 2015 — my agenda, Jesper Dangaard Brouer, Jiří Pírko";

    /// <summary>
    /// <paramref name="length"/> printable ASCII characters that vary like real data (a fixed pseudo-random sequence),
    /// so that no symbol is an unusually regular pattern.
    /// </summary>
    public static string OfLength(int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%";
        var random = new Random(length);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
