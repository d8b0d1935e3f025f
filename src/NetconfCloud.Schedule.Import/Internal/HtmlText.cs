using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NetconfCloud.Schedule.Import.Internal;

/// <summary>
/// The HTML that some schedules publish in abstracts and descriptions (FOSDEM's Pentabarf does: <c>&lt;p&gt;</c>,
/// lists, links, entities) as the plain text we store and publish. Text that does not look like HTML is returned as
/// it is, so plain-text and markdown-ish schedules import unchanged.
/// </summary>
/// <remarks>
/// The fragment is parsed with AngleSharp, as a browser would parse it inside a <c>&lt;body&gt;</c>, and its tree is
/// written out: paragraphs, headings, lists, <c>&lt;pre&gt;</c>, block quotes and tables are separated by one blank
/// line; list items, <c>&lt;div&gt;</c>, table rows and <c>&lt;br&gt;</c> end a line; list items begin with "• " (in an
/// ordered list "1. ", "2. " …, nested lists indented by two spaces); an http(s) link reads "text (url)" when its text
/// is not the address; white space is collapsed within a line except inside <c>&lt;pre&gt;</c>; script, style and
/// template content is dropped. The result has no blank line at its start or end. The same input always gives the
/// same output.
/// <para>
/// Text with no block element at all (no paragraph, line break, list, div…) is text with some inline markup or an
/// entity in it, as a few of 38C3's markdown descriptions have (an <c>&lt;a href&gt;</c>, a <c>&lt;strong&gt;</c>, an
/// <c>&amp;hellip;</c>): its author's own line breaks and spacing are kept, and only the markup is replaced.
/// </para>
/// </remarks>
internal static class HtmlText
{
    /// <summary>Element names that make a <c>&lt;name</c> in a text a tag rather than a comparison or a placeholder.</summary>
    private static readonly HashSet<string> HtmlElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "dd", "del", "dfn", "div", "dl",
        "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "samp", "script", "small", "span", "strike", "strong", "style", "sub", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
    };

    /// <summary>Elements that stand apart from the text around them by a blank line.</summary>
    private static readonly HashSet<string> Paragraphs = new(StringComparer.Ordinal)
    {
        "P", "H1", "H2", "H3", "H4", "H5", "H6", "PRE", "BLOCKQUOTE", "TABLE", "DL", "HR", "FIGURE", "ADDRESS",
        "ARTICLE", "SECTION", "ASIDE", "HEADER", "FOOTER", "NAV", "MAIN", "DETAILS", "FIELDSET",
    };

    /// <summary>Elements that begin and end a line of their own.</summary>
    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal) { "DIV", "LI", "TR", "DT", "DD", "CAPTION", "SUMMARY", "FIGCAPTION" };

    /// <summary>Elements whose content is not text for a reader.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal) { "SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "HEAD", "TITLE", "IFRAME", "OBJECT", "SVG", "MATH" };

    /// <summary>
    /// Whether <paramref name="text"/> holds markup: a tag of a known HTML element (<c>&lt;p&gt;</c>, <c>&lt;a href=…&gt;</c>,
    /// <c>&lt;/em&gt;</c>, <c>&lt;br/&gt;</c>) or a character reference (<c>&amp;amp;</c>, <c>&amp;#39;</c>). A lone
    /// "a &lt; b", "x -&gt; y", "&lt;stdio.h&gt;" or "AT&amp;T" is not.
    /// </summary>
    public static bool LooksLikeHtml(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] == '<' && IsTagAt(text, i)) || (text[i] == '&' && IsCharacterReferenceAt(text, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="text"/> as plain text when it <see cref="LooksLikeHtml">looks like HTML</see>; otherwise the
    /// same string, untouched.
    /// </summary>
    public static string ToPlainText(string text)
    {
        if (!LooksLikeHtml(text))
        {
            return text;
        }

        var parser = new HtmlParser();
        var body = parser.ParseDocument(string.Empty).Body!;
        var nodes = parser.ParseFragment(text, body);
        var hasBlocks = nodes.OfType<IElement>().Any(e => IsBlock(e) || e.Descendants<IElement>().Any(IsBlock));
        var writer = new Writer(keepWhiteSpace: !hasBlocks);
        foreach (var node in nodes)
        {
            Write(node, writer, 0);
        }

        return writer.ToString();
    }

    private static bool IsBlock(IElement e)
    {
        var name = e.LocalName.ToUpperInvariant();
        return Paragraphs.Contains(name) || Lines.Contains(name) || name is "BR" or "UL" or "OL" or "TD" or "TH";
    }

    private static void Write(INode node, Writer writer, int listDepth)
    {
        switch (node)
        {
            case IText t:
                writer.Text(t.Data);
                return;
            case IElement e:
                WriteElement(e, writer, listDepth);
                return;
            default:
                return;
        }
    }

    private static void WriteElement(IElement e, Writer writer, int listDepth)
    {
        var name = e.LocalName.ToUpperInvariant();
        if (Dropped.Contains(name))
        {
            return;
        }

        switch (name)
        {
            case "BR":
                writer.LineBreak();
                return;
            case "PRE":
                writer.Break(2);
                writer.Preformatted(e.TextContent);
                writer.Break(2);
                return;
            case "UL" or "OL":
                WriteList(e, writer, listDepth);
                return;
            case "A":
                WriteLink(e, writer, listDepth);
                return;
            case "TD" or "TH":
                writer.Space();
                WriteChildren(e, writer, listDepth);
                writer.Space();
                return;
            default:
                break;
        }

        // Inside a list item a paragraph is a line: a "loose" list is written as tightly as any other.
        var breaks = Paragraphs.Contains(name) ? (listDepth > 0 ? 1 : 2) : Lines.Contains(name) ? 1 : 0;
        writer.Break(breaks);
        WriteChildren(e, writer, listDepth);
        writer.Break(breaks);
    }

    private static void WriteChildren(IElement e, Writer writer, int listDepth)
    {
        foreach (var child in e.ChildNodes)
        {
            Write(child, writer, listDepth);
        }
    }

    /// <summary>Items on lines of their own, each with its bullet or number; a list inside an item is indented.</summary>
    private static void WriteList(IElement list, Writer writer, int listDepth)
    {
        var ordered = list.LocalName == "ol";
        var number = ordered && int.TryParse(list.GetAttribute("start"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var start) ? start : 1;
        writer.Break(listDepth == 0 ? 2 : 1);
        foreach (var child in list.ChildNodes)
        {
            if (child is IElement { LocalName: "li" } item)
            {
                writer.Break(1);
                writer.Prefix(new string(' ', 2 * listDepth) + (ordered ? string.Create(CultureInfo.InvariantCulture, $"{number++}. ") : "• "));
                WriteChildren(item, writer, listDepth + 1);
                writer.Break(1);
            }
            else
            {
                Write(child, writer, listDepth + 1);
            }
        }

        writer.Break(listDepth == 0 ? 2 : 1);
    }

    /// <summary>The link's text, then its address in parentheses when it is an http(s) address the text does not already show.</summary>
    private static void WriteLink(IElement a, Writer writer, int listDepth)
    {
        WriteChildren(a, writer, listDepth);
        var shown = string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var href = a.GetAttribute("href")?.Trim();
        if (href is null
            || !Uri.TryCreate(href, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || Shows(shown, href))
        {
            return;
        }

        if (shown.Length == 0)
        {
            writer.Text(href);
        }
        else
        {
            writer.Space();
            writer.Text($"({href})");
        }
    }

    /// <summary>Whether a link's text is its address, give or take the scheme and a final slash.</summary>
    private static bool Shows(string shown, string href)
    {
        static string Bare(string s)
        {
            var t = s.Trim().TrimEnd('/');
            foreach (var scheme in (ReadOnlySpan<string>)["https://", "http://"])
            {
                if (t.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return t[scheme.Length..];
                }
            }

            return t;
        }

        return shown.Length > 0 && string.Equals(Bare(shown), Bare(href), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>&lt;name</c> or <c>&lt;/name</c> of a known element, ended by white space, <c>/</c> or <c>&gt;</c>, with a <c>&gt;</c> later on.</summary>
    private static bool IsTagAt(string text, int at)
    {
        var i = at + 1;
        if (i < text.Length && text[i] == '/')
        {
            i++;
        }

        var nameStart = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(text[nameStart]) || i == text.Length)
        {
            return false;
        }

        var end = text[i];
        return (end == '>' || end == '/' || char.IsWhiteSpace(end))
            && HtmlElements.Contains(text[nameStart..i])
            && text.IndexOf('>', i) >= 0;
    }

    /// <summary><c>&amp;name;</c> of an entity that decodes, or <c>&amp;#123;</c> / <c>&amp;#x1F;</c>.</summary>
    private static bool IsCharacterReferenceAt(string text, int at)
    {
        var semicolon = text.IndexOf(';', at + 1);
        if (semicolon < 0 || semicolon - at > 32 || semicolon == at + 1)
        {
            return false;
        }

        var name = text.AsSpan(at + 1, semicolon - at - 1);
        if (name[0] == '#')
        {
            var number = name[1..];
            return number is ['x' or 'X', .. var hex] ? hex.Length > 0 && All(hex, char.IsAsciiHexDigit) : number.Length > 0 && All(number, char.IsAsciiDigit);
        }

        if (!char.IsAsciiLetter(name[0]) || !All(name, char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        var reference = text[at..(semicolon + 1)];
        return WebUtility.HtmlDecode(reference) != reference;
    }

    private static bool All(ReadOnlySpan<char> chars, Func<char, bool> test)
    {
        foreach (var ch in chars)
        {
            if (!test(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Plain text written a piece at a time: runs of white space become one space, line breaks asked for are written
    /// only before the next text (the most asked for wins), so that no line ends or begins with spaces and the text
    /// neither begins nor ends with a blank line. With <paramref name="keepWhiteSpace"/> the text's own white space is
    /// written as it is.
    /// </summary>
    private sealed class Writer(bool keepWhiteSpace)
    {
        private readonly StringBuilder text = new();
        private int pendingBreaks;
        private bool pendingSpace;
        private string pendingPrefix = "";

        /// <summary>End the line (1) or the paragraph (2) before the next text.</summary>
        public void Break(int lines)
        {
            if (lines == 0)
            {
                return;
            }

            pendingBreaks = Math.Max(pendingBreaks, lines);
            pendingSpace = false;
        }

        /// <summary>A <c>&lt;br&gt;</c>: one more line break than asked for so far, up to one blank line.</summary>
        public void LineBreak()
        {
            pendingBreaks = Math.Min(pendingBreaks + 1, 2);
            pendingSpace = false;
        }

        /// <summary>Words on either side are kept apart.</summary>
        public void Space() => pendingSpace = true;

        /// <summary>Written at the start of the line that the next text begins (a bullet, a number).</summary>
        public void Prefix(string prefix) => pendingPrefix = prefix;

        /// <summary>Text of the HTML's flow: white space collapsed.</summary>
        public void Text(string data)
        {
            if (keepWhiteSpace)
            {
                if (pendingSpace && data.Length > 0 && !char.IsWhiteSpace(data[0]) && text.Length > 0 && !char.IsWhiteSpace(text[^1]))
                {
                    text.Append(' ');
                }

                pendingSpace = false;
                text.Append(data);
                return;
            }

            var start = 0;
            for (var i = 0; i <= data.Length; i++)
            {
                if (i == data.Length || char.IsWhiteSpace(data[i]))
                {
                    if (i > start)
                    {
                        Word(data.AsSpan(start, i - start));
                    }

                    if (i < data.Length)
                    {
                        pendingSpace = true;
                    }

                    start = i + 1;
                }
            }
        }

        /// <summary>The text of a <c>&lt;pre&gt;</c>: lines and spaces as they are, without blank lines at either end.</summary>
        public void Preformatted(string data)
        {
            var lines = data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
            if (first < 0)
            {
                return;
            }

            var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
            StartWriting();
            text.Append(string.Join('\n', lines[first..(last + 1)].Select(l => l.TrimEnd())));
        }

        private void Word(ReadOnlySpan<char> word)
        {
            if (pendingSpace && pendingBreaks == 0 && text.Length > 0 && text[^1] != '\n' && pendingPrefix.Length == 0)
            {
                text.Append(' ');
            }

            StartWriting();
            text.Append(word);
        }

        /// <summary>The line breaks and prefix asked for, before text is written.</summary>
        private void StartWriting()
        {
            if (pendingBreaks > 0 && text.Length > 0)
            {
                text.Append('\n', pendingBreaks);
            }

            text.Append(pendingPrefix);
            pendingBreaks = 0;
            pendingSpace = false;
            pendingPrefix = "";
        }

        public override string ToString() => keepWhiteSpace ? text.ToString().Trim() : text.ToString();
    }
}
