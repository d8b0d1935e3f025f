namespace NetconfCloud.QrCodes;

/// <summary>
/// What a symbol version (1 to 40) fixes in ISO/IEC 18004: its size, where its alignment patterns are, and how many
/// modules are left for codewords once the function patterns are drawn.
/// </summary>
internal static class QrVersion
{
    public const int Min = 1;
    public const int Max = 40;

    /// <summary>
    /// Centre rows and columns of the alignment patterns (Annex E of ISO/IEC 18004), indexed by version; a pattern
    /// sits at every pair of them except the three that would overlap a finder pattern. Version 1 has none.
    /// </summary>
    private static readonly int[][] AlignmentCentres =
    [
        [],
        [],
        [6, 18],
        [6, 22],
        [6, 26],
        [6, 30],
        [6, 34],
        [6, 22, 38],
        [6, 24, 42],
        [6, 26, 46],
        [6, 28, 50],
        [6, 30, 54],
        [6, 32, 58],
        [6, 34, 62],
        [6, 26, 46, 66],
        [6, 26, 48, 70],
        [6, 26, 50, 74],
        [6, 30, 54, 78],
        [6, 30, 56, 82],
        [6, 30, 58, 86],
        [6, 34, 62, 90],
        [6, 28, 50, 72, 94],
        [6, 26, 50, 74, 98],
        [6, 30, 54, 78, 102],
        [6, 28, 54, 80, 106],
        [6, 32, 58, 84, 110],
        [6, 30, 58, 86, 114],
        [6, 34, 62, 90, 118],
        [6, 26, 50, 74, 98, 122],
        [6, 30, 54, 78, 102, 126],
        [6, 26, 52, 78, 104, 130],
        [6, 30, 56, 82, 108, 134],
        [6, 34, 60, 86, 112, 138],
        [6, 30, 58, 86, 114, 142],
        [6, 34, 62, 90, 118, 146],
        [6, 30, 54, 78, 102, 126, 150],
        [6, 24, 50, 76, 102, 128, 154],
        [6, 28, 54, 80, 106, 132, 158],
        [6, 32, 58, 84, 110, 136, 162],
        [6, 26, 54, 82, 110, 138, 166],
        [6, 30, 58, 86, 114, 142, 170],
    ];

    /// <summary>Modules per side: 21 for version 1, four more per version, 177 for version 40.</summary>
    public static int Size(int version) => 17 + (4 * version);

    /// <summary>The alignment pattern centre coordinates of <paramref name="version"/> (used as both rows and columns).</summary>
    public static IReadOnlyList<int> AlignmentPatternCentres(int version) => AlignmentCentres[version];

    /// <summary>
    /// Modules that carry codeword bits (data, error correction and the remainder bits): every module that no function
    /// pattern, format information or version information takes.
    /// </summary>
    public static int DataModules(int version)
    {
        var size = Size(version);
        var finders = 3 * 8 * 8;                // three 7×7 finder patterns with their one-module separators
        var formatInformation = (2 * 15) + 1;   // two copies of 15 bits, and the dark module
        var timing = 2 * (size - 16);           // row 6 and column 6 between the separators
        var versionInformation = version >= 7 ? 2 * 18 : 0;
        return (size * size) - finders - formatInformation - timing - AlignmentModules(version) - versionInformation;
    }

    /// <summary>Whole codewords a symbol of <paramref name="version"/> holds (data and error correction together).</summary>
    public static int TotalCodewords(int version) => DataModules(version) / 8;

    /// <summary>The bits left over after the last whole codeword, filled with zeros: 0, 3, 4 or 7.</summary>
    public static int RemainderBits(int version) => DataModules(version) % 8;

    private static int AlignmentModules(int version)
    {
        var count = AlignmentCentres[version].Length;
        if (count == 0)
        {
            return 0;
        }

        // count² positions less the three at the finders; those on row 6 or column 6 share 5 modules with the timing patterns.
        var patterns = (count * count) - 3;
        var sharedWithTiming = 2 * (count - 2) * 5;
        return (patterns * 25) - sharedWithTiming;
    }
}
