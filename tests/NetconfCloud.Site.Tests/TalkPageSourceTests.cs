using System.Xml.Linq;

namespace NetconfCloud.Site.Tests;

/// <summary>A talk's page links its page in the schedule it was imported from, first, as the file gives it.</summary>
public class TalkPageSourceTests
{
    [Fact]
    public void AFosdemTalksPageLinksItsPageOnFosdemOrgFirst()
    {
        var agenda = PageAgendas.Fosdem;
        var file = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml"));
        var published = file.Descendants("event").First(e => e.Element("links")?.Elements("link").Any() == true);
        var session = agenda.Sessions.Single(s => s.SourceGuid == (string)published.Attribute("guid")!);

        var page = PageAgendas.Parse(TalkPage.Render(agenda, session, Agendas.Options));

        var first = page.QuerySelector("#links li a")!;
        Assert.Equal((string)published.Element("url")!, first.GetAttribute("href"));
        Assert.Equal("This talk at fosdem.org", first.TextContent);
        var feedback = published.Element("feedback_url") is { Value.Length: > 0 } ? 1 : 0;
        var attachments = published.Element("attachments")?.Elements("attachment").Count() ?? 0;
        Assert.Equal(1 + feedback + published.Element("links")!.Elements("link").Count() + attachments, page.QuerySelectorAll("#links li a").Length);
    }
}
