using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NetconfCloud.QrCodes.Tests;

/// <summary>The SVG rendering: well-formed, sized by its viewBox, accessible, and drawing exactly the dark modules.</summary>
public sealed partial class SvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    [InlineData(2)]
    public void TheViewBoxIsTheSymbolWithItsQuietZone(int border)
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps);

        var root = XDocument.Parse(code.ToSvg(border)).Root!;

        var side = (code.Size + (2 * border)).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal($"0 0 {side} {side}", (string?)root.Attribute("viewBox"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Equal("crispEdges", (string?)root.Attribute("shape-rendering"));
        Assert.Null(root.Attribute("width"));
        Assert.Null(root.Attribute("height"));
        Assert.Single(root.Elements(Svg + "rect"));
        Assert.Single(root.Elements(Svg + "path"));
    }

    [Fact]
    public void ATitleIsEscapedAndBecomesTheAccessibleName()
    {
        const string title = "Subscribe to \"my agenda\" <Netconf 2015> & Jiří's talks";
        var code = QrCode.Encode(Texts.PersonalFeedWebcal);

        var root = XDocument.Parse(code.ToSvg(title: title)).Root!;

        Assert.Equal(title, root.Element(Svg + "title")?.Value);
        Assert.Equal(title, (string?)root.Attribute("aria-label"));
    }

    [Fact]
    public void WithoutATitleThereIsNoTitleOrLabel()
    {
        var root = XDocument.Parse(QrCode.Encode("x").ToSvg()).Root!;

        Assert.Null(root.Element(Svg + "title"));
        Assert.Null(root.Attribute("aria-label"));
    }

    [Fact]
    public void ANegativeBorderIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => QrCode.Encode("x").ToSvg(border: -1));

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public void ThePathDrawsExactlyTheDarkModules(int border)
    {
        var code = QrCode.Encode(Texts.NonAscii);

        var drawn = DrawnModules(code.ToSvg(border), code.Size, border);

        Assert.Equal(Modules.Of(code), drawn);
    }

    [Fact]
    public async Task WhatThePathDrawsDecodesWithJsQr()
    {
        var code = QrCode.Encode(Texts.PersonalFeedHttps);

        var decoded = await JsQr.DecodeAllAsync([DrawnModules(code.ToSvg(), code.Size, 4)]);

        Assert.Equal(Texts.PersonalFeedHttps, decoded[0]?.Data);
    }

    /// <summary>Fills a grid from the path's rectangles (M x,y h w v1 h−w z), shifted back by the quiet zone.</summary>
    private static bool[,] DrawnModules(string svg, int size, int border)
    {
        var d = (string)XDocument.Parse(svg).Root!.Element(Svg + "path")!.Attribute("d")!;
        var grid = new bool[size, size];
        var covered = 0;
        foreach (Match run in Run().Matches(d))
        {
            covered += run.Length;
            var x = int.Parse(run.Groups["x"].Value, CultureInfo.InvariantCulture) - border;
            var y = int.Parse(run.Groups["y"].Value, CultureInfo.InvariantCulture) - border;
            var width = int.Parse(run.Groups["w"].Value, CultureInfo.InvariantCulture);
            Assert.Equal(run.Groups["w"].Value, run.Groups["back"].Value);
            for (var i = 0; i < width; i++)
            {
                Assert.False(grid[x + i, y], $"({x + i}, {y}) drawn twice");
                grid[x + i, y] = true;
            }
        }

        Assert.Equal(d.Length, covered);
        return grid;
    }

    [GeneratedRegex(@"M(?<x>\d+),(?<y>\d+)h(?<w>\d+)v1h-(?<back>\d+)z")]
    private static partial Regex Run();
}
