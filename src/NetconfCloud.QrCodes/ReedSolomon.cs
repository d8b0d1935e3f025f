namespace NetconfCloud.QrCodes;

/// <summary>
/// Reed–Solomon error correction codewords as ISO/IEC 18004 computes them: the data codewords of a block, read as the
/// coefficients of a polynomial (first codeword = highest degree), multiplied by x^n and divided by the generator
/// polynomial g(x) = (x − α^0)(x − α^1)…(x − α^(n−1)); the n coefficients of the remainder are the EC codewords.
/// </summary>
internal static class ReedSolomon
{
    /// <summary>
    /// The coefficients of the generator polynomial of degree <paramref name="degree"/>, highest degree first, without
    /// the leading coefficient (always 1).
    /// </summary>
    public static byte[] GeneratorPolynomial(int degree)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(degree, 254);

        // Start with g(x) = 1 and multiply by (x − α^i) once per root; in GF(2^8) subtraction is addition (XOR).
        var coefficients = new byte[degree + 1];
        coefficients[0] = 1;
        for (var root = 0; root < degree; root++)
        {
            var alpha = GaloisField.Exp(root);
            for (var j = root + 1; j > 0; j--)
            {
                coefficients[j] ^= GaloisField.Multiply(coefficients[j - 1], alpha);
            }
        }

        return coefficients[1..];
    }

    /// <summary>The error correction codewords for <paramref name="data"/> given a generator from <see cref="GeneratorPolynomial"/>.</summary>
    public static byte[] Remainder(ReadOnlySpan<byte> data, byte[] generator)
    {
        // Polynomial long division, keeping only the running remainder (a shift register of generator.Length bytes).
        var remainder = new byte[generator.Length];
        foreach (var codeword in data)
        {
            var factor = (byte)(codeword ^ remainder[0]);
            Array.Copy(remainder, 1, remainder, 0, remainder.Length - 1);
            remainder[^1] = 0;
            for (var i = 0; i < remainder.Length; i++)
            {
                remainder[i] ^= GaloisField.Multiply(generator[i], factor);
            }
        }

        return remainder;
    }
}
