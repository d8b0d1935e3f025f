namespace NetconfCloud.QrCodes;

/// <summary>
/// Draws the function patterns of a version (ISO/IEC 18004, 6.3): the three finder patterns with their light
/// separators, the two timing patterns, the alignment patterns, the dark module, and the version information (from
/// version 7). The format information areas are reserved here and written once the mask is known.
/// </summary>
internal static class FunctionPatterns
{
    private const int FinderSize = 7;
    private const int TimingLine = 6;

    /// <summary>A matrix of <paramref name="version"/> with every function module in place and the data modules light.</summary>
    public static ModuleMatrix Draw(int version)
    {
        var matrix = new ModuleMatrix(QrVersion.Size(version));
        DrawTimingPatterns(matrix);
        DrawFinderPatterns(matrix);
        DrawAlignmentPatterns(matrix, version);
        FormatArea.Write(matrix, formatBits: 0);
        DrawVersionInformation(matrix, version);
        return matrix;
    }

    /// <summary>
    /// Finder patterns at the top left, top right and bottom left: a dark 7×7 ring, a light 5×5 ring and a dark 3×3
    /// centre, each with a one-module light separator on its sides that face the symbol.
    /// </summary>
    private static void DrawFinderPatterns(ModuleMatrix matrix)
    {
        var far = matrix.Size - FinderSize;
        foreach (var (left, top) in new[] { (0, 0), (far, 0), (0, far) })
        {
            for (var dy = -1; dy <= FinderSize; dy++)
            {
                for (var dx = -1; dx <= FinderSize; dx++)
                {
                    var (x, y) = (left + dx, top + dy);
                    if (x >= 0 && x < matrix.Size && y >= 0 && y < matrix.Size)
                    {
                        matrix.SetFunction(x, y, IsDarkInFinder(dx, dy));
                    }
                }
            }
        }
    }

    /// <summary>Whether offset (dx, dy) from a finder's top-left corner is dark; offsets outside the 7×7 are the separator.</summary>
    private static bool IsDarkInFinder(int dx, int dy)
    {
        var ring = Math.Max(Math.Abs(dx - 3), Math.Abs(dy - 3));
        return ring is 0 or 1 or 3;
    }

    /// <summary>Row 6 and column 6 alternate dark and light, dark on even coordinates.</summary>
    private static void DrawTimingPatterns(ModuleMatrix matrix)
    {
        for (var i = 0; i < matrix.Size; i++)
        {
            matrix.SetFunction(TimingLine, i, i % 2 == 0);
            matrix.SetFunction(i, TimingLine, i % 2 == 0);
        }
    }

    /// <summary>
    /// A 5×5 alignment pattern (dark ring, light ring, dark centre) centred at every pair of the version's centre
    /// coordinates, except the three pairs where a finder pattern is.
    /// </summary>
    private static void DrawAlignmentPatterns(ModuleMatrix matrix, int version)
    {
        var centres = QrVersion.AlignmentPatternCentres(version);
        var last = centres.Count - 1;
        for (var i = 0; i < centres.Count; i++)
        {
            for (var j = 0; j < centres.Count; j++)
            {
                var atFinder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
                if (!atFinder)
                {
                    DrawAlignmentPattern(matrix, centres[i], centres[j]);
                }
            }
        }
    }

    private static void DrawAlignmentPattern(ModuleMatrix matrix, int centreX, int centreY)
    {
        for (var dy = -2; dy <= 2; dy++)
        {
            for (var dx = -2; dx <= 2; dx++)
            {
                matrix.SetFunction(centreX + dx, centreY + dy, Math.Max(Math.Abs(dx), Math.Abs(dy)) != 1);
            }
        }
    }

    /// <summary>
    /// Version 7 and up: two 6×3 blocks of the 18 version bits, one above the bottom-left finder (bit i at column i / 3,
    /// row size − 11 + i mod 3) and its transpose left of the top-right finder.
    /// </summary>
    private static void DrawVersionInformation(ModuleMatrix matrix, int version)
    {
        if (version < VersionInformation.FirstVersion)
        {
            return;
        }

        var bits = VersionInformation.Bits(version);
        for (var i = 0; i < VersionInformation.Length; i++)
        {
            var dark = ((bits >> i) & 1) != 0;
            var across = i / 3;
            var along = matrix.Size - 11 + (i % 3);
            matrix.SetFunction(across, along, dark);
            matrix.SetFunction(along, across, dark);
        }
    }
}
