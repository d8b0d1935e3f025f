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
        var modules = matrix.Rows;
        var size = matrix.Size;
        var score = 0;
        for (var line = 0; line < size; line++)
        {
            score += RunPenalty(modules, start: line * size, step: 1, size);
            score += RunPenalty(modules, start: line, step: size, size);
        }

        return score;
    }

    /// <summary>Rule 2: 2×2 blocks of one colour.</summary>
    public static int SameColourBlocks(ModuleMatrix matrix)
    {
        var modules = matrix.Rows;
        var size = matrix.Size;
        var score = 0;
        for (var y = 0; y < size - 1; y++)
        {
            for (var x = 0; x < size - 1; x++)
            {
                var i = (y * size) + x;
                var colour = modules[i];
                if (modules[i + 1] == colour && modules[i + size] == colour && modules[i + size + 1] == colour)
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
        var modules = matrix.Rows;
        var size = matrix.Size;
        var score = 0;
        for (var line = 0; line < size; line++)
        {
            score += FinderLikePenalty(modules, start: line * size, step: 1, size);
            score += FinderLikePenalty(modules, start: line, step: size, size);
        }

        return score;
    }

    /// <summary>Rule 4: how far the share of dark modules is from half, in whole steps of 5 %.</summary>
    public static int DarkProportion(ModuleMatrix matrix)
    {
        var dark = 0;
        foreach (var module in matrix.Rows)
        {
            dark += module ? 1 : 0;
        }

        var total = matrix.Size * matrix.Size;
        var stepsOfFivePercent = Math.Abs((20 * dark) - (10 * total)) / total;
        return N4 * stepsOfFivePercent;
    }

    /// <summary>Rule 1 along one line: the modules start, start + step, … (length of them).</summary>
    private static int RunPenalty(ReadOnlySpan<bool> modules, int start, int step, int length)
    {
        var score = 0;
        var run = 1;
        for (var i = 1; i <= length; i++)
        {
            if (i < length && modules[start + (i * step)] == modules[start + ((i - 1) * step)])
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

    /// <summary>Rule 3 along one line; positions before the first module and after the last are the light quiet zone.</summary>
    private static int FinderLikePenalty(ReadOnlySpan<bool> modules, int start, int step, int length)
    {
        var width = FinderLikeThenLight.Length;
        var score = 0;
        for (var first = -width + 1; first < length; first++)
        {
            if (Matches(FinderLikeThenLight, modules, start, step, length, first))
            {
                score += N3;
            }

            if (Matches(LightThenFinderLike, modules, start, step, length, first))
            {
                score += N3;
            }
        }

        return score;
    }

    private static bool Matches(bool[] pattern, ReadOnlySpan<bool> modules, int start, int step, int length, int first)
    {
        for (var k = 0; k < pattern.Length; k++)
        {
            var i = first + k;
            var dark = i >= 0 && i < length && modules[start + (i * step)];
            if (dark != pattern[k])
            {
                return false;
            }
        }

        return true;
    }
}
