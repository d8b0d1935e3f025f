using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NetconfCloud.Site;

/// <summary>
/// Encoding for HTML: every text that comes from an agenda or a setting passes through here. Letters of any script
/// are kept as they are (UTF-8 pages); markup characters, quotes and controls are escaped.
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text for element content.</summary>
    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>Text for a double-quoted attribute value (the same escaping: quotes included).</summary>
    public static string Attribute(string text) => Encoder.Encode(text);
}

/// <summary>
/// Builds a page into a <see cref="StringBuilder"/>: elements with encoded attributes, encoded text, and raw markup
/// only where the caller says so (our own fragments). Attributes with a null value are left out; an empty name
/// list writes a bare element.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder html;

    public HtmlWriter(int capacity = 16 * 1024) => html = new StringBuilder(capacity);

    public int Length => html.Length;

    /// <summary>Opens an element; attributes are name/value pairs, a null value leaves the attribute out, "" writes it bare.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                html.Append("=\"").Append(Html.Attribute(value)).Append('"');
            }
        }

        html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link: href and text encoded.</summary>
    public HtmlWriter Link(string href, string text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append("<a href=\"").Append(Html.Attribute(href)).Append('"');
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                html.Append(' ').Append(name);
                if (value.Length > 0)
                {
                    html.Append("=\"").Append(Html.Attribute(value)).Append('"');
                }
            }
        }

        html.Append('>').Append(Html.Encode(text)).Append("</a>");
        return this;
    }

    public HtmlWriter Text(string text)
    {
        html.Append(Html.Encode(text));
        return this;
    }

    /// <summary>Markup written as it is: only for our own fragments, never for agenda text.</summary>
    public HtmlWriter Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    /// <summary>A <c>time</c> element: the local instant in ISO 8601 with its offset, shown as <paramref name="language"/> writes a time of day.</summary>
    public HtmlWriter Time(DateTimeOffset local, SiteLanguage language) => TimeAs(local, language.TimeOfDay(local));

    /// <summary>A <c>time</c> element: the local instant in ISO 8601 with its offset, shown as <paramref name="shown"/>.</summary>
    public HtmlWriter TimeAs(DateTimeOffset local, string shown)
    {
        html.Append("<time datetime=\"").Append(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append("\">")
            .Append(Html.Encode(shown)).Append("</time>");
        return this;
    }

    /// <summary>A sentence of the texts with markup where it says <see cref="SiteTexts.When"/> (a time, mostly).</summary>
    public HtmlWriter Sentence(string text, Action<HtmlWriter> when)
    {
        var at = text.IndexOf(SiteTexts.When, StringComparison.Ordinal);
        if (at < 0)
        {
            return Text(text);
        }

        Text(text[..at]);
        when(this);
        return Text(text[(at + SiteTexts.When.Length)..]);
    }

    public override string ToString() => html.ToString();
}
