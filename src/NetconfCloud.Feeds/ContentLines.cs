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
    public static string Refold(string ics) => IsFolded(ics) ? ics : Fold(ics);

    /// <summary>
    /// Whether <see cref="Fold"/> would give the text back as it is: every line ends with CRLF, none is empty, none
    /// is longer than <see cref="MaxOctets"/>, each continuation starts with a space where the next character did not
    /// fit, and there are no surrogates (a pair may have been split by the serializer) nor a CR or LF alone. What
    /// Ical.Net writes without emoji is, and then costs a scan instead of two copies.
    /// </summary>
    private static bool IsFolded(string ics)
    {
        if (ics.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            return false;
        }

        var octets = 0;
        for (var i = 0; i < ics.Length; i++)
        {
            if (ics[i] is '\r' or '\n')
            {
                if (ics[i] == '\n' || i + 1 == ics.Length || ics[i + 1] != '\n' || octets == 0)
                {
                    return false;
                }

                if (i + 2 < ics.Length && ics[i + 2] is ' ' or '\t')
                {
                    var continued = ics[i + 2] == ' ' && i + 3 < ics.Length && ics[i + 3] is not ('\r' or '\n');
                    if (!continued || octets + Octets(ics[i + 3]) <= MaxOctets)
                    {
                        return false;
                    }

                    octets = 1;
                    i += 2;
                    continue;
                }

                octets = 0;
                i += 1;
                continue;
            }

            octets += Octets(ics[i]);
            if (octets > MaxOctets)
            {
                return false;
            }
        }

        return octets == 0;
    }

    private static int Octets(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;

    private static string Fold(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var output = new StringBuilder(unfolded.Length + (unfolded.Length / 64));
        foreach (var range in unfolded.AsSpan().Split("\r\n"))
        {
            var line = unfolded.AsSpan(range);
            if (line.IsEmpty)
            {
                continue;
            }

            var octets = 0;
            var copied = 0; // line[..copied] is in the output
            for (var i = 0; i < line.Length;)
            {
                var pair = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]);
                var size = pair ? 4 : Octets(line[i]); // a lone surrogate becomes U+FFFD, 3 octets
                if (octets + size > MaxOctets)
                {
                    output.Append(line[copied..i]).Append("\r\n ");
                    copied = i;
                    octets = 1;
                }

                octets += size;
                i += pair ? 2 : 1;
            }

            output.Append(line[copied..]).Append("\r\n");
        }

        return output.ToString();
    }
}
