using System.Globalization;
using AngleSharp.Dom;
using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

public class ConferencePageTests
{
    private static readonly AgendaSnapshot Netconf = PageAgendas.Netconf;

    private static IDocument Page(AgendaSnapshot? agenda = null) => PageAgendas.Page(agenda ?? Netconf);

    [Fact]
    public void ThePageHasOneHeaderMainAndFooterNavigationByDayAndASkipLinkToMain()
    {
        var page = Page();

        Assert.Single(page.QuerySelectorAll("header"));
        Assert.Equal(["Language", "Days"], page.QuerySelectorAll("nav").Select(n => n.GetAttribute("aria-label")));
        Assert.Equal("main", Assert.Single(page.QuerySelectorAll("main")).Id);
        Assert.Single(page.QuerySelectorAll("footer"));
        Assert.Equal("#main", page.QuerySelector("body > a.skip")!.GetAttribute("href"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"{Netconf.Conference.FullName}: {Conference.DayTitle(Netconf.Conference.Days[0])}", page.Title);
    }

    [Fact]
    public void TheOnlyH1IsTheConferencesFullName() =>
        Assert.Equal(Netconf.Conference.FullName, Assert.Single(Page().QuerySelectorAll("h1")).TextContent);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HeadingsNeverSkipALevel(bool twoRooms)
    {
        var levels = Page(twoRooms ? PageAgendas.TwoRooms : Netconf).QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToArray();

        Assert.Equal(1, levels[0]);
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} then h{pair.Second}"));
    }

    [Fact]
    public void EachDayHasAPageTitledByTheDayHoldingItsSessionsInTheConferencesZoneAndLinkingTheOtherDays()
    {
        var zone = Netconf.Conference.TimeZone;

        foreach (var day in Netconf.Conference.Days)
        {
            var page = PageAgendas.Day(Netconf, day);
            var section = page.GetElementById($"day-{day:yyyy-MM-dd}")!;
            Assert.Equal(Conference.DayTitle(day), section.QuerySelector("h2")!.TextContent);
            var expected = Netconf.Sessions.Where(s => zone.DayOf(s.Start) == day).Select(s => $"session-{s.Id}").Order();
            Assert.Equal(expected, page.QuerySelectorAll("article.session").Select(a => a.Id!).Order());
            Assert.Equal(Netconf.Conference.Days.Select(d => $"/api/netconf-2015?day={d:yyyy-MM-dd}"), page.QuerySelectorAll("nav.days a").Select(a => a.GetAttribute("href")));
            Assert.Equal($"/api/netconf-2015?day={day:yyyy-MM-dd}", page.QuerySelector("nav.days a[aria-current=page]")!.GetAttribute("href"));
        }
    }

