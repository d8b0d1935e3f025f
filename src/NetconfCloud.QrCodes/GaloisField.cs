namespace NetconfCloud.QrCodes;

/// <summary>
/// Arithmetic in GF(2^8) as QR codes use it: bytes are polynomials over GF(2) reduced modulo the field's primitive
/// polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), and α = 2 generates every non-zero element. Addition is XOR;
/// multiplication goes through logarithm and antilogarithm tables.
/// </summary>
internal static class GaloisField
{
    /// <summary>The primitive polynomial x^8 + x^4 + x^3 + x^2 + 1.</summary>
    public const int PrimitivePolynomial = 0x11D;

    /// <summary>α^i for i in 0..254, repeated once so that a sum of two logarithms needs no modulo.</summary>
    private static readonly byte[] Exponents = BuildExponents();

    /// <summary>log_α(v) for v in 1..255 (entry 0 is unused: zero has no logarithm).</summary>
    private static readonly int[] Logarithms = BuildLogarithms();

    /// <summary>α raised to <paramref name="power"/> (0 ≤ power).</summary>
    public static byte Exp(int power) => Exponents[power % 255];

    /// <summary>The product of two field elements.</summary>
    public static byte Multiply(byte a, byte b) =>
        a == 0 || b == 0 ? (byte)0 : Exponents[Logarithms[a] + Logarithms[b]];

    private static byte[] BuildExponents()
    {
        var table = new byte[510];
        var value = 1;
        for (var i = 0; i < 255; i++)
        {
            table[i] = (byte)value;
            table[i + 255] = (byte)value;
            value <<= 1;
            if (value > 0xFF)
            {
                value ^= PrimitivePolynomial;
            }
        }

        return table;
    }

    private static int[] BuildLogarithms()
    {
        var table = new int[256];
        for (var i = 0; i < 255; i++)
        {
            table[Exponents[i]] = i;
        }

        return table;
    }
}
