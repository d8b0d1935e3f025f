using Microsoft.Playwright;
using NetconfCloud.Testing;

namespace NetconfCloud.Browser.Tests;

/// <summary>
/// Reads a QR code as a phone would see it: the browser draws the page's SVG to a canvas, and jsQR (an independent
/// decoder, from the repository's npm install) reads the pixels.
/// </summary>
internal static class JsQrInPage
{
    public static async Task<string?> ReadAsync(IPage page, string selector)
    {
        await page.AddScriptTagAsync(new() { Path = Repository.PathOf("node_modules", "jsqr", "dist", "jsQR.js") });
        return await page.EvaluateAsync<string?>("""
            async selector => {
              const svg = document.querySelector(selector);
              const source = new XMLSerializer().serializeToString(svg);
              const image = new Image();
              image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(source);
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = 600; canvas.height = 600;
              const context = canvas.getContext('2d');
              context.fillStyle = '#fff'; context.fillRect(0, 0, 600, 600);
              context.drawImage(image, 0, 0, 600, 600);
              const pixels = context.getImageData(0, 0, 600, 600);
              const code = jsQR(pixels.data, 600, 600);
              return code ? code.data : null;
            }
            """, selector);
    }
}