    [Fact]
    public void TheFirstTalkShowsItsStartInLocalTimeWithTheOffsetInItsDatetime()
    {
        var first = Netconf.Sessions.OrderBy(s => s.Start).First();
        var local = Netconf.Conference.TimeZone.ToLocal(first.Start);

        var time = Page().QuerySelector($"#session-{first.Id} .m time")!;

        Assert.Equal(local.ToString("HH:mm", CultureInfo.InvariantCulture), time.TextContent);
        Assert.NotEqual(first.Start.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture), time.TextContent);
        Assert.Equal(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), time.GetAttribute("datetime"));
        Assert.Equal(first.Start, DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TheHeaderSaysTheAgendasVersionAndWhenItLastChangedNotTheSourcesStatusText()
    {
        var agenda = Netconf with { Conference = Netconf.Conference with { AgendaStatus = "Version latest", AgendaVersion = 12, AgendaUpdateTime = new DateTimeOffset(2015, 2, 10, 19, 5, 0, TimeSpan.Zero) } };

        var status = Page(agenda).QuerySelector("header .status")!;

        Assert.Equal("Agenda version 12, last changed Tuesday 10 February 2015 at 14:05 (Ottawa time).", status.TextContent);
        Assert.Equal("2015-02-10T14:05:00-05:00", status.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.DoesNotContain("Version latest", Page(agenda).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheZoneIsNamedOnceNearTheTopWithItsOffset()
    {
        var note = Page().QuerySelector("header .zone")!.TextContent;

        Assert.Equal("Times are Ottawa time (America/Toronto, UTC−05:00), 24-hour clock.", note);
    }

    [Fact]
    public void EverySessionIsOnTheDayPagesExactlyOnce()
    {
        var ids = PageAgendas.Days(Netconf).SelectMany(p => p.QuerySelectorAll("article.session")).Select(a => a.Id).ToArray();

        Assert.Equal(Netconf.Sessions.Select(s => $"session-{s.Id}").Order(), ids.Order());
    }

    [Fact]
    public void TheTalkWithTwoSpeakersNamesBothAndLinksToItsOwnPage()
    {
        var talk = Netconf.Sessions.Single(s => s.Speakers.Count == 2);

        var article = Find(Netconf, talk.Id);

        Assert.Contains($"{talk.Speakers[0].Name} and {talk.Speakers[1].Name}", article.QuerySelector(".m")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/api/netconf-2015/sessions/{talk.Id}", article.QuerySelector("h3 a")!.GetAttribute("href"));
    }

    [Fact]
    public void TheTalkWithoutATitleIsHeadedByWhoGivesIt()
    {
        var talk = Netconf.Sessions.Single(s => s.IsTalk && !s.HasTitle);

        Assert.Equal(FeedText.Summary(talk), Find(Netconf, talk.Id).QuerySelector("h3")!.TextContent);
    }

    [Fact]
    public void BreaksAndMealsAreShownButCannotBePickedNorOpened()
    {
        var breaks = Netconf.Sessions.Where(s => !s.IsTalk).ToArray();

        Assert.NotEmpty(breaks);
        Assert.All(breaks, b =>
        {
            var article = Find(Netconf, b.Id);
            Assert.Contains(b.Kind == SessionKind.Break ? "break" : "meal", article.ClassList);
            Assert.Empty(article.QuerySelectorAll("input[type=checkbox], a"));
        });
    }

    [Fact]
    public void EveryScheduledTalkHasACheckboxOfTheMyAgendaFormInsideItsLabel()
    {
        var pages = PageAgendas.Days(Netconf);
        var talks = Netconf.Sessions.Where(s => s.IsTalk).ToArray();

        var boxes = pages.SelectMany(p => p.QuerySelectorAll("article input[type=checkbox]")).ToArray();

        Assert.Equal(talks.Select(t => t.Id).Order(), boxes.Select(b => b.GetAttribute("value")!).Order());
        Assert.All(boxes, b =>
        {
            Assert.Equal("my-agenda", b.GetAttribute("form"));
            Assert.Equal("session", b.GetAttribute("name"));
            Assert.Equal($"pick-{b.GetAttribute("value")}", b.Id);
            Assert.Equal("label", b.ParentElement!.LocalName);
            Assert.Equal("Pick", b.ParentElement!.TextContent.Trim());
        });
    }

    [Fact]
    public void TheMyAgendaFormPostsToThePersonalAgendaRoute()
    {
        var page = Page();

        var form = page.GetElementById("my-agenda")!;

        Assert.Equal("form", form.LocalName);
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(PersonalAgendaRoutes.CreateUrl(Agendas.Options, "netconf-2015").AbsolutePath, form.GetAttribute("action"));
        Assert.Equal("Make my calendar", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.True(page.GetElementById("my-agenda-existing")!.HasAttribute("hidden"));
    }

    [Fact]
    public void ACancelledTalkSaysSoInTextAndCannotBePicked()
    {
        var talk = Netconf.Sessions.First(s => s.IsTalk && s.HasTitle);
        var agenda = Netconf.With(talk.Id, s => s with { Status = SessionStatus.Cancelled }, Agendas.SeededAt.AddDays(1));

        var article = Find(agenda, talk.Id);

        Assert.Contains("cancelled", article.ClassList);
        Assert.Equal("Cancelled", article.QuerySelector(".cancelled-note")!.TextContent.Trim());
        Assert.Equal(talk.Title, article.QuerySelector("h3")!.TextContent);
        Assert.Empty(article.QuerySelectorAll("input[type=checkbox]"));
    }

    [Fact]
    public void SeveralRoomsAreColumnsWithRoomAndTimeHeadersForEverySession()
    {
        var agenda = PageAgendas.TwoRooms;
        var count = 0;

        foreach (var day in agenda.Conference.Days)
        {
            var table = PageAgendas.Day(agenda, day).QuerySelector($"#day-{day:yyyy-MM-dd} table.grid")!;
            var columns = table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ToArray();
            Assert.Equal(["Time", "Hall A", "Hall B"], columns);
            foreach (var (article, column, time) in GridPlaces(table))
            {
                var session = agenda.Sessions.Single(s => $"session-{s.Id}" == article.Id);
                Assert.Equal(PageAgendas.Local(agenda, session.Start), time);
                Assert.Equal(session.RoomId.Length == 0 ? null : agenda.Conference.Rooms.Single(r => r.Id == session.RoomId).Name, column);
                count++;
            }
        }

        Assert.Equal(agenda.Sessions.Count, count);
    }

    [Fact]
    public void EveryFosdemTalkIsInItsRoomsColumnAtItsStartRowEvenBehindEmptyCells()
    {
        var agenda = PageAgendas.Fosdem;
        var rooms = agenda.Conference.Rooms.ToDictionary(r => r.Id, r => r.Name);
        var placed = 0;

        foreach (var page in PageAgendas.Days(agenda))
        {
            foreach (var table in page.QuerySelectorAll("table.grid"))
            {
                foreach (var (article, column, time) in GridPlaces(table))
                {
                    var session = agenda.Sessions.Single(s => $"session-{s.Id}" == article.Id);
                    Assert.Equal((session.Id, rooms[session.RoomId], PageAgendas.Local(agenda, session.Start)), (session.Id, column, time));
                    placed++;
                }
            }
        }

        Assert.Equal(agenda.Sessions.Count, placed);
    }

    /// <summary>
    /// Each card of a grid with the heading of the column it stands in and the time of its row, worked out as a browser
    /// lays a table out (rowspan and colspan honoured), not from our own room attribute.
    /// </summary>
    private static IEnumerable<(IElement Article, string? Column, string Time)> GridPlaces(IElement table)
    {
        var headings = table.QuerySelectorAll("thead th").Select(th => th.TextContent).ToArray();
        var taken = new Dictionary<(int Row, int Column), bool>();
        var rows = table.QuerySelectorAll("tbody tr").ToArray();
        for (var r = 0; r < rows.Length; r++)
        {
            var time = rows[r].QuerySelector("th[scope=row]")!.TextContent;
            var c = 1;
            foreach (var cell in rows[r].QuerySelectorAll("td"))
            {
                while (taken.ContainsKey((r, c)))
                {
                    c++;
                }

                var span = int.Parse(cell.GetAttribute("rowspan") ?? "1", CultureInfo.InvariantCulture);
                var across = int.Parse(cell.GetAttribute("colspan") ?? "1", CultureInfo.InvariantCulture);
                for (var i = 0; i < span; i++)
                {
                    for (var j = 0; j < across; j++)
                    {
                        taken[(r + i, c + j)] = true;
                    }
                }

                foreach (var article in cell.QuerySelectorAll("article.session"))
                {
                    yield return (article, across > 1 ? null : headings[c], time);
                }

                c += across;
            }

            Assert.True(c <= headings.Length, $"row {time} has more cells than the {headings.Length - 1} rooms");
        }
    }

    [Fact]
    public void OneRoomOrNoneIsAListNotAGrid()
    {
        var pages = PageAgendas.Days(Netconf);

        Assert.All(pages, page => Assert.Empty(page.QuerySelectorAll("table.grid")));
        Assert.Equal(Netconf.Sessions.Count, pages.Sum(page => page.QuerySelectorAll("ol.agenda > li > article.session").Length));
        Assert.All(pages, page => Assert.Null(page.GetElementById("rooms")));
        Assert.All(pages, page => Assert.Null(page.GetElementById("tracks")));
    }

    [Fact]
    public void ATrackIsNamedOnItsTalksAndBesideItsColourSwatchInTheTrackList()
    {
        var agenda = PageAgendas.TwoRooms;
        var talk = agenda.Sessions.First(s => s.TrackId == "wireless");

        var page = Page(agenda);

        Assert.EndsWith("Wireless", Find(agenda, talk.Id).QuerySelector(".m")!.TextContent, StringComparison.Ordinal);
        var entry = page.GetElementById("track-wireless")!;
        Assert.Equal("/api/netconf-2015?track=wireless", entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("#ff7f0e", entry.QuerySelector("svg rect")!.GetAttribute("fill"));
        Assert.Equal("true", entry.QuerySelector("svg")!.GetAttribute("aria-hidden"));
    }

    public static TheoryData<FeedKind, string> Feeds => new()
    {
        { FeedKind.Day, "2015-02-13" },
        { FeedKind.Room, "hall-b" },
        { FeedKind.Track, "kernel" },
    };

    [Fact]
    public void TheWholeEventsSubscribeLinksAreExact()
    {
        var agenda = PageAgendas.TwoRooms;
        var key = FeedKey.Parse(FeedKind.Event, agenda.Conference.Id, "");
        var expected = SubscribeLinks.For(Agendas.Options, key, agenda.Select(FeedKind.Event).Title);

        var page = Page(agenda);
        var links = page.QuerySelector("#subscribe ul.subscribe-links")!.QuerySelectorAll("a").ToArray();

        Assert.Equal(
            [expected.Webcal.AbsoluteUri, expected.Google.AbsoluteUri, expected.Outlook.AbsoluteUri, expected.Apple.AbsoluteUri, expected.Download.AbsoluteUri],
            links.Select(a => a.GetAttribute("href")));
        Assert.True(links[4].HasAttribute("download"));
        Assert.Equal(expected.Https.AbsoluteUri, page.QuerySelector("#subscribe .copy-url input")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public void EachDayRoomAndTrackLinksItsCalendarsSubscribePage(FeedKind kind, string argument)
    {
        var agenda = PageAgendas.TwoRooms;
        var key = FeedKey.Parse(kind, agenda.Conference.Id, argument);
        var page = kind == FeedKind.Day ? PageAgendas.Day(agenda, DateOnly.Parse(argument, CultureInfo.InvariantCulture)) : Page(agenda);
        var holder = kind == FeedKind.Day ? $"#day-{argument} p.add" : $"#{kind.ToString().ToLowerInvariant()}-{argument}";

        var hrefs = page.QuerySelector(holder)!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToArray();

        Assert.Contains(PageRoutes.SubscribePath(Agendas.Options, key), hrefs);
    }

    [Fact]
    public void TheFosdemDayPagesHaveEveryTalkWithItsPickAndALinkToItsPageAndNothingFolded()
    {
        var agenda = PageAgendas.Fosdem;
        var pages = PageAgendas.Days(agenda);
        var talks = agenda.Sessions.Where(s => s.IsTalk).ToArray();

        Assert.Equal(agenda.Sessions.Count, pages.Sum(p => p.QuerySelectorAll("table.grid article.session").Length));
        Assert.All(pages, p => Assert.Empty(p.QuerySelectorAll("details, #speakers, p.add article")));
        var links = pages.SelectMany(p => p.QuerySelectorAll("article.session h3 a")).Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.All(talks, t => Assert.Contains($"/api/fosdem-2026/sessions/{t.Id}", links));
        var picks = pages.SelectMany(p => p.QuerySelectorAll("article.session label.pick > input[form=my-agenda]")).Select(i => i.GetAttribute("value")).ToHashSet();
        Assert.All(talks.Where(t => t.Status == SessionStatus.Scheduled), t => Assert.Contains(t.Id, picks));
    }

    [Fact]
    public void TheAndroidAdviceIsOnThePage() =>
        Assert.Contains("Other calendars → From URL", Page().GetElementById("android")!.TextContent, StringComparison.Ordinal);

    [Fact]
    public void TextFromTheAgendaIsEncoded()
    {
        const string Title = "<script>alert(\"x\")</script> & 'quotes' <b>bold</b>";
        var talk = Netconf.Sessions.First(s => s.IsTalk && s.HasTitle);
        var agenda = Netconf.With(talk.Id, s => s with { Title = Title, Abstract = "<img src=x onerror=alert(1)>" }, Agendas.SeededAt.AddDays(1));

        var page = PageAgendas.Talk(agenda, talk.Id);

        Assert.Equal(Title, Find(agenda, talk.Id).QuerySelector("h3")!.TextContent);
        Assert.Equal(Title, PageAgendas.Talk(agenda, talk.Id).QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("b, img"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void NoInlineScriptStyleOrEventHandlerForTheContentSecurityPolicy(bool twoRooms)
    {
        var page = Page(twoRooms ? PageAgendas.TwoRooms : Netconf);

        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && s.TextContent.Length == 0));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void StylesheetAndScriptAreOurOwnWithNoOtherHost()
    {
        var page = Page(PageAgendas.TwoRooms);

        var sources = page.QuerySelectorAll("link[rel=stylesheet], script[src], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToArray();

        Assert.Equal(["/api/assets/site.css", "/api/assets/picks.js"], sources);
        Assert.Equal("data:,", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.Equal("/api/assets/manifest.webmanifest", page.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
        Assert.All(sources, s => Assert.False(s.StartsWith("//", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryInputAndSelectHasALabel(bool twoRooms)
    {
        var page = Page(twoRooms ? PageAgendas.TwoRooms : Netconf);

        Assert.All(page.QuerySelectorAll("input, select"), input =>
            Assert.True(page.QuerySelector($"label[for='{input.Id}']") is not null || input.ParentElement!.LocalName == "label", input.Id));
    }

    [Fact]
    public void IdsAreUnique()
    {
        var ids = Page(PageAgendas.TwoRooms).QuerySelectorAll("[id]").Select(e => e.Id).ToArray();

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void SponsorsAreGroupedByTierInTheOrderTiersFirstAppear()
    {
        var agenda = Netconf with
        {
            Sponsors = [new("b", "Beta", "", 2) { Tier = "Gold" }, new("a", "Alpha", "", 1) { Tier = "Platinum" }, new("c", "Gamma", "a tagline", 3) { Tier = "Gold" }],
        };

        var section = Page(agenda).GetElementById("sponsors")!;

        Assert.Equal(["Platinum", "Gold"], section.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Equal(["Alpha", "Beta", "Gamma, a tagline"], section.QuerySelectorAll("li").Select(li => li.TextContent));
    }

    [Fact]
    public void TheCommitteeAndTheSeedsSponsorsAreListed()
    {
        var page = Page();

        Assert.Equal(Netconf.Conference.Committee.Count, page.QuerySelectorAll("#committee li").Length);
        Assert.Equal(Netconf.Sponsors.OrderBy(s => s.Order).Select(s => s.Tagline.Length > 0 ? $"{s.Name}, {s.Tagline}" : s.Name), page.QuerySelectorAll("#sponsors li").Select(li => li.TextContent));
    }

    [Fact]
    public void SlidesPublishedWithoutAddressesAreMentionedOnTheTalksPage()
    {
        var talk = Netconf.Sessions.First(s => s.SlideCount == 1 && s.Links.Count == 0);

        Assert.Contains("Slides (PDF)", PageAgendas.Talk(Netconf, talk.Id).QuerySelector(".slides")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksOfASessionOpenWithoutOpenerAndOnlyHttpAddressesBecomeLinks()
    {
        var talk = Netconf.Sessions.First(s => s.IsTalk && s.HasTitle);
        var agenda = Netconf.With(talk.Id, s => s with { Links = [new("Video", "https://video.example.test/1"), new("Bad", "javascript:alert(1)")] }, Agendas.SeededAt.AddDays(1));

        var links = PageAgendas.Talk(agenda, talk.Id).QuerySelectorAll("#links ul.links a").ToArray();

        Assert.Equal("https://video.example.test/1", Assert.Single(links).GetAttribute("href"));
        Assert.Equal("noopener", links[0].GetAttribute("rel"));
    }

    [Fact]
    public void TheFooterLinksToTheScheduleExportsTheFeedIndexAndSponsors()
    {
        var hrefs = Page().QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToArray();

        Assert.Contains("/api/netconf-2015/schedule.json", hrefs);
        Assert.Contains("/api/netconf-2015/schedule.xml", hrefs);
        Assert.Contains("/api/netconf-2015/feeds", hrefs);
        Assert.Contains("/api/netconf-2015/sponsors", hrefs);
    }

    [Fact]
    public void TheConferenceIdIsOnTheBodyForTheScript() =>
        Assert.Equal("netconf-2015", Page().Body!.GetAttribute("data-conference"));

    /// <summary>The card of a session on its day's page.</summary>
    private static IElement Find(AgendaSnapshot agenda, string sessionId) =>
        PageAgendas.Day(agenda, agenda.Conference.TimeZone.DayOf(agenda.Sessions.Single(s => s.Id == sessionId).Start)).GetElementById($"session-{sessionId}")!;
}
