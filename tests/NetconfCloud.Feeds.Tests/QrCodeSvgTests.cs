using System.Xml.Linq;

using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>The personal agenda's QR code as QRCoder draws it, read back by resvg and jsQR (neither of them ours).</summary>
public class QrCodeSvgTests
{
    private const string Webcal = "webcal://feeds.example.org/api/netconf-2015/my/abcdefghijklmnopqrstuvwxyz/calendar.ics";
    private const string Title = "QR code of your calendar's address";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task AWebcalAddressReadsBackAsItself()
    {
        var svg = QrCodeSvg.Render(Webcal, Title);

        var decoded = await JsQr.ReadSvgAsync(svg);

        Assert.Equal(Webcal, decoded?.Data);
    }

    [Fact]
    public async Task AnAddressOfTheLongestConferenceIdReadsBackAsItself()
    {
        var webcal = $"webcal://netconf-feeds-abcdefghijklm.azurewebsites.net/api/{new string('a', Schedule.Slug.MaxLength)}/my/abcdefghijklmnopqrstuvwxyz/calendar.ics";

        var decoded = await JsQr.ReadSvgAsync(QrCodeSvg.Render(webcal, Title));

        Assert.Equal(webcal, decoded?.Data);
    }

    [Fact]
    public void TheSvgHasNoStyleThatThePagesContentSecurityPolicyWouldBlock()
    {
        var svg = XElement.Parse(QrCodeSvg.Render(Webcal, Title));

        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null || e.Name.LocalName is "style" or "script");
        Assert.Equal("#000000", svg.Element(Svg + "path")?.Attribute("fill")?.Value);
    }

    [Fact]
    public void TheSvgIsAnImageNamedForScreenReaders()
    {
        var svg = XElement.Parse(QrCodeSvg.Render(Webcal, Title));

        Assert.Equal(("img", Title, Title), (svg.Attribute("role")?.Value, svg.Attribute("aria-label")?.Value, svg.Element(Svg + "title")?.Value));
    }

    [Fact]
    public void TheSvgScalesToItsBoxWithAFourModuleQuietZone()
    {
        var svg = XElement.Parse(QrCodeSvg.Render(Webcal, Title));

        var side = svg.Attribute("viewBox")!.Value.Split(' ')[2];
        Assert.Null(svg.Attribute("width"));
        Assert.Equal((side, side, "#ffffff"), (svg.Element(Svg + "rect")?.Attribute("width")?.Value, svg.Element(Svg + "rect")?.Attribute("height")?.Value, svg.Element(Svg + "rect")?.Attribute("fill")?.Value));
        Assert.StartsWith("M4 4h7v1h-7z", svg.Element(Svg + "path")!.Attribute("d")!.Value, StringComparison.Ordinal);
    }
}
