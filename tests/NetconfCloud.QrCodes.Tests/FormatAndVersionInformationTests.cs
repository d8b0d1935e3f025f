namespace NetconfCloud.QrCodes.Tests;

/// <summary>Format and version information against the tables of ISO/IEC 18004 and where the standard puts them.</summary>
public sealed class FormatAndVersionInformationTests
{
    /// <summary>The first copy, most significant bit first: along row 8 from the left edge (skipping the timing column), then up column 8.</summary>
    private static readonly (int X, int Y)[] FirstFormatCopy =
        [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)];

    /// <summary>The second copy, most significant bit first: up column 8 from the bottom edge, then along row 8 to the right edge.</summary>
    private static (int X, int Y)[] SecondFormatCopy(int n) =>
        [(8, n - 1), (8, n - 2), (8, n - 3), (8, n - 4), (8, n - 5), (8, n - 6), (8, n - 7), (n - 8, 8), (n - 7, 8), (n - 6, 8), (n - 5, 8), (n - 4, 8), (n - 3, 8), (n - 2, 8), (n - 1, 8)];

    [Theory]
    [InlineData(QrErrorCorrection.Low, 0, "111011111000100")]
    [InlineData(QrErrorCorrection.Low, 4, "110011000101111")]
    [InlineData(QrErrorCorrection.Medium, 0, "101010000010010")]
    [InlineData(QrErrorCorrection.Medium, 7, "100101010100000")]
    [InlineData(QrErrorCorrection.Quartile, 4, "010010010110100")]
    [InlineData(QrErrorCorrection.High, 3, "001100111010000")]
    public void FormatInformationEqualsTheStandardsTable(QrErrorCorrection level, int mask, string expected) =>
        Assert.Equal(expected, Binary(FormatInformation.Bits(level, mask), FormatInformation.Length));

    [Theory]
    [InlineData(7, "000111110010010100")]
    [InlineData(8, "001000010110111100")]
    [InlineData(40, "101000110001101001")]
    public void VersionInformationEqualsTheStandardsTable(int version, string expected) =>
        Assert.Equal(expected, Binary(VersionInformation.Bits(version), VersionInformation.Length));

    /// <summary>
    /// Reads both copies as the standard's figure draws them, most significant bit first: along row 8 from the left
    /// edge (skipping the timing column) then up column 8; and up column 8 from the bottom edge then along row 8 to the
    /// right edge.
    /// </summary>
    [Theory]
    [InlineData(QrErrorCorrection.Low)]
    [InlineData(QrErrorCorrection.High)]
    public void BothCopiesOfTheFormatInformationCarryTheLevelAndMask(QrErrorCorrection level)
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps, level);
        var expected = Binary(FormatInformation.Bits(code.ErrorCorrection, code.Mask), FormatInformation.Length);

        Assert.Equal(expected, Read(code, FirstFormatCopy));
        Assert.Equal(expected, Read(code, SecondFormatCopy(code.Size)));
    }

    [Fact]
    public void TheDarkModuleIsDark()
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps);

        Assert.True(code[8, code.Size - 8]);
    }

    [Fact]
    public async Task EitherCopyOfTheFormatInformationIsEnoughForJsQr()
    {
        var code = QrCode.Encode(Texts.PersonalFeedWebcal);
        var withoutFirst = Modules.Of(code);
        var withoutSecond = Modules.Of(code);
        foreach (var (x, y) in FirstFormatCopy)
        {
            withoutFirst[x, y] = false;
        }

        foreach (var (x, y) in SecondFormatCopy(code.Size))
        {
            withoutSecond[x, y] = false;
        }

        var decoded = await JsQr.DecodeAllAsync([withoutFirst, withoutSecond]);

        Assert.All(decoded, d => Assert.Equal(Texts.PersonalFeedWebcal, d?.Data));
    }

    [Fact]
    public async Task EitherCopyOfTheVersionInformationIsEnoughForJsQr()
    {
        var text = Texts.OfLength(300);
        var code = QrCode.Encode(text);
        Assert.True(code.Version >= 7);
        var withoutTopRight = Modules.Of(code);
        var withoutBottomLeft = Modules.Of(code);
        for (var across = 0; across < 6; across++)
        {
            for (var along = code.Size - 11; along < code.Size - 8; along++)
            {
                withoutTopRight[along, across] = false;
                withoutBottomLeft[across, along] = false;
            }
        }

        var decoded = await JsQr.DecodeAllAsync([withoutTopRight, withoutBottomLeft]);

        Assert.All(decoded, d => Assert.Equal(text, d?.Data));
        Assert.All(decoded, d => Assert.Equal(code.Version, d?.Version));
    }

    /// <summary>The top-right block holds bit i at column size − 11 + i mod 3, row i / 3; the bottom-left block is its transpose.</summary>
    [Fact]
    public void VersionInformationSitsBesideTheTopRightAndBottomLeftFinders()
    {
        var code = QrCode.Encode(Texts.OfLength(110));
        Assert.Equal(7, code.Version);
        var n = code.Size;
        var topRight = new List<(int X, int Y)>();
        var bottomLeft = new List<(int X, int Y)>();
        for (var bit = VersionInformation.Length - 1; bit >= 0; bit--)
        {
            topRight.Add((n - 11 + (bit % 3), bit / 3));
            bottomLeft.Add((bit / 3, n - 11 + (bit % 3)));
        }

        Assert.Equal("000111110010010100", Read(code, [.. topRight]));
        Assert.Equal("000111110010010100", Read(code, [.. bottomLeft]));
    }

    private static string Binary(int value, int length) => Convert.ToString(value, 2).PadLeft(length, '0');

    private static string Read(QrCode code, (int X, int Y)[] positions) =>
        string.Concat(positions.Select(p => code[p.X, p.Y] ? '1' : '0'));
}
