namespace NetconfCloud.QrCodes;

/// <summary>
/// The 18-bit version information of versions 7 to 40 (ISO/IEC 18004, 7.10): six bits of version number extended by
/// the twelve bits of an (18, 6) BCH code with generator x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (0x1F25).
/// </summary>
internal static class VersionInformation
{
    public const int Generator = 0x1F25;
    public const int Length = 18;
    public const int FirstVersion = 7;

    public static int Bits(int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, FirstVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, QrVersion.Max);
        return (version << 12) | Bch.Remainder(version, Generator, 12);
    }
}
