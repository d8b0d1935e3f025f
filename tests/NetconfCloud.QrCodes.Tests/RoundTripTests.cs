using System.Text;

namespace NetconfCloud.QrCodes.Tests;

/// <summary>Our symbols read back by jsQR, a decoder we did not write.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> PersonalFeedUrls => [Texts.PersonalFeedHttps, Texts.PersonalFeedWebcal];

    public static TheoryData<QrErrorCorrection> Levels => [.. Enum.GetValues<QrErrorCorrection>()];

    [Theory]
    [MemberData(nameof(PersonalFeedUrls))]
    public async Task AUrlOfAPersonalFeedDecodesToItself(string url)
    {
        var code = QrCode.Encode(url);

        var decoded = await JsQr.DecodeAsync(code);

        Assert.NotNull(decoded);
        Assert.Equal(url, decoded.Data);
        Assert.Equal(code.Version, decoded.Version);
    }

    [Theory]
    [MemberData(nameof(Levels))]
    public async Task APersonalFeedUrlDecodesAtEveryErrorCorrectionLevel(QrErrorCorrection level)
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps, level);

        var decoded = await JsQr.DecodeAsync(code);

        Assert.True(code.ErrorCorrection >= level, $"asked for {level}, got {code.ErrorCorrection}");
        Assert.Equal(Texts.PersonalFeedHttps, decoded?.Data);
    }

    [Fact]
    public async Task NonAsciiTextDecodesToItselfAsUtf8()
    {
        var code = QrCode.Encode(Texts.NonAscii);

        var decoded = await JsQr.DecodeAsync(code);

        Assert.Equal(Texts.NonAscii, decoded?.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(500)]
    [InlineData(1000)]
    [InlineData(2000)]
    public async Task TextsOfManyLengthsDecodeToThemselves(int length)
    {
        var text = Texts.OfLength(length);
        var code = QrCode.Encode(text);

        var decoded = await JsQr.DecodeAsync(code);

        Assert.Equal(text, decoded?.Data);
        Assert.Equal(code.Version, decoded?.Version);
    }

    [Fact]
    public async Task EachForcedMaskDecodes()
    {
        var data = Encoding.UTF8.GetBytes(Texts.PersonalFeedWebcal);
        var codes = Enumerable.Range(0, 8)
            .Select(mask => QrCode.Encode(data, QrErrorCorrection.Medium, boostErrorCorrection: false, mask))
            .ToList();

        var decoded = await JsQr.DecodeAllAsync(codes);

        Assert.All(decoded, d => Assert.Equal(Texts.PersonalFeedWebcal, d?.Data));
    }

    [Fact]
    public async Task AHighLevelCodeSurvivesADamagedPatch()
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps, QrErrorCorrection.High);
        var grid = Modules.Of(code);
        var centre = code.Size / 2;
        InvertDataModules(code, grid, centre - 3, centre - 3, 6);

        var decoded = await JsQr.DecodeAllAsync([grid]);

        Assert.Equal(Texts.PersonalFeedHttps, decoded[0]?.Data);
    }

    /// <summary>The harness can fail: jsQR refuses a symbol whose data is damaged beyond what error correction restores.</summary>
    [Fact]
    public async Task ACodeWithMostOfItsDataInvertedDoesNotDecode()
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps);
        var grid = Modules.Of(code);
        InvertDataModules(code, grid, 9, 9, code.Size - 18);

        var decoded = await JsQr.DecodeAllAsync([grid]);

        Assert.Null(decoded[0]);
    }

    private static void InvertDataModules(QrCode code, bool[,] grid, int left, int top, int side)
    {
        for (var y = top; y < top + side; y++)
        {
            for (var x = left; x < left + side; x++)
            {
                if (!code.IsFunction(x, y))
                {
                    grid[x, y] = !grid[x, y];
                }
            }
        }
    }
}
