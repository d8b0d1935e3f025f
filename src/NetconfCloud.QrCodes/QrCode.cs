using System.Globalization;
using System.Text;

namespace NetconfCloud.QrCodes;

/// <summary>
/// A QR code symbol (ISO/IEC 18004) of our own making, for short texts such as the URL of a personal calendar feed.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Encode"/> writes the text's UTF-8 bytes in byte mode, picks the smallest version (1 to 40) whose data
/// capacity at the requested error correction level holds them, raises the level while the text still fits that same
/// version, splits the data into Reed–Solomon blocks, interleaves them, places them around the function patterns and
/// keeps the one of the eight masks with the lowest penalty score.
/// </para>
/// <para>
/// Modules are addressed as <c>this[x, y]</c>: x the column from the left, y the row from the top, 0 to
/// <see cref="Size"/> − 1, without the quiet zone; <see cref="ToSvg"/> adds the quiet zone.
/// </para>
/// </remarks>
public sealed class QrCode
{
    private readonly ModuleMatrix _modules;

    private QrCode(int version, QrErrorCorrection errorCorrection, int mask, ModuleMatrix modules)
    {
        Version = version;
        ErrorCorrection = errorCorrection;
        Mask = mask;
        _modules = modules;
    }

    /// <summary>The symbol version, 1 (21×21 modules) to 40 (177×177).</summary>
    public int Version { get; }

    /// <summary>The error correction level the symbol was built with (at least the one asked for).</summary>
    public QrErrorCorrection ErrorCorrection { get; }

    /// <summary>The data mask pattern, 0 to 7.</summary>
    public int Mask { get; }

    /// <summary>Modules per side, without the quiet zone: 17 + 4 × <see cref="Version"/>.</summary>
    public int Size => _modules.Size;

    /// <summary>Whether the module at column <paramref name="x"/>, row <paramref name="y"/> is dark.</summary>
    public bool this[int x, int y] => _modules.IsDark(x, y);

    /// <summary>The penalty score of the symbol as drawn, by the four rules of the standard.</summary>
    internal int Penalty => MaskPenalty.Score(_modules);

    /// <summary>
    /// Encodes <paramref name="text"/> as UTF-8 in byte mode in the smallest version that holds it at
    /// <paramref name="level"/>; the level is raised when a stronger one still fits that version.
    /// </summary>
    /// <exception cref="ArgumentException">The text does not fit in version 40 at <paramref name="level"/>.</exception>
    public static QrCode Encode(string text, QrErrorCorrection level = QrErrorCorrection.Medium)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = Encoding.UTF8.GetBytes(text);
        if (data.Length > Capacity(QrVersion.Max, level))
        {
            throw new ArgumentException(TooLong(data.Length, level), nameof(text));
        }

        return Encode(data, level, boostErrorCorrection: true, mask: null);
    }

    /// <summary>
    /// Encodes bytes with the options the public method fixes: whether to raise the level, and a mask to use instead of
    /// the one with the lowest penalty (null to choose).
    /// </summary>
    internal static QrCode Encode(byte[] data, QrErrorCorrection level, bool boostErrorCorrection, int? mask)
    {
        var version = SmallestVersion(data.Length, level) ?? throw new ArgumentException(TooLong(data.Length, level), nameof(data));
        if (boostErrorCorrection)
        {
            level = StrongestLevelThatFits(data.Length, version, level);
        }

        var blocks = ErrorCorrectionBlocks.For(version, level);
        var codewords = CodewordSequence.Build(ByteModeSegment.DataCodewords(data, blocks), blocks);
        var unmasked = FunctionPatterns.Draw(version);
        DataPlacement.Place(unmasked, codewords);

        var chosenMask = mask ?? LeastPenaltyMask(unmasked, level);
        return new QrCode(version, level, chosenMask, Masked(unmasked, level, chosenMask));
    }

    /// <summary>
    /// A standalone SVG of the symbol: a <c>viewBox</c> of one unit per module including a light quiet zone of
    /// <paramref name="border"/> modules, a white background, and one path of the dark modules drawn as horizontal runs.
    /// It has no fixed width or height, so CSS sizes it; <c>role="img"</c>, and with a <paramref name="title"/> a
    /// <c>&lt;title&gt;</c> and an <c>aria-label</c>.
    /// </summary>
    /// <param name="border">The quiet zone in modules; the standard asks for at least 4.</param>
    /// <param name="title">A text alternative for assistive technology, or null for none.</param>
    public string ToSvg(int border = 4, string? title = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(border);
        return QrSvg.Render(this, border, title);
    }

    /// <summary>Whether the module at (x, y) belongs to a function pattern (for the tests).</summary>
    internal bool IsFunction(int x, int y) => _modules.IsFunction(x, y);

    private static int? SmallestVersion(int byteCount, QrErrorCorrection level)
    {
        for (var version = QrVersion.Min; version <= QrVersion.Max; version++)
        {
            if (ByteModeSegment.Fits(byteCount, ErrorCorrectionBlocks.For(version, level)))
            {
                return version;
            }
        }

        return null;
    }

    private static string TooLong(int byteCount, QrErrorCorrection level) => string.Create(
        CultureInfo.InvariantCulture,
        $"The text is {byteCount} bytes in UTF-8; a QR code holds at most {Capacity(QrVersion.Max, level)} bytes at error correction level {level}.");

    private static QrErrorCorrection StrongestLevelThatFits(int byteCount, int version, QrErrorCorrection level)
    {
        while (level < QrErrorCorrection.High && ByteModeSegment.Fits(byteCount, ErrorCorrectionBlocks.For(version, level + 1)))
        {
            level++;
        }

        return level;
    }

    /// <summary>The most bytes byte mode holds in <paramref name="version"/> at <paramref name="level"/>.</summary>
    internal static int Capacity(int version, QrErrorCorrection level)
    {
        var blocks = ErrorCorrectionBlocks.For(version, level);
        var bytes = ((blocks.DataCodewords * 8) - ByteModeSegment.BitLength(0, version)) / 8;
        return Math.Min(bytes, (1 << ByteModeSegment.CountIndicatorBits(version)) - 1);
    }

    private static int LeastPenaltyMask(ModuleMatrix unmasked, QrErrorCorrection level)
    {
        var best = 0;
        var bestPenalty = int.MaxValue;
        for (var mask = 0; mask < MaskPattern.Count; mask++)
        {
            var penalty = MaskPenalty.Score(Masked(unmasked, level, mask));
            if (penalty < bestPenalty)
            {
                (best, bestPenalty) = (mask, penalty);
            }
        }

        return best;
    }

    private static ModuleMatrix Masked(ModuleMatrix unmasked, QrErrorCorrection level, int mask)
    {
        var matrix = unmasked.Clone();
        MaskPattern.Apply(matrix, mask);
        FormatArea.Write(matrix, FormatInformation.Bits(level, mask));
        return matrix;
    }
}
