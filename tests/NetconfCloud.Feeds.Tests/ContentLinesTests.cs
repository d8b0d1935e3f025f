using System.Text;

namespace NetconfCloud.Feeds.Tests;

public class ContentLinesTests
{
    private static readonly string[] Pieces =
        ["a", "Z", ";", ",", " ", "\t", "\r", "\n", "\r\n", "\r\n ", "\r\n\t", "é", "中", new string('x', 70), "🐧", "\uD83D", "\uDC27"];

    /// <summary>The folding as first written (a string per character): what <see cref="ContentLines.Refold"/> must equal.</summary>
    private static string Reference(string ics)
    {
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var output = new StringBuilder();
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > ContentLines.MaxOctets)
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

    [Fact]
    public void RefoldGivesTheBytesOfTheFirstFoldingForAnyMixOfLinesFoldsAndCharacters()
    {
        var random = new Random(5545);
        for (var sample = 0; sample < 4000; sample++)
        {
            // Half without surrogates, where text already folded is given back as it is.
            var pieces = sample % 2 == 0 ? Pieces.Length : Pieces.Length - 3;
            var ics = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Pieces[random.Next(pieces)]));

            var refolded = ContentLines.Refold(ics);
            var again = ContentLines.Refold(refolded);

            Assert.Equal(Encoding.UTF8.GetBytes(Reference(ics)), Encoding.UTF8.GetBytes(refolded));
            Assert.Equal(Encoding.UTF8.GetBytes(Reference(refolded)), Encoding.UTF8.GetBytes(again));
        }
    }

    [Fact]
    public void TextAlreadyFoldedOurWayIsReturnedAsItIs()
    {
        var folded = ContentLines.Refold($"SUMMARY:{new string('é', 100)}\r\nUID:x\r\n");

        Assert.Same(folded, ContentLines.Refold(folded));
    }

    [Fact]
    public void AnEmojiSplitAcrossAFoldIsJoinedAgain()
    {
        var split = $"SUMMARY:{new string('x', 66)}\uD83D\r\n \uDC27\r\n";

        var refolded = ContentLines.Refold(split);

        Assert.Equal($"SUMMARY:{new string('x', 66)}\r\n 🐧\r\n", refolded);
    }
}
