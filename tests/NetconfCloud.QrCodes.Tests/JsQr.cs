using System.Text;
using System.Text.Json;

using NetconfCloud.Testing;

namespace NetconfCloud.QrCodes.Tests;

/// <summary>
/// Decodes symbols with jsQR (a QR decoder from the repository's npm install) run by Node, so that our encoder is
/// checked by a decoder we did not write. One Node process decodes a whole batch.
/// </summary>
internal static class JsQr
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<DecodedQrCode?> DecodeAsync(QrCode code) => (await DecodeAllAsync([Modules.Of(code)]))[0];

    public static async Task<IReadOnlyList<DecodedQrCode?>> DecodeAllAsync(IEnumerable<QrCode> codes) =>
        await DecodeAllAsync(codes.Select(Modules.Of));

    /// <summary>Decodes module grids given directly (for symbols the tests have altered), true = dark.</summary>
    public static async Task<IReadOnlyList<DecodedQrCode?>> DecodeAllAsync(IEnumerable<bool[,]> grids)
    {
        var symbols = grids.Select(grid => new { size = grid.GetLength(0), modules = Encode(grid) }).ToList();
        var output = await RunAsync(JsonSerializer.Serialize(symbols));
        var results = JsonSerializer.Deserialize<List<DecodedQrCode?>>(output, Json) ?? throw new InvalidDataException("jsQR printed nothing");
        if (results.Count != symbols.Count)
        {
            throw new InvalidDataException($"jsQR answered {results.Count} times for {symbols.Count} symbols");
        }

        return results;
    }

    private static string Encode(bool[,] grid)
    {
        var size = grid.GetLength(0);
        var text = new StringBuilder(size * size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                text.Append(grid[x, y] ? '1' : '0');
            }
        }

        return text.ToString();
    }

    private static Task<string> RunAsync(string input) =>
        NodeScript.RunAsync(Repository.PathOf("tests", "NetconfCloud.QrCodes.Tests", "jsqr", "decode.mjs"), input, "jsQR failed");
}

/// <summary>What jsQR read from a symbol.</summary>
internal sealed record DecodedQrCode(string Data, int Version);

/// <summary>A symbol's modules as a grid indexed [x, y], true = dark.</summary>
internal static class Modules
{
    public static bool[,] Of(QrCode code)
    {
        var grid = new bool[code.Size, code.Size];
        for (var y = 0; y < code.Size; y++)
        {
            for (var x = 0; x < code.Size; x++)
            {
                grid[x, y] = code[x, y];
            }
        }

        return grid;
    }
}
