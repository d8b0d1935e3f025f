using System.Xml.Linq;
using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

/// <summary>The changes page and Atom feed as rendered from public changes: the FOSDEM import summarised, small versions listed.</summary>
public class ChangesRenderingTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The FOSDEM agenda as one import version (every session new), then a version that moves one talk.</summary>
    private static PublicChangePage FosdemImportedThenOneMove(out Session moved)
    {
        var agenda = PageAgendas.Fosdem;
        var import = PublicChanges.Summarise(1, agenda.Conference.AgendaUpdateTime, PublicChanges.Of(agenda.Sessions.Select(s => ((Session?)null, s))), PublicChanges.DefaultSessionsPerVersion)!;
        moved = agenda.Sessions.First(s => s.IsTalk);
        var move = PublicChanges.Summarise(2, agenda.Conference.AgendaUpdateTime.AddHours(1), [PublicChanges.Between(moved, moved with { Start = moved.Start.AddHours(1), End = moved.End.AddHours(1) })!], 20)!;
        return new PublicChangePage(2, move.Time, [move, import], 0);
    }

    [Fact]
    public void TheFeedOfAnImportIsOneEntryWithItsCountsAndAMoveIsAnEntryForItsTalk()
    {
        var changes = FosdemImportedThenOneMove(out var moved);

        var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(ChangesFeed.Render(PageAgendas.Fosdem, changes, Agendas.Options)));

        var entries = feed.Root!.Elements(Atom + "entry").ToArray();
        Assert.Equal(2, entries.Length);
        Assert.EndsWith($"/changes/2/{moved.Id}", entries[0].Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal($"Agenda version 1: {PageAgendas.Fosdem.Sessions.Count} new sessions", entries[1].Element(Atom + "title")!.Value);
        Assert.EndsWith("/changes#v1", entries[1].Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePageOfAnImportListsTwentySessionsAndSaysHowManyMore()
    {
        var changes = FosdemImportedThenOneMove(out _);

        var page = PageAgendas.Parse(ChangesPage.Render(PageAgendas.Fosdem, changes, isNewest: true, Agendas.Options));

        Assert.Equal([1, 20], page.QuerySelectorAll("section.change-version").Select(s => s.QuerySelectorAll("ul.changes li").Length));
        Assert.Equal($"and {PageAgendas.Fosdem.Sessions.Count - 20} more sessions, on the agenda.", page.QuerySelector("#v1 p.more")!.FirstChild!.TextContent.Trim());
        Assert.Contains("moved from", page.QuerySelector("#v2 li")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgendaWithNoChangesSaysSo()
    {
        var page = PageAgendas.Parse(ChangesPage.Render(PageAgendas.Netconf, new PublicChangePage(1, DateTimeOffset.UnixEpoch, [], 0), isNewest: true, Agendas.Options));

        Assert.Equal(ChangeTexts.English.Nothing, page.QuerySelector("main p")!.TextContent);
    }
}
