using System.Text;

namespace NetconfCloud.QrCodes.Tests;

/// <summary>Versions chosen against the byte-mode capacities of ISO/IEC 18004 (Table 7).</summary>
public sealed class CapacityTests
{
    /// <summary>Known byte capacities (version, level, bytes).</summary>
    public static TheoryData<int, QrErrorCorrection, int> KnownCapacities => new()
    {
        { 1, QrErrorCorrection.Low, 17 },
        { 1, QrErrorCorrection.Medium, 14 },
        { 1, QrErrorCorrection.Quartile, 11 },
        { 1, QrErrorCorrection.High, 7 },
        { 2, QrErrorCorrection.Medium, 26 },
        { 5, QrErrorCorrection.Quartile, 60 },
        { 7, QrErrorCorrection.Medium, 122 },
        { 9, QrErrorCorrection.Low, 230 },
        { 9, QrErrorCorrection.High, 98 },
        { 10, QrErrorCorrection.Medium, 213 },
        { 40, QrErrorCorrection.Low, 2953 },
        { 40, QrErrorCorrection.Medium, 2331 },
        { 40, QrErrorCorrection.Quartile, 1663 },
        { 40, QrErrorCorrection.High, 1273 },
    };

    [Theory]
    [MemberData(nameof(KnownCapacities))]
    public void AFullVersionIsChosenAndOneByteMoreNeedsTheNext(int version, QrErrorCorrection level, int bytes)
    {
        var full = QrCode.Encode(Texts.OfLength(bytes), level);

        Assert.Equal(version, full.Version);
        Assert.Equal(QrVersion.Size(version), full.Size);
        if (version < 40)
        {
            Assert.Equal(version + 1, QrCode.Encode(Texts.OfLength(bytes + 1), level).Version);
        }
    }

    [Theory]
    [InlineData(1, QrErrorCorrection.Low, 19)]
    [InlineData(1, QrErrorCorrection.High, 9)]
    [InlineData(5, QrErrorCorrection.Quartile, 62)]
    [InlineData(9, QrErrorCorrection.Medium, 182)]
    [InlineData(40, QrErrorCorrection.Low, 2956)]
    [InlineData(40, QrErrorCorrection.High, 1276)]
    public void DataCodewordsAreTheStandards(int version, QrErrorCorrection level, int dataCodewords) =>
        Assert.Equal(dataCodewords, ErrorCorrectionBlocks.For(version, level).DataCodewords);

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(2000)]
    public void TheSmallestVersionThatHoldsTheTextIsChosen(int length)
    {
        var code = QrCode.Encode(Texts.OfLength(length), QrErrorCorrection.Medium);

        Assert.True(QrCode.Capacity(code.Version, QrErrorCorrection.Medium) >= length);
        Assert.True(code.Version == 1 || QrCode.Capacity(code.Version - 1, QrErrorCorrection.Medium) < length);
    }

    [Fact]
    public void NonAsciiTextIsMeasuredInUtf8Bytes()
    {
        var sevenTwoByteLetters = new string('ř', 7);
        var eightTwoByteLetters = new string('ř', 8);

        Assert.Equal(1, QrCode.Encode(sevenTwoByteLetters, QrErrorCorrection.Medium).Version);
        Assert.Equal(2, QrCode.Encode(eightTwoByteLetters, QrErrorCorrection.Medium).Version);
    }

    [Theory]
    [InlineData(QrErrorCorrection.Low, 2953)]
    [InlineData(QrErrorCorrection.High, 1273)]
    public void TextTooLongForVersion40Throws(QrErrorCorrection level, int capacity)
    {
        var error = Assert.Throws<ArgumentException>(() => QrCode.Encode(Texts.OfLength(capacity + 1), level));

        Assert.Equal("text", error.ParamName);
        Assert.Contains(capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoByteLettersCountTwiceTowardsTheLimit()
    {
        var text = new string('é', (2953 / 2) + 1);

        Assert.True(Encoding.UTF8.GetByteCount(text) > 2953);
        Assert.Throws<ArgumentException>(() => QrCode.Encode(text, QrErrorCorrection.Low));
    }

    [Fact]
    public void TheLevelIsRaisedWhenAStrongerOneFitsTheSameVersion()
    {
        var code = QrCode.Encode("netconf", QrErrorCorrection.Low);

        Assert.Equal(1, code.Version);
        Assert.Equal(QrErrorCorrection.High, code.ErrorCorrection);
    }

    [Fact]
    public void TheLevelIsKeptWhenNoStrongerOneFits()
    {
        var code = QrCode.Encode(Texts.OfLength(17), QrErrorCorrection.Low);

        Assert.Equal(1, code.Version);
        Assert.Equal(QrErrorCorrection.Low, code.ErrorCorrection);
    }
}
