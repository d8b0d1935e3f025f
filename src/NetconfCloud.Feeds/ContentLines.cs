using System.Text;

namespace NetconfCloud.Feeds;

/// <summary>
/// RFC 5545 §3.1 line folding: content lines of at most 75 octets, continued on lines that start with a space,
/// never splitting a UTF-8 character. (The serializer we use can split a UTF-16 surrogate pair between two lines,
/// which turns an emoji into two replacement characters in every calendar app; so we fold ourselves.)
/// </summary>
public static class ContentLines
{
    public const int MaxOctets = 75;

    public static string Refold(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var output = new StringBuilder(ics.Length + (ics.Length / 64));
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > MaxOctets)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }

                output.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            output.Append("\r\n");
        }

        return output.ToString();
    }
}
