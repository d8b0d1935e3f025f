namespace NetconfCloud.QrCodes;

/// <summary>
/// The eight data mask patterns (ISO/IEC 18004, 7.8.2, Table 10). A data module at row i, column j is inverted where the
/// pattern's condition holds; function modules are never masked.
/// </summary>
internal static class MaskPattern
{
    public const int Count = 8;

    /// <summary>Whether mask <paramref name="mask"/> inverts the module at row <paramref name="i"/>, column <paramref name="j"/>.</summary>
    public static bool Inverts(int mask, int i, int j) => mask switch
    {
        0 => (i + j) % 2 == 0,
        1 => i % 2 == 0,
        2 => j % 3 == 0,
        3 => (i + j) % 3 == 0,
        4 => ((i / 2) + (j / 3)) % 2 == 0,
        5 => ((i * j) % 2) + ((i * j) % 3) == 0,
        6 => (((i * j) % 2) + ((i * j) % 3)) % 2 == 0,
        7 => (((i + j) % 2) + ((i * j) % 3)) % 2 == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(mask), mask, "Masks are numbered 0 to 7."),
    };

    /// <summary>Inverts the data modules that <paramref name="mask"/> selects.</summary>
    public static void Apply(ModuleMatrix matrix, int mask)
    {
        for (var y = 0; y < matrix.Size; y++)
        {
            for (var x = 0; x < matrix.Size; x++)
            {
                if (!matrix.IsFunction(x, y) && Inverts(mask, y, x))
                {
                    matrix.Flip(x, y);
                }
            }
        }
    }
}
