using System.Text.Json;

namespace NetconfCloud.Testing;

/// <summary>
/// Reads a QR code from SVG as a phone's camera would: resvg (an SVG renderer we did not write) draws it and jsQR (a QR
/// decoder we did not write), both from the repository's npm install and run by Node, reads the pixels.
/// </summary>
public static class JsQr
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>What jsQR read, or null when it found no QR code in the drawn image.</returns>
    public static async Task<DecodedQrCode?> ReadSvgAsync(string svg)
    {
        var output = await NodeScript.RunAsync(Repository.PathOf("tests", "NetconfCloud.Testing", "jsqr", "decode-svg.mjs"), svg, "resvg or jsQR failed");
        return JsonSerializer.Deserialize<DecodedQrCode?>(output, Json);
    }
}

/// <summary>What jsQR read from a QR code: its text and symbol version (1 to 40).</summary>
public sealed record DecodedQrCode(string Data, int Version);
