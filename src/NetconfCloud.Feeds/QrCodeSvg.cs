using System.Xml.Linq;

using QRCoder;

namespace NetconfCloud.Feeds;

/// <summary>
/// A QR code as SVG, encoded and drawn by QRCoder: error correction level M, one user unit per module with the
/// four-module quiet zone inside the <c>viewBox</c> (the page's stylesheet gives it its size), a white background and
/// the dark modules as one path. It carries presentation attributes only (no <c>style</c>, no script), so that a page
/// can hold it inline under its Content-Security-Policy; <c>role="img"</c>, a title and an <c>aria-label</c> name it
/// for screen readers.
/// </summary>
public static class QrCodeSvg
{
    public static string Render(string text, string title)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        var svg = XElement.Parse(code.GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute));
        svg.SetAttributeValue("role", "img");
        svg.SetAttributeValue("aria-label", title);
        svg.AddFirst(new XElement(svg.Name.Namespace + "title", title));
        return svg.ToString(SaveOptions.DisableFormatting);
    }
}
