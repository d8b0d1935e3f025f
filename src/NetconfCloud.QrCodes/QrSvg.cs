using System.Globalization;
using System.Text;

namespace NetconfCloud.QrCodes;

/// <summary>
/// Renders a symbol as compact SVG: one user unit per module, the quiet zone inside the <c>viewBox</c>, a white
/// background and the dark modules as a single path of horizontal runs (<c>M x,y h n v1 h −n z</c>).
/// </summary>
internal static class QrSvg
{
    public static string Render(QrCode code, int border, string? title)
    {
        var side = code.Size + (2 * border);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\"");
        if (title is not null)
        {
            svg.Append(" aria-label=\"").Append(Escape(title)).Append('"');
        }

        svg.Append(" shape-rendering=\"crispEdges\">");
        if (title is not null)
        {
            svg.Append("<title>").Append(Escape(title)).Append("</title>");
        }

        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        svg.Append("<path fill=\"#000\" d=\"").Append(DarkRuns(code, border)).Append("\"/>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Path data: for each row, each run of dark modules as one rectangle.</summary>
    private static string DarkRuns(QrCode code, int border)
    {
        var path = new StringBuilder();
        for (var y = 0; y < code.Size; y++)
        {
            var x = 0;
            while (x < code.Size)
            {
                if (!code[x, y])
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < code.Size && code[x, y])
                {
                    x++;
                }

                var run = x - start;
                path.Append(CultureInfo.InvariantCulture, $"M{start + border},{y + border}h{run}v1h-{run}z");
            }
        }

        return path.ToString();
    }

    /// <summary>Escapes text for an XML attribute value or element content.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
