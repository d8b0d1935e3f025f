namespace NetconfCloud.QrCodes;

/// <summary>
/// Where the two copies of the 15 format information bits go (ISO/IEC 18004, 7.9.1), bit 14 being the most significant.
/// Copy one wraps the top-left finder: bits 0–5 down column 8 from row 0, bit 6 at row 7, bit 7 at (8, 8), bit 8 at
/// column 7 of row 8, bits 9–14 along row 8 from column 5 to column 0. Copy two is split: bits 0–7 along row 8 from the
/// right edge leftwards, bits 8–14 down column 8 from row size − 7 to the bottom edge. The dark module at
/// (8, size − 8) is always dark.
/// </summary>
internal static class FormatArea
{
    private const int Line = 8;

    /// <summary>Writes both copies of <paramref name="formatBits"/> and the dark module as function modules.</summary>
    public static void Write(ModuleMatrix matrix, int formatBits)
    {
        for (var i = 0; i < FormatInformation.Length; i++)
        {
            var dark = ((formatBits >> i) & 1) != 0;
            var (x1, y1) = FirstCopy(i);
            matrix.SetFunction(x1, y1, dark);
            var (x2, y2) = SecondCopy(i, matrix.Size);
            matrix.SetFunction(x2, y2, dark);
        }

        matrix.SetFunction(Line, matrix.Size - 8, true);
    }

    /// <summary>The (x, y) of bit <paramref name="bit"/> in the copy around the top-left finder.</summary>
    public static (int X, int Y) FirstCopy(int bit) => bit switch
    {
        < 6 => (Line, bit),
        6 => (Line, 7),
        7 => (Line, Line),
        8 => (7, Line),
        _ => (14 - bit, Line),
    };

    /// <summary>The (x, y) of bit <paramref name="bit"/> in the copy split between the top-right and bottom-left finders.</summary>
    public static (int X, int Y) SecondCopy(int bit, int size) => bit < 8
        ? (size - 1 - bit, Line)
        : (Line, size - 15 + bit);
}
