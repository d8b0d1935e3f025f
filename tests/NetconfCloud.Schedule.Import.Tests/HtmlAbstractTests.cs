using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>Abstracts published as HTML (FOSDEM's) are imported as plain text; plain-text abstracts as they are.</summary>
public class HtmlAbstractTests
{
    private static readonly string[] Markup = ["<p>", "</p>", "</a>", "<a href", "<br", "<li>", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&nbsp;"];

    private static IncomingAgenda Imported(string file) =>
        ScheduleMapping.ToIncoming(TestSchedules.Document(file), Path.GetFileNameWithoutExtension(file), file).Agenda;

    private static IEnumerable<string> PublishedTexts(string file) =>
        TestSchedules.Document(file).Events.SelectMany(e => new[] { e.Abstract, e.Description }).OfType<string>();

    [Theory]
    [InlineData("fosdem-2026.xml")]
    [InlineData("fosdem-2007.xml")]
    public void NoImportedFosdemAbstractHoldsMarkup(string file)
    {
        Assert.Contains(PublishedTexts(file), t => t.Contains("<p>", StringComparison.Ordinal));

        var abstracts = Imported(file).Sessions.Select(s => s.Session.Abstract).ToArray();

        Assert.All(abstracts, a => Assert.DoesNotContain(Markup, m => a.Contains(m, StringComparison.OrdinalIgnoreCase)));
        Assert.All(Imported(file).Speakers, s => Assert.DoesNotContain(Markup, m => s.Speaker.Bio.Contains(m, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void AFosdemAbstractReadsAsText()
    {
        // fosdem-2026.xml, event 7392: <p>Given a large … network.</p>\n<ul>\n<li><a href="https://git.sakamoto.pl/servfail/servfail-sync">Repo</a></li>\n<li><a href="https://beta.servfail.network/">Project</a></li>\n</ul>
        var session = Imported("fosdem-2026.xml").Sessions.Single(s => s.Session.SourceGuid == "a090b4da-cbc4-55e5-961a-4b58828a6271").Session;

        Assert.Equal("Orchestrating PowerDNS deployments with servfail-sync", session.Title);
        Assert.Equal(
            "Given a large enough network of distributed nameservers, updating their configs and keeping all of them in sync becomes a highly error-prone activity. "
            + "The problems multiply when multiple sysadmins and different operating systems are involved. "
            + "We have created a low-complexity solution for syncing the NS configuration and keeping all servers aware of the current shape of the network.\n"
            + "\n"
            + "• Repo (https://git.sakamoto.pl/servfail/servfail-sync)\n"
            + "• Project (https://beta.servfail.network/)",
            session.Abstract);
    }

    [Fact]
    public void AFosdemAbstractWithEntitiesAndAnInlineLinkReadsAsText()
    {
        var session = Imported("fosdem-2026.xml").Sessions.Single(s => s.Session.Title == "Community moderation in Matrix").Session;

        Assert.Equal(
            "Policy servers (MSC4284 (https://github.com/matrix-org/matrix-spec-proposals/pull/4284)) are a new tool available to communities on Matrix to help reduce spam and other unwelcome content, but they aren't the only option. "
            + "Communities have a whole suite of tools available to them to keep their users safe, such as moderation bots and in-client safety features.\n"
            + "\n"
            + "In this talk, we'll cover the layers of Trust & Safety (T&S) tooling available to communities, how they work, and what harms they are typically best at mitigating. "
            + "We'll also demonstrate how to set up a policy server in your community, and discuss what they might be able to do in the future.",
            session.Abstract);
    }

    [Fact]
    public void The38C3AbstractsAreImportedAsPublishedSaveTheSixWithInlineMarkup()
    {
        // 38C3's descriptions are markdown-ish text; six of them also hold an <a href>, a <strong> or an &hellip;.
        string[] withMarkup =
        [
            "Personal check-in, emotional sharing [day 1]",
            "Gemeinwohlorientierte Forschung mit KI: Missbrauch eindämmen durch Zweckbindung für KI-Modelle",
            "Superpep the web! Let's build web experiences that don't make people puke.",
            "Chatbots im Schulunterricht!?",
            "[New time!: 22:00] Literaturabend / literature evening (reading short texts of any kind to each other, for enjoyment).",
            "Dancy playfight -- physical explorations between roughhousing and contact improvisation.",
        ];
        var published = TestSchedules.Document("38c3-hub.xml").Events.ToDictionary(
            e => e.Guid!.Value.ToString(),
            e => string.Join("\n\n", new[] { e.Abstract, e.Description }.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct()));

        var imported = Imported("38c3-hub.xml").Sessions.Select(s => s.Session).ToArray();

        Assert.Contains(published.Values, t => t.Contains("**", StringComparison.Ordinal) && t.Contains("](http", StringComparison.Ordinal));
        // A text over the limit is shortened, as it always was ("…" at the end).
        bool AsPublished(Session s) => s.Abstract == published[s.SourceGuid]
            || (published[s.SourceGuid].Length > SessionRules.MaxAbstractLength && published[s.SourceGuid].StartsWith(s.Abstract[..^1], StringComparison.Ordinal));
        Assert.Equal(withMarkup.Order(StringComparer.Ordinal), imported.Where(s => !AsPublished(s)).Select(s => s.Title).Order(StringComparer.Ordinal));
        Assert.All(imported.Where(s => withMarkup.Contains(s.Title)), s => Assert.Equal(published[s.SourceGuid].Split('\n').Length, s.Abstract.Split('\n').Length));
    }

    [Fact]
    public void A38C3DescriptionWithAnEntityKeepsItsMarkdownLines()
    {
        var session = Imported("38c3-hub.xml").Sessions.Single(s => s.Session.Title == "Personal check-in, emotional sharing [day 1]").Session;

        Assert.Contains("\n                    * Was fandest Du toll?\n                    * …\n\n", session.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain("&hellip;", session.Abstract, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fosdem-2026.xml")]
    [InlineData("fosdem-2007.xml")]
    public void AnImportedFosdemAbstractIsItsOwnText(string file)
    {
        // What our exports publish and a re-import of them reads back: the text must not be converted a second time.
        var abstracts = Imported(file).Sessions.Select(s => s.Session.Abstract);

        Assert.All(abstracts, a => Assert.Equal(a, HtmlText.ToPlainText(a)));
    }

    [Fact]
    public void AnAbstractIsShortenedAfterItsMarkupIsRemoved()
    {
        var words = string.Concat(Enumerable.Repeat("<p><strong>word</strong></p>", SessionRules.MaxAbstractLength / 10));
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <schedule>
              <conference><title>T</title><time_zone_name>Europe/Berlin</time_zone_name></conference>
              <day index="1" date="2024-12-27">
                <room name="Saal 1">
                  <event guid="77777777-0000-0000-0000-000000000007" id="7"><date>2024-12-27T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><room>Saal 1</room><title>Long</title>
                    <abstract>{System.Security.SecurityElement.Escape(words)}</abstract>
                  </event>
                </room>
              </day>
            </schedule>
            """;
        var document = TestSchedules.ReadText(xml).Document!;

        var (agenda, problems) = ScheduleMapping.ToIncoming(document, "t", "t.xml");

        Assert.True(document.Events[0].Abstract!.Length > SessionRules.MaxAbstractLength);
        Assert.Empty(problems);
        Assert.Equal(string.Join("\n\n", Enumerable.Repeat("word", SessionRules.MaxAbstractLength / 10)), agenda.Sessions[0].Session.Abstract);
    }
}
