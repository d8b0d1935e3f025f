using System.Web;
using AngleSharp.Dom;
using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

public class PersonalAgendaPageTests
{
    private const string Id = "abcdefghijklmnopqrstuvwxyz";
    private const string Qr = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"qr-code\" viewBox=\"0 0 21 21\"><path d=\"M0 0h7v7H0z\"/></svg>";

    private static readonly AgendaSnapshot Netconf = PageAgendas.Netconf;

    private static readonly string[] Picked = [.. Netconf.Sessions.Where(s => s.IsTalk).OrderBy(s => s.Start).Select(s => s.Id).Where((_, i) => i % 5 == 0)];

    private static PersonalAgenda Picks => new(Id, "netconf-2015", Picked, Agendas.SeededAt, Agendas.SeededAt);

    private static IDocument Page(AgendaSnapshot? agenda = null) =>
        PageAgendas.Parse(PersonalAgendaPage.Render(agenda ?? Netconf, Picks, Agendas.Options, Qr));

    [Fact]
    public void ItIsHeadedByTheConferenceAndShowsExactlyThePickedTalksByDay()
    {
        var page = Page();

        Assert.Equal("Netconf 2015 — my agenda", Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        Assert.Equal(Picked.Select(p => $"picked-{p}").Order(), page.QuerySelectorAll("#picked li").Select(li => li.Id!).Order());
        Assert.Equal(Netconf.Conference.Days.Select(Conference.DayTitle), page.QuerySelectorAll("#picked h3").Select(h => h.TextContent));
    }

    [Fact]
    public void APickedTalkShowsItsCurrentLocalTimeAndACancelledOneSaysSo()
    {
        var moved = Netconf.Sessions.Single(s => s.Id == Picked[0]);
        var cancelled = Picked[1];
        var agenda = Netconf.With(moved.Id, s => s with { Start = s.Start.AddHours(1), End = s.End.AddHours(1) }, Agendas.SeededAt.AddDays(1))
            .With(cancelled, s => s with { Status = SessionStatus.Cancelled }, Agendas.SeededAt.AddDays(2));

        var page = Page(agenda);

        Assert.Equal(PageAgendas.Local(agenda, moved.Start.AddHours(1)), page.QuerySelector($"#picked-{moved.Id} time")!.TextContent);
        Assert.Contains("Cancelled", page.QuerySelector($"#picked-{cancelled}")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled", page.QuerySelector($"#picked-{moved.Id}")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubscribeLinksAreThoseOfItsOwnFeed()
    {
        var feed = PersonalAgendaRoutes.CalendarUrl(Agendas.Options, "netconf-2015", Id);

        var links = Page().QuerySelectorAll("#subscribe ul.subscribe-links a").Select(a => a.GetAttribute("href")!).ToArray();

        Assert.Equal(FeedUrls.Webcal(feed).AbsoluteUri, links[0]);
        Assert.Equal(FeedUrls.Webcal(feed).AbsoluteUri, HttpUtility.ParseQueryString(new Uri(links[1]).Query)["cid"]);
        Assert.Equal(feed.AbsoluteUri, HttpUtility.ParseQueryString(new Uri(links[2]).Query)["url"]);
        Assert.Equal("Netconf 2015 — my agenda", HttpUtility.ParseQueryString(new Uri(links[2]).Query)["name"]);
        Assert.Equal(feed.AbsoluteUri, links[4]);
    }

    [Fact]
    public void TheQrCodeIsInsertedAsGivenWithACaption()
    {
        var figure = Page().QuerySelector("figure.qr")!;

        Assert.NotNull(figure.QuerySelector("svg#qr-code path"));
        Assert.NotEmpty(figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void TheEditFormListsEveryTalkWithThePickedOnesChecked()
    {
        var form = Page().GetElementById("edit-agenda")!;

        Assert.Equal(("post", PersonalAgendaRoutes.PageUrl(Agendas.Options, "netconf-2015", Id).AbsolutePath), (form.GetAttribute("method"), form.GetAttribute("action")));
        var boxes = form.QuerySelectorAll("input[type=checkbox][name=session]").ToArray();
        Assert.Equal(Netconf.Sessions.Where(s => s.IsTalk).Select(s => s.Id).Order(), boxes.Select(b => b.GetAttribute("value")!).Order());
        Assert.Equal(Picked.Order(), boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")!).Order());
        var save = form.QuerySelector("button[name=action]")!;
        Assert.Equal(("save", "Save changes"), (save.GetAttribute("value"), save.TextContent));
    }

    [Fact]
    public void ASeparateFormRevokesIt()
    {
        var form = Page().GetElementById("revoke-agenda")!;

        Assert.Equal(PersonalAgendaRoutes.PageUrl(Agendas.Options, "netconf-2015", Id).AbsolutePath, form.GetAttribute("action"));
        var revoke = Assert.Single(form.QuerySelectorAll("button"));
        Assert.Equal(("action", "revoke", "Revoke this agenda"), (revoke.GetAttribute("name"), revoke.GetAttribute("value"), revoke.TextContent));
        Assert.Empty(form.QuerySelectorAll("input"));
    }

    [Fact]
    public void TheBodyTellsTheScriptWhereThisAgendaLivesAndThePageLinksBack()
    {
        var page = Page();

        Assert.Equal(PersonalAgendaRoutes.PageUrl(Agendas.Options, "netconf-2015", Id).AbsoluteUri, page.Body!.GetAttribute("data-my-agenda"));
        Assert.Equal("netconf-2015", page.Body.GetAttribute("data-conference"));
        Assert.Contains("/api/netconf-2015", page.QuerySelectorAll("header a").Select(a => a.GetAttribute("href")));
        Assert.Contains("only key", page.GetElementById("key")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryInputHasALabelAndNothingInlineIsScripted()
    {
        var page = Page();

        Assert.All(page.QuerySelectorAll("input"), input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("[style], style"));
    }
}

public class ConferenceIndexPageTests
{
    [Fact]
    public void EveryConferenceIsListedWithItsDatesCityAndALinkToItsPage()
    {
        var other = PageAgendas.Netconf.Conference with { Id = "netdev-0-1", Name = "Netdev 0.1", FullName = "Netdev 0.1 <Ottawa>", Days = [new(2015, 2, 14), new(2015, 2, 17)] };

        var page = PageAgendas.Parse(ConferenceIndexPage.Render([PageAgendas.Netconf.Conference, other], Agendas.Options));

        var items = page.QuerySelectorAll("main li").ToArray();
        Assert.Equal(["conference-netdev-0-1", "conference-netconf-2015"], items.Select(li => li.Id));
        Assert.Equal("Netdev 0.1 <Ottawa>", items[0].QuerySelector("a")!.TextContent);
        Assert.Equal("/api/netdev-0-1", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("12–13 February 2015 · Ottawa, Canada", items[1].QuerySelector("p")!.TextContent);
        Assert.Single(page.QuerySelectorAll("h1"));
    }
}
