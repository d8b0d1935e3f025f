namespace NetconfCloud.QrCodes.Tests;

/// <summary>The finder, separator, timing and alignment patterns where ISO/IEC 18004 puts them.</summary>
public sealed class FunctionPatternTests
{
    private static readonly string[] Finder =
    [
        "1111111",
        "1000001",
        "1011101",
        "1011101",
        "1011101",
        "1000001",
        "1111111",
    ];

    public static TheoryData<int> SomeLengths => [1, 100, 400, 2000];

    [Theory]
    [MemberData(nameof(SomeLengths))]
    public void FinderPatternsAreInTheTopLeftTopRightAndBottomLeftCorners(int length)
    {
        var code = QrCode.Encode(Texts.OfLength(length));
        var far = code.Size - 7;

        Assert.Equal(Finder, Block(code, 0, 0, 7));
        Assert.Equal(Finder, Block(code, far, 0, 7));
        Assert.Equal(Finder, Block(code, 0, far, 7));
        Assert.NotEqual(Finder, Block(code, far, far, 7));
    }

    [Theory]
    [MemberData(nameof(SomeLengths))]
    public void SeparatorsAroundTheFindersAreLight(int length)
    {
        var code = QrCode.Encode(Texts.OfLength(length));
        var n = code.Size;
        for (var i = 0; i < 8; i++)
        {
            Assert.False(code[7, i], $"top-left, column 7, row {i}");
            Assert.False(code[i, 7], $"top-left, row 7, column {i}");
            Assert.False(code[n - 8, i], $"top-right, column {n - 8}, row {i}");
            Assert.False(code[n - 1 - i, 7], $"top-right, row 7, column {n - 1 - i}");
            Assert.False(code[i, n - 8], $"bottom-left, row {n - 8}, column {i}");
            Assert.False(code[7, n - 1 - i], $"bottom-left, column 7, row {n - 1 - i}");
        }
    }

    [Theory]
    [MemberData(nameof(SomeLengths))]
    public void TimingPatternsAlternateAlongRowSixAndColumnSix(int length)
    {
        var code = QrCode.Encode(Texts.OfLength(length));
        for (var i = 8; i < code.Size - 8; i++)
        {
            Assert.Equal(i % 2 == 0, code[i, 6]);
            Assert.Equal(i % 2 == 0, code[6, i]);
        }
    }

    [Fact]
    public void Version7HasSixAlignmentPatternsCentredOn6_22_38()
    {
        var code = QrCode.Encode(Texts.OfLength(110));
        Assert.Equal(7, code.Version);
        string[] alignment = ["11111", "10001", "10101", "10001", "11111"];

        foreach (var (x, y) in new[] { (22, 6), (38, 22), (6, 22), (22, 22), (22, 38), (38, 38) })
        {
            Assert.Equal(alignment, Block(code, x - 2, y - 2, 5));
        }
    }

    /// <summary>
    /// Annex E spaces the centres evenly from the last (size − 7) back towards the second, with even gaps, the first
    /// always 6 and the gap after it no wider than the others — except version 32 (6, 34, 60, 86, 112, 138), where the
    /// table has it 2 wider. Our table must agree with that rule for every version.
    /// </summary>
    [Fact]
    public void AlignmentPatternCentresAreEvenlySpacedFromTheFarSide()
    {
        Assert.Empty(QrVersion.AlignmentPatternCentres(1));
        for (var version = 2; version <= 40; version++)
        {
            var centres = QrVersion.AlignmentPatternCentres(version);
            Assert.Equal((version / 7) + 2, centres.Count);
            Assert.Equal(6, centres[0]);
            Assert.Equal(QrVersion.Size(version) - 7, centres[^1]);
            var gaps = centres.Zip(centres.Skip(1), (a, b) => b - a).ToList();
            Assert.All(gaps.Skip(1), gap => Assert.Equal(gaps[^1], gap));
            Assert.Equal(0, gaps[^1] % 2);
            Assert.True(gaps[0] <= gaps[^1] || (version == 32 && gaps[0] == gaps[^1] + 2), $"version {version}: the first gap is the short one");
        }
    }

    /// <summary>Version 23 is where jsQR 1.4.0 is wrong (it has 74 for 78), so its row of the table is pinned here.</summary>
    [Fact]
    public void Version23AlignmentCentresAreTheStandards() =>
        Assert.Equal([6, 30, 54, 78, 102], QrVersion.AlignmentPatternCentres(23));

    /// <summary>The modules left to the codewords, counted in a drawn symbol, agree with the arithmetic; the leftover bits are the standard's remainder bits.</summary>
    [Fact]
    public void DataModulesCountedInTheMatrixAgreeWithTheCapacityArithmetic()
    {
        for (var version = 1; version <= 40; version++)
        {
            var matrix = FunctionPatterns.Draw(version);
            var free = 0;
            for (var y = 0; y < matrix.Size; y++)
            {
                for (var x = 0; x < matrix.Size; x++)
                {
                    free += matrix.IsFunction(x, y) ? 0 : 1;
                }
            }

            Assert.Equal(QrVersion.DataModules(version), free);
            Assert.Equal(StandardRemainderBits(version), QrVersion.RemainderBits(version));
        }
    }

    [Theory]
    [InlineData(1, 26)]
    [InlineData(2, 44)]
    [InlineData(7, 196)]
    [InlineData(10, 346)]
    [InlineData(40, 3706)]
    public void TotalCodewordsPerVersionAreTheStandards(int version, int total) =>
        Assert.Equal(total, QrVersion.TotalCodewords(version));

    private static int StandardRemainderBits(int version) => version switch
    {
        1 => 0,
        <= 6 => 7,
        <= 13 => 0,
        <= 20 => 3,
        <= 27 => 4,
        <= 34 => 3,
        _ => 0,
    };

    private static string[] Block(QrCode code, int left, int top, int side) =>
        [.. Enumerable.Range(top, side).Select(y => string.Concat(Enumerable.Range(left, side).Select(x => code[x, y] ? '1' : '0')))];
}
