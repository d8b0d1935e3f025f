using System.Text;

namespace NetconfCloud.QrCodes.Tests;

/// <summary>The mask patterns and the penalty rules that choose between them.</summary>
public sealed class MaskTests
{
    public static TheoryData<string> Samples => [Texts.PersonalFeedHttps, Texts.PersonalFeedWebcal, Texts.NonAscii, Texts.OfLength(5), Texts.OfLength(400)];

    [Theory]
    [MemberData(nameof(Samples))]
    public void TheChosenMaskHasTheLeastPenalty(string text)
    {
        var chosen = QrCode.Encode(text);
        var data = Encoding.UTF8.GetBytes(text);

        for (var mask = 0; mask < 8; mask++)
        {
            var forced = QrCode.Encode(data, chosen.ErrorCorrection, boostErrorCorrection: false, mask);
            Assert.Equal(mask, forced.Mask);
            Assert.True(forced.Penalty >= chosen.Penalty, $"mask {mask} scores {forced.Penalty}, below the chosen mask {chosen.Mask} at {chosen.Penalty}");
        }
    }

    [Fact]
    public void MasksOnlyTouchDataModules()
    {
        var data = Encoding.UTF8.GetBytes(Texts.PersonalFeedHttps);
        var first = QrCode.Encode(data, QrErrorCorrection.Medium, boostErrorCorrection: false, mask: 0);
        var second = QrCode.Encode(data, QrErrorCorrection.Medium, boostErrorCorrection: false, mask: 5);
        var formatModules = Enumerable.Range(0, 15).SelectMany(bit => new[] { FormatArea.FirstCopy(bit), FormatArea.SecondCopy(bit, first.Size) }).ToHashSet();

        for (var y = 0; y < first.Size; y++)
        {
            for (var x = 0; x < first.Size; x++)
            {
                if (first.IsFunction(x, y) && !formatModules.Contains((x, y)))
                {
                    Assert.Equal(first[x, y], second[x, y]);
                }
            }
        }
    }

    [Theory]
    [InlineData(0, 0, 0, true)]
    [InlineData(0, 0, 1, false)]
    [InlineData(1, 2, 1, true)]
    [InlineData(2, 5, 3, true)]
    [InlineData(3, 1, 2, true)]
    [InlineData(4, 2, 0, false)]
    [InlineData(5, 3, 5, false)]
    [InlineData(6, 2, 3, true)]
    [InlineData(7, 1, 3, true)]
    public void MaskConditionsFollowTheStandardsFormulas(int mask, int row, int column, bool inverted) =>
        Assert.Equal(inverted, MaskPattern.Inverts(mask, row, column));

    [Fact]
    public void RunsOfFiveOrMoreScoreThreePlusOnePerExtraModule()
    {
        // One dark row in an otherwise light 7×7: each row is one run of 7 (3 + 2); each column is a dark module then
        // a light run of 6 (3 + 1).
        var matrix = MatrixFromRows("1111111", "0000000", "0000000", "0000000", "0000000", "0000000", "0000000");

        Assert.Equal((3 + 2) + (6 * (3 + 2)) + (7 * (3 + 1)), MaskPenalty.AdjacentRuns(matrix));
    }

    [Fact]
    public void EachTwoByTwoBlockOfOneColourScoresThree()
    {
        var matrix = MatrixFromRows("110", "110", "001");

        Assert.Equal(3, MaskPenalty.SameColourBlocks(matrix));
    }

    [Fact]
    public void AFinderLikePatternWithLightOnBothSidesScoresTwice()
    {
        // Row 5 reads 00 1011101 000000; outside the symbol is light, so four light modules precede and follow it.
        var rows = Enumerable.Repeat(new string('0', 15), 15).ToArray();
        rows[5] = "001011101000000";

        Assert.Equal(2 * 40, MaskPenalty.FinderLikePatterns(MatrixFromRows(rows)));
    }

    [Theory]
    [InlineData(50, 0)]
    [InlineData(54, 0)]
    [InlineData(55, 10)]
    [InlineData(40, 20)]
    [InlineData(100, 100)]
    [InlineData(0, 100)]
    public void EachFullFivePercentAwayFromHalfDarkScoresTen(int percentDark, int expected)
    {
        var dark = percentDark;
        var rows = Enumerable.Range(0, 10)
            .Select(row => string.Concat(Enumerable.Range(0, 10).Select(column => (row * 10) + column < dark ? '1' : '0')))
            .ToArray();

        Assert.Equal(expected, MaskPenalty.DarkProportion(MatrixFromRows(rows)));
    }

    private static ModuleMatrix MatrixFromRows(params string[] rows)
    {
        var matrix = new ModuleMatrix(rows.Length);
        for (var y = 0; y < rows.Length; y++)
        {
            for (var x = 0; x < rows.Length; x++)
            {
                matrix.SetData(x, y, rows[y][x] == '1');
            }
        }

        return matrix;
    }
}
