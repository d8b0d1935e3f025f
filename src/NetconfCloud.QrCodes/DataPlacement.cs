namespace NetconfCloud.QrCodes;

/// <summary>
/// Places the codeword bits (ISO/IEC 18004, 7.7.3): in two-module-wide columns from the right edge to the left, going up
/// the first pair, down the next, and so on; within a pair the right module before the left. Column 6 (the vertical
/// timing pattern) is skipped entirely and function modules are passed over. Bits are taken most significant first;
/// the modules left after the last codeword are the remainder bits, which stay zero (light).
/// </summary>
internal static class DataPlacement
{
    private const int TimingColumn = 6;

    public static void Place(ModuleMatrix matrix, byte[] codewords)
    {
        var bitIndex = 0;
        var totalBits = codewords.Length * 8;
        foreach (var (x, y) in DataModuleOrder(matrix))
        {
            var dark = bitIndex < totalBits && ((codewords[bitIndex / 8] >> (7 - (bitIndex % 8))) & 1) != 0;
            matrix.SetData(x, y, dark);
            bitIndex++;
        }

        if (bitIndex < totalBits)
        {
            throw new InvalidOperationException($"{totalBits} codeword bits do not fit the {bitIndex} data modules.");
        }
    }

    /// <summary>The non-function modules in the order the bits fill them.</summary>
    public static IEnumerable<(int X, int Y)> DataModuleOrder(ModuleMatrix matrix)
    {
        var upward = true;
        for (var right = matrix.Size - 1; right >= 1; right -= 2)
        {
            if (right == TimingColumn)
            {
                right--;
            }

            for (var step = 0; step < matrix.Size; step++)
            {
                var y = upward ? matrix.Size - 1 - step : step;
                for (var x = right; x >= right - 1; x--)
                {
                    if (!matrix.IsFunction(x, y))
                    {
                        yield return (x, y);
                    }
                }
            }

            upward = !upward;
        }
    }
}
