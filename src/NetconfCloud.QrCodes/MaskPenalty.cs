namespace NetconfCloud.QrCodes;

/// <summary>
/// The penalty score of a masked symbol (ISO/IEC 18004, 7.8.3, Table 11); the encoder keeps the mask with the lowest.
/// <list type="number">
/// <item>N1 = 3: each run of five or more same-coloured modules in a row or column scores 3 plus one per module beyond five.</item>
/// <item>N2 = 3: each 2×2 block of one colour scores 3 (overlapping blocks count separately).</item>
/// <item>N3 = 40: each 1:1:3:1:1 dark–light–dark–light–dark pattern with four light modules on one side, in a row or
/// column, scores 40 (outside the symbol counts as light: the quiet zone).</item>
/// <item>N4 = 10: 10 for every full 5 % the share of dark modules departs from 50 %.</item>
/// </list>
/// </summary>
internal static class MaskPenalty
{
    public const int N1 = 3;
    public const int N2 = 3;
    public const int N3 = 40;
    public const int N4 = 10;

    /// <summary>The finder-like pattern 1011101 with four light modules after it, as 11 modules.</summary>
    private static readonly bool[] FinderLikeThenLight = [true, false, true, true, true, false, true, false, false, false, false];

    /// <summary>Four light modules, then the finder-like pattern 1011101.</summary>
    private static readonly bool[] LightThenFinderLike = [false, false, false, false, true, false, true, true, true, false, true];

    public static int Score(ModuleMatrix matrix) =>
        AdjacentRuns(matrix) + SameColourBlocks(matrix) + FinderLikePatterns(matrix) + DarkProportion(matrix);

    /// <summary>Rule 1: runs of five or more modules of one colour, in rows and in columns.</summary>
    public static int AdjacentRuns(ModuleMatrix matrix)
    {
        var score = 0;
        for (var line = 0; line < matrix.Size; line++)
        {
            score += RunPenalty(matrix.Size, i => matrix.IsDark(i, line));
            score += RunPenalty(matrix.Size, i => matrix.IsDark(line, i));
        }

        return score;
    }

    /// <summary>Rule 2: 2×2 blocks of one colour.</summary>
    public static int SameColourBlocks(ModuleMatrix matrix)
    {
        var score = 0;
        for (var y = 0; y < matrix.Size - 1; y++)
        {
            for (var x = 0; x < matrix.Size - 1; x++)
            {
                var colour = matrix.IsDark(x, y);
                if (matrix.IsDark(x + 1, y) == colour && matrix.IsDark(x, y + 1) == colour && matrix.IsDark(x + 1, y + 1) == colour)
                {
                    score += N2;
                }
            }
        }

        return score;
    }

    /// <summary>Rule 3: 1:1:3:1:1 patterns with four light modules before or after, in rows and in columns.</summary>
    public static int FinderLikePatterns(ModuleMatrix matrix)
    {
        var score = 0;
        for (var line = 0; line < matrix.Size; line++)
        {
            score += FinderLikePenalty(matrix.Size, i => matrix.IsDark(i, line));
            score += FinderLikePenalty(matrix.Size, i => matrix.IsDark(line, i));
        }

        return score;
    }

    /// <summary>Rule 4: how far the share of dark modules is from half, in whole steps of 5 %.</summary>
    public static int DarkProportion(ModuleMatrix matrix)
    {
        var dark = 0;
        for (var y = 0; y < matrix.Size; y++)
        {
            for (var x = 0; x < matrix.Size; x++)
            {
                dark += matrix.IsDark(x, y) ? 1 : 0;
            }
        }

        var total = matrix.Size * matrix.Size;
        var stepsOfFivePercent = Math.Abs((20 * dark) - (10 * total)) / total;
        return N4 * stepsOfFivePercent;
    }

    private static int RunPenalty(int length, Func<int, bool> isDark)
    {
        var score = 0;
        var run = 1;
        for (var i = 1; i <= length; i++)
        {
            if (i < length && isDark(i) == isDark(i - 1))
            {
                run++;
                continue;
            }

            if (run >= 5)
            {
                score += N1 + (run - 5);
            }

            run = 1;
        }

        return score;
    }

    private static int FinderLikePenalty(int length, Func<int, bool> isDark)
    {
        var width = FinderLikeThenLight.Length;
        var score = 0;
        for (var start = -width + 1; start < length; start++)
        {
            if (Matches(FinderLikeThenLight, start, length, isDark))
            {
                score += N3;
            }

            if (Matches(LightThenFinderLike, start, length, isDark))
            {
                score += N3;
            }
        }

        return score;
    }

    private static bool Matches(bool[] pattern, int start, int length, Func<int, bool> isDark)
    {
        for (var k = 0; k < pattern.Length; k++)
        {
            var i = start + k;
            var dark = i >= 0 && i < length && isDark(i);
            if (dark != pattern[k])
            {
                return false;
            }
        }

        return true;
    }
}
