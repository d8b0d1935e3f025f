using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>The HTML of abstracts and descriptions as the plain text we store.</summary>
public class HtmlTextTests
{
    [Fact]
    public void ParagraphsAreSeparatedByOneBlankLine() =>
        Assert.Equal("First paragraph.\n\nSecond paragraph.", HtmlText.ToPlainText("<p>First paragraph.</p>\n<p>Second paragraph.</p>"));

    [Fact]
    public void WhiteSpaceWithinALineIsCollapsed() =>
        Assert.Equal("A long line broken by the editor.", HtmlText.ToPlainText("<p>  A long\n   line broken\tby the  editor. </p>"));

    [Fact]
    public void LineBreaksEndALine() =>
        Assert.Equal("Room H.1308\nBuilding H\n\nAfter a blank line", HtmlText.ToPlainText("Room H.1308<br>Building H<br/><br />After a blank line"));

    [Fact]
    public void DivsAndHeadingsStartLinesOfTheirOwn() =>
        Assert.Equal("Agenda\n\nOne\nTwo", HtmlText.ToPlainText("<h3>Agenda</h3><div>One</div><div>Two</div>"));

    [Fact]
    public void ListItemsAreBulletedLinesApartFromTheParagraphs() =>
        Assert.Equal(
            "We will cover:\n\n• what it is\n• how it works\n\nQuestions welcome.",
            HtmlText.ToPlainText("<p>We will cover:</p>\n<ul>\n<li>what it is</li>\n<li>how it works</li>\n</ul>\n<p>Questions welcome.</p>"));

    [Fact]
    public void OrderedListItemsAreNumberedFromTheirStart() =>
        Assert.Equal("1. install\n2. configure\n\n3. run", HtmlText.ToPlainText("<ol><li>install</li><li>configure</li></ol><ol start=\"3\"><li>run</li></ol>"));

    [Fact]
    public void NestedListsAreIndentedAndLooseItemsStayTight() =>
        Assert.Equal(
            "• Platforms\n  • Android\n  • Linux\n• Protocols",
            HtmlText.ToPlainText("<ul><li><p>Platforms</p><ul><li>Android</li><li>Linux</li></ul></li><li><p>Protocols</p></li></ul>"));

    [Fact]
    public void ALinkShowsItsAddressAfterItsText() =>
        Assert.Equal(
            "Policy servers (MSC4284 (https://github.com/matrix-org/matrix-spec-proposals/pull/4284)) are new.",
            HtmlText.ToPlainText("<p>Policy servers (<a href=\"https://github.com/matrix-org/matrix-spec-proposals/pull/4284\">MSC4284</a>) are new.</p>"));

    [Theory]
    [InlineData("<a href=\"https://parula.app\">https://parula.app</a>", "https://parula.app")]
    [InlineData("<a href=\"https://parula.app/\">parula.app</a>", "parula.app")]
    [InlineData("<a href=\"https://parula.app/\"><img src=\"logo.png\"></a>", "https://parula.app/")]
    public void ALinkWhoseTextIsItsAddressIsWrittenOnce(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Theory]
    [InlineData("<a href=\"javascript:alert(1)\">click</a> here", "click here")]
    [InlineData("<a href=\"mailto:devroom@example.org\">write to us</a>", "write to us")]
    [InlineData("<a href=\"/schedule/speaker/\">the speaker</a>", "the speaker")]
    [InlineData("<a>an anchor</a>", "an anchor")]
    public void OnlyHttpLinksKeepTheirAddress(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlainText(html));

    [Fact]
    public void EntitiesAreDecoded() =>
        Assert.Equal("Trust & Safety (T&S) for <T> – \"quoted\" and it's 5 €", HtmlText.ToPlainText("Trust &amp; Safety (T&amp;S) for &lt;T&gt; &ndash; &quot;quoted&quot; and it&#39;s 5 &#x20AC;"));

    [Fact]
    public void NestedInlineMarkupKeepsItsWordsAndSpaces() =>
        Assert.Equal("A very important and fast talk.", HtmlText.ToPlainText("<p>A <em>very <strong>important</strong></em> and <code>fast</code> talk.</p>"));

    [Fact]
    public void ScriptAndStyleContentIsDropped() =>
        Assert.Equal("Before\n\nAfter", HtmlText.ToPlainText("<p>Before</p><script>alert('x')</script><style>p { color: red }</style><p>After</p>"));

    [Fact]
    public void PreformattedTextKeepsItsLinesAndIndentation() =>
        Assert.Equal(
            "Run this:\n\nfn main() {\n    println!(\"<hi>\");\n}\n\nDone.",
            HtmlText.ToPlainText("<p>Run this:</p><pre><code>fn main() {\n    println!(\"&lt;hi&gt;\");\n}\n</code></pre><p>Done.</p>"));

    [Fact]
    public void TheTextHasNoBlankLinesAtEitherEnd() =>
        Assert.Equal("Only this.", HtmlText.ToPlainText("<p></p>\n<br>\n<p>Only this.</p>\n<p> </p><br>"));

    [Theory]
    [InlineData("a < b and b > c")]
    [InlineData("x -> y")]
    [InlineData("#include <stdio.h> and Vec<T>")]
    [InlineData("AT&T and R&D; & more")]
    [InlineData("  Markdown **bold** and [a link](https://example.org)\n\n- item one\n- item two  ")]
    [InlineData("")]
    public void PlainTextIsReturnedUntouched(string text)
    {
        Assert.False(HtmlText.LooksLikeHtml(text));
        Assert.Same(text, HtmlText.ToPlainText(text));
    }

    [Theory]
    [InlineData("<p>text</p>")]
    [InlineData("text</p>")]
    [InlineData("line<br/>line")]
    [InlineData("<a\nhref=\"https://example.org\">x</a>")]
    [InlineData("Q&amp;A")]
    [InlineData("it&#39;s")]
    [InlineData("&#x20AC;5")]
    public void MarkupIsRecognised(string text) => Assert.True(HtmlText.LooksLikeHtml(text));

    [Fact]
    public void TextWithOnlyInlineMarkupKeepsItsOwnLines() =>
        Assert.Equal(
            "Topics:\n\n  * one…\n  * two, **85%** interaction\n\nSee more (https://example.org)",
            HtmlText.ToPlainText("Topics:\n\n  * one&hellip;\n  * two, <strong>**85%**</strong> interaction\n\nSee <a href=\"https://example.org\">more</a>"));

    [Fact]
    public void ConvertingTheSameHtmlAgainGivesTheSameText()
    {
        const string html = "<p>Given <a href=\"https://example.org\">this</a>:</p><ul><li>one &amp; two</li></ul>";

        Assert.Equal(HtmlText.ToPlainText(html), HtmlText.ToPlainText(html));
    }
}
