namespace NetconfCloud.QrCodes.Tests;

/// <summary>GF(256) and Reed–Solomon against values worked in the standard's examples.</summary>
public sealed class ReedSolomonTests
{
    [Fact]
    public void AlphaToTheEighthIsReducedByTheQrPolynomial()
    {
        Assert.Equal(0x1D, GaloisField.Exp(8));
        Assert.Equal(1, GaloisField.Exp(255));
    }

    [Fact]
    public void EveryNonZeroElementHasAnInverse()
    {
        for (var a = 1; a < 256; a++)
        {
            var inverses = Enumerable.Range(1, 255).Count(b => GaloisField.Multiply((byte)a, (byte)b) == 1);
            Assert.Equal(1, inverses);
        }
    }

    [Fact]
    public void TheGeneratorForSevenCodewordsIsTheStandards()
    {
        // x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21 (Annex A)
        Assert.Equal(new byte[] { 127, 122, 154, 164, 11, 68, 117 }, ReedSolomon.GeneratorPolynomial(7));
    }

    [Fact]
    public void TheErrorCorrectionOfHelloWorldAtVersion1MIsTheWorkedExamples()
    {
        // "HELLO WORLD" in alphanumeric mode, version 1-M: sixteen data codewords and their ten EC codewords.
        byte[] data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];

        var ec = ReedSolomon.Remainder(data, ReedSolomon.GeneratorPolynomial(10));

        Assert.Equal(new byte[] { 196, 35, 39, 119, 235, 215, 231, 226, 93, 23 }, ec);
    }
}
