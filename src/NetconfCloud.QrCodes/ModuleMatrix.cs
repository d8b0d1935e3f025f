namespace NetconfCloud.QrCodes;

/// <summary>
/// The square of modules of one symbol, with x the column (0 at the left) and y the row (0 at the top). It knows which
/// modules belong to function patterns (finders, separators, timing, alignment, format and version information, the
/// dark module) so that data placement and masking leave them alone.
/// </summary>
internal sealed class ModuleMatrix
{
    private readonly bool[] _dark;
    private readonly bool[] _function;

    public ModuleMatrix(int size)
    {
        Size = size;
        _dark = new bool[size * size];
        _function = new bool[size * size];
    }

    private ModuleMatrix(ModuleMatrix other)
    {
        Size = other.Size;
        _dark = (bool[])other._dark.Clone();
        _function = (bool[])other._function.Clone();
    }

    public int Size { get; }

    public bool IsDark(int x, int y) => _dark[Index(x, y)];

    public bool IsFunction(int x, int y) => _function[Index(x, y)];

    /// <summary>Sets a module of a function pattern, which data placement and masking then skip.</summary>
    public void SetFunction(int x, int y, bool dark)
    {
        _dark[Index(x, y)] = dark;
        _function[Index(x, y)] = true;
    }

    /// <summary>Sets a module that carries codeword bits.</summary>
    public void SetData(int x, int y, bool dark) => _dark[Index(x, y)] = dark;

    /// <summary>Inverts a data module (masking).</summary>
    public void Flip(int x, int y) => _dark[Index(x, y)] = !_dark[Index(x, y)];

    public ModuleMatrix Clone() => new(this);

    /// <summary>The modules row by row (index y × Size + x), true = dark, for scans that visit every module.</summary>
    public ReadOnlySpan<bool> Rows => _dark;

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Size || (uint)y >= (uint)Size)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside a symbol of {Size}×{Size} modules.");
        }

        return (y * Size) + x;
    }
}
