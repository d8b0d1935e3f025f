namespace NetconfCloud.QrCodes;

/// <summary>
/// The 15-bit format information (ISO/IEC 18004, 7.9): two bits of error correction level (L = 01, M = 00, Q = 11,
/// H = 10) and three bits of mask pattern, extended by the ten bits of a (15, 5) BCH code with generator
/// x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537), then XORed with 101010000010010 (0x5412) so that no combination is
/// all zeros.
/// </summary>
internal static class FormatInformation
{
    public const int Generator = 0x537;
    public const int XorMask = 0x5412;
    public const int Length = 15;

    /// <summary>The 15 bits, most significant (bit 14) first when written out.</summary>
    public static int Bits(QrErrorCorrection level, int mask)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mask);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mask, 7);
        var data = (LevelIndicator(level) << 3) | mask;
        return ((data << 10) | Bch.Remainder(data, Generator, 10)) ^ XorMask;
    }

    /// <summary>The two-bit level indicator: the levels are not numbered in their order of strength.</summary>
    public static int LevelIndicator(QrErrorCorrection level) => level switch
    {
        QrErrorCorrection.Low => 0b01,
        QrErrorCorrection.Medium => 0b00,
        QrErrorCorrection.Quartile => 0b11,
        QrErrorCorrection.High => 0b10,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not an error correction level."),
    };
}
