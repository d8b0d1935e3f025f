namespace NetconfCloud.QrCodes;

/// <summary>
/// The data bit stream in byte mode (ISO/IEC 18004, 7.4.5): the mode indicator 0100, the character count indicator
/// (8 bits up to version 9, 16 bits from version 10), the bytes themselves, then the terminator, zero bits up to a
/// byte boundary and the pad codewords 11101100 and 00010001 in turn until the data capacity is full.
/// </summary>
internal static class ByteModeSegment
{
    private const int ModeIndicator = 0b0100;
    private const int ModeIndicatorBits = 4;
    private const int MaxTerminatorBits = 4;
    private static readonly byte[] PadCodewords = [0xEC, 0x11];

    /// <summary>Bits of the character count indicator for byte mode in <paramref name="version"/>.</summary>
    public static int CountIndicatorBits(int version) => version <= 9 ? 8 : 16;

    /// <summary>Bits the segment takes in <paramref name="version"/> before the terminator and padding.</summary>
    public static int BitLength(int byteCount, int version) => ModeIndicatorBits + CountIndicatorBits(version) + (8 * byteCount);

    /// <summary>Whether <paramref name="byteCount"/> bytes fit the data codewords of <paramref name="blocks"/>.</summary>
    public static bool Fits(int byteCount, ErrorCorrectionBlocks blocks) =>
        byteCount < (1 << CountIndicatorBits(blocks.Version)) && BitLength(byteCount, blocks.Version) <= blocks.DataCodewords * 8;

    /// <summary>The data codewords for <paramref name="data"/>, padded to the capacity of <paramref name="blocks"/>.</summary>
    public static byte[] DataCodewords(ReadOnlySpan<byte> data, ErrorCorrectionBlocks blocks)
    {
        if (!Fits(data.Length, blocks))
        {
            throw new ArgumentException($"{data.Length} bytes do not fit version {blocks.Version} at level {blocks.Level}.", nameof(data));
        }

        var capacityBits = blocks.DataCodewords * 8;
        var bits = new BitBuffer();
        bits.Append(ModeIndicator, ModeIndicatorBits);
        bits.Append(data.Length, CountIndicatorBits(blocks.Version));
        foreach (var b in data)
        {
            bits.Append(b, 8);
        }

        bits.Append(0, Math.Min(MaxTerminatorBits, capacityBits - bits.Length));
        bits.Append(0, (8 - (bits.Length % 8)) % 8);
        for (var pad = 0; bits.Length < capacityBits; pad++)
        {
            bits.Append(PadCodewords[pad % 2], 8);
        }

        return bits.ToBytes();
    }
}
