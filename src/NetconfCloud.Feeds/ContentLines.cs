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

    /// <summary>
    /// Unfolds the lines of <paramref name="ics"/> and folds them again at <see cref="MaxOctets"/>; empty lines are
    /// dropped and every line ends with CRLF. Folding is line by line, so refolding the parts of a calendar one by one
    /// gives the text of refolding the whole.
    /// </summary>
    public static string Refold(string ics)
    {
        var output = new StringBuilder(ics.Length + (ics.Length / 64));
        var octets = 0; // on the current output line
        var copied = 0; // ics[..copied] is in the output
        var i = 0;
        while (i < ics.Length)
        {
            var c = ics[i];
            if (c == '\r' && i + 1 < ics.Length && ics[i + 1] == '\n')
            {
                output.Append(ics, copied, i - copied);
                if (i + 2 < ics.Length && ics[i + 2] is ' ' or '\t')
                {
                    i += 3; // a fold of the input: the line goes on
                }
                else
                {
                    if (octets > 0)
                    {
                        output.Append("\r\n");
                        octets = 0;
                    }

                    i += 2;
                }

                copied = i;
                continue;
            }

            var pair = char.IsHighSurrogate(c) && i + 1 < ics.Length && char.IsLowSurrogate(ics[i + 1]);
            var size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3; // a lone surrogate becomes U+FFFD, 3 octets
            if (octets + size > MaxOctets)
            {
                output.Append(ics, copied, i - copied).Append("\r\n ");
                copied = i;
                octets = 1;
            }

            octets += size;
            i += pair ? 2 : 1;
        }

        output.Append(ics, copied, i - copied);
        if (octets > 0)
        {
            output.Append("\r\n");
        }

        return output.ToString();
    }
}
