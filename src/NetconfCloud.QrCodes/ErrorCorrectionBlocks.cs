namespace NetconfCloud.QrCodes;

/// <summary>
/// How a symbol's codewords divide into Reed–Solomon blocks (Table 9 of ISO/IEC 18004): for each version and error
/// correction level, the number of blocks and the error correction codewords in each. The data codewords are what
/// remains of the version's total; where they do not divide evenly, the last blocks each hold one more ("long" blocks).
/// </summary>
internal sealed class ErrorCorrectionBlocks
{
    // Indexed by [level][version − 1], levels in the order L, M, Q, H of QrErrorCorrection.
    private static readonly int[][] EcCodewordsPerBlock =
    [
        [7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ];

    private static readonly int[][] BlockCounts =
    [
        [1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ];

    private ErrorCorrectionBlocks(int version, QrErrorCorrection level)
    {
        Version = version;
        Level = level;
        BlockCount = BlockCounts[(int)level][version - 1];
        EcCodewordsEachBlock = EcCodewordsPerBlock[(int)level][version - 1];
        TotalCodewords = QrVersion.TotalCodewords(version);
        DataCodewords = TotalCodewords - (BlockCount * EcCodewordsEachBlock);
    }

    public int Version { get; }

    public QrErrorCorrection Level { get; }

    /// <summary>Reed–Solomon blocks the codewords are split into.</summary>
    public int BlockCount { get; }

    /// <summary>Error correction codewords in every block.</summary>
    public int EcCodewordsEachBlock { get; }

    /// <summary>All codewords of the symbol.</summary>
    public int TotalCodewords { get; }

    /// <summary>Data codewords of the symbol, all blocks together: the capacity before the mode and length headers.</summary>
    public int DataCodewords { get; }

    /// <summary>Data codewords in the shorter blocks (the first ones).</summary>
    public int ShortBlockDataCodewords => DataCodewords / BlockCount;

    /// <summary>Blocks with one data codeword more than <see cref="ShortBlockDataCodewords"/> (the last ones).</summary>
    public int LongBlockCount => DataCodewords % BlockCount;

    public static ErrorCorrectionBlocks For(int version, QrErrorCorrection level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, QrVersion.Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, QrVersion.Max);
        return new ErrorCorrectionBlocks(version, level);
    }

    /// <summary>Data codewords of block <paramref name="index"/> (0-based, in symbol order).</summary>
    public int DataCodewordsOfBlock(int index) =>
        ShortBlockDataCodewords + (index >= BlockCount - LongBlockCount ? 1 : 0);
}
