using System.Globalization;
using AngleSharp.Dom;
using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

public class ConferencePageTests
{
    private static readonly AgendaSnapshot Netconf = PageAgendas.Netconf;

    private static IDocument Page(AgendaSnapshot? agenda = null) => PageAgendas.Page(agenda ?? Netconf);

    [Fact]
    public void ThePageHasOneHeaderNavMainAndFooterAndASkipLinkToMain()
    {
        var page = Page();

        Assert.Single(page.QuerySelectorAll("header"));
        Assert.Equal("Days", Assert.Single(page.QuerySelectorAll("nav")).GetAttribute("aria-label"));
        Assert.Equal("main", Assert.Single(page.QuerySelectorAll("main")).Id);
        Assert.Single(page.QuerySelectorAll("footer"));
        Assert.Equal("#main", page.QuerySelector("body > a.skip")!.GetAttribute("href"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Netconf.Conference.FullName, page.Title);
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
    public void EachDayHasASectionTitledByTheDayHoldingItsSessionsInTheConferencesZone()
    {
        var page = Page();
        var zone = Netconf.Conference.TimeZone;

        foreach (var day in Netconf.Conference.Days)
        {
            var section = page.GetElementById($"day-{day:yyyy-MM-dd}")!;
            Assert.Equal(Conference.DayTitle(day), section.QuerySelector("h2")!.TextContent);
            var expected = Netconf.Sessions.Where(s => zone.DayOf(s.Start) == day).Select(s => $"session-{s.Id}").Order();
            Assert.Equal(expected, section.QuerySelectorAll("article.session").Select(a => a.Id!).Order());
        }

        Assert.Equal(Netconf.Conference.Days.Select(d => $"#day-{d:yyyy-MM-dd}"), page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void TheFirstTalkShowsItsStartInLocalTimeWithTheOffsetInItsDatetime()
    {
        var first = Netconf.Sessions.OrderBy(s => s.Start).First();
        var local = Netconf.Conference.TimeZone.ToLocal(first.Start);

        var time = Page().QuerySelector($"#session-{first.Id} .when time")!;

        Assert.Equal(local.ToString("HH:mm", CultureInfo.InvariantCulture), time.TextContent);
        Assert.NotEqual(first.Start.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture), time.TextContent);
        Assert.Equal(local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), time.GetAttribute("datetime"));
        Assert.Equal(first.Start, DateTimeOffset.Parse(time.GetAttribute("datetime")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TheZoneIsNamedOnceNearTheTopWithItsOffset()
    {
        var note = Page().QuerySelector("header .zone")!.TextContent;

        Assert.Equal("Times are Ottawa time (America/Toronto, UTC−05:00), 24-hour clock.", note);
    }

    [Fact]
    public void EverySessionIsOnThePageExactlyOnce()
    {
        var ids = Page().QuerySelectorAll("article.session").Select(a => a.Id).ToArray();

        Assert.Equal(Netconf.Sessions.Select(s => $"session-{s.Id}").Order(), ids.Order());
    }

    [Fact]
    public void TheTalkWithTwoSpeakersNamesAndLinksBoth()
    {
        var talk = Netconf.Sessions.Single(s => s.Speakers.Count == 2);
        var page = Page();

        var links = page.QuerySelectorAll($"#session-{talk.Id} .speakers a").ToArray();

        Assert.Equal(talk.Speakers.Select(s => s.Name), links.Select(a => a.TextContent));
        Assert.Equal(talk.Speakers.Select(s => $"#speaker-{s.Id}"), links.Select(a => a.GetAttribute("href")));
        Assert.All(talk.Speakers, s => Assert.NotNull(page.GetElementById($"speaker-{s.Id}")));
    }

    [Fact]
    public void TheTalkWithoutATitleIsHeadedByWhoGivesIt()
    {
        var talk = Netconf.Sessions.Single(s => s.IsTalk && !s.HasTitle);

        Assert.Equal(FeedText.Summary(talk), Page().QuerySelector($"#session-{talk.Id} h3")!.TextContent);
    }

    [Fact]
    public void BreaksAndMealsAreShownButCannotBePicked()
    {
        var page = Page();
        var breaks = Netconf.Sessions.Where(s => !s.IsTalk).ToArray();

        Assert.NotEmpty(breaks);
        Assert.All(breaks, b =>
        {
            var article = page.GetElementById($"session-{b.Id}")!;
            Assert.Contains(b.Kind == SessionKind.Break ? "break" : "meal", article.ClassList);
            Assert.Empty(article.QuerySelectorAll("input[type=checkbox]"));
            Assert.Empty(article.QuerySelectorAll("details.subscribe, p.add"));
        });
    }

    [Fact]
    public void EveryScheduledTalkHasACheckboxOfTheMyAgendaFormWithALabel()
    {
        var page = Page();
        var talks = Netconf.Sessions.Where(s => s.IsTalk).ToArray();

        var boxes = page.QuerySelectorAll("input[type=checkbox]").ToArray();

        Assert.Equal(talks.Select(t => t.Id).Order(), boxes.Select(b => b.GetAttribute("value")!).Order());
        Assert.All(boxes, b =>
        {
            Assert.Equal("my-agenda", b.GetAttribute("form"));
            Assert.Equal("session", b.GetAttribute("name"));
            Assert.Equal($"pick-{b.GetAttribute("value")}", b.Id);
            Assert.Equal("Add to my agenda", page.QuerySelector($"label[for='{b.Id}']")!.TextContent);
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

        var article = Page(agenda).GetElementById($"session-{talk.Id}")!;

        Assert.Contains("cancelled", article.ClassList);
        Assert.Equal("Cancelled", article.QuerySelector(".cancelled-note")!.TextContent);
        Assert.Equal(talk.Title, article.QuerySelector("h3")!.TextContent);
        Assert.Empty(article.QuerySelectorAll("input[type=checkbox]"));
    }

    [Fact]
    public void SeveralRoomsAreColumnsWithRoomAndTimeHeadersForEverySession()
    {
        var agenda = PageAgendas.TwoRooms;
        var page = Page(agenda);

        foreach (var day in agenda.Conference.Days)
        {
            var table = page.QuerySelector($"#day-{day:yyyy-MM-dd} table.grid")!;
            var columns = table.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent).ToArray();
            Assert.Equal(["Time", "Hall A", "Hall B"], columns);
            foreach (var row in table.QuerySelectorAll("tbody tr"))
            {
                var time = row.QuerySelector("th[scope=row]")!.TextContent;
                var cells = row.QuerySelectorAll("td").ToArray();
                for (var i = 0; i < cells.Length; i++)
                {
                    foreach (var article in cells[i].QuerySelectorAll("article.session"))
                    {
                        var session = agenda.Sessions.Single(s => $"session-{s.Id}" == article.Id);
                        Assert.Equal(PageAgendas.Local(agenda, session.Start), time);
                        if (cells.Length > 1)
                        {
                            Assert.Equal(agenda.Conference.Rooms.Single(r => r.Id == session.RoomId).Name, columns[i + 1]);
                        }
                        else
                        {
                            Assert.Equal("", session.RoomId);
                        }
                    }
                }
            }
        }

        Assert.Equal(agenda.Sessions.Count, page.QuerySelectorAll("table.grid article.session").Length);
    }

    [Fact]
    public void OneRoomOrNoneIsAListNotAGrid()
    {
        var page = Page();

        Assert.Empty(page.QuerySelectorAll("table.grid"));
        Assert.Equal(Netconf.Sessions.Count, page.QuerySelectorAll("ol.agenda > li > article.session").Length);
        Assert.Null(page.GetElementById("rooms"));
        Assert.Null(page.GetElementById("tracks"));
    }

    [Fact]
    public void ATrackIsNamedInTextBesideItsColourSwatch()
    {
        var agenda = PageAgendas.TwoRooms;
        var talk = agenda.Sessions.First(s => s.TrackId == "wireless");

        var track = Page(agenda).QuerySelector($"#session-{talk.Id} .track")!;

        Assert.Equal("Track: Wireless", track.TextContent.Trim());
        Assert.Equal("#ff7f0e", track.QuerySelector("svg rect")!.GetAttribute("fill"));
        Assert.Equal("true", track.QuerySelector("svg")!.GetAttribute("aria-hidden"));
    }

    public static TheoryData<FeedKind, string> Feeds => new()
    {
        { FeedKind.Event, "" },
        { FeedKind.Day, "2015-02-13" },
        { FeedKind.Room, "hall-b" },
        { FeedKind.Track, "kernel" },
    };

    public static TheoryData<FeedKind, string> CompactFeeds => new()
    {
        { FeedKind.Speaker, "jamal-hadi-salim" },
        { FeedKind.Session, "introduction" },
    };

    [Theory]
    [MemberData(nameof(Feeds))]
    public void EveryFeedsSubscribeLinksAreExact(FeedKind kind, string argument)
    {
        var agenda = PageAgendas.TwoRooms;
        var key = FeedKey.Parse(kind, agenda.Conference.Id, argument);
        var expected = SubscribeLinks.For(Agendas.Options, key, agenda.Select(kind, argument).Title);
        var holder = kind switch
        {
            FeedKind.Event => "#subscribe",
            FeedKind.Day => $"#day-{argument}",
            _ => $"#{kind.ToString().ToLowerInvariant()}-{argument}",
        };

        var page = Page(agenda);
        var links = page.QuerySelector($"{holder} ul.subscribe-links")!.QuerySelectorAll("a").ToArray();

        Assert.Equal(
            [expected.Webcal.AbsoluteUri, expected.Google.AbsoluteUri, expected.Outlook.AbsoluteUri, expected.Apple.AbsoluteUri, expected.Download.AbsoluteUri],
            links.Select(a => a.GetAttribute("href")));
        Assert.True(links[4].HasAttribute("download"));
        Assert.Equal(expected.Https.AbsoluteUri, page.QuerySelector($"{holder} .copy-url input")!.GetAttribute("value"));
        Assert.Equal(FeedUrls.Https(Agendas.Options, key), expected.Https);
    }

    [Theory]
    [MemberData(nameof(CompactFeeds))]
    public void EveryTalksAndSpeakersSubscribeLinksAreExactInOneLine(FeedKind kind, string argument)
    {
        var agenda = PageAgendas.TwoRooms;
        var key = FeedKey.Parse(kind, agenda.Conference.Id, argument);
        var expected = SubscribeLinks.For(Agendas.Options, key, agenda.Select(kind, argument).Title);

        var page = Page(agenda);
        var links = Assert.Single(page.QuerySelectorAll($"#{kind.ToString().ToLowerInvariant()}-{argument} p.add")).QuerySelectorAll("a").ToArray();

        Assert.Equal([expected.Webcal.AbsoluteUri, expected.Download.AbsoluteUri, PageRoutes.SubscribePath(Agendas.Options, key)], links.Select(a => a.GetAttribute("href")));
        Assert.True(links[1].HasAttribute("download"));
        Assert.Equal(FeedUrls.Https(Agendas.Options, key), new Uri(links[1].GetAttribute("href")!));
        Assert.Equal($"/api/{agenda.Conference.Id}/subscribe/{(kind == FeedKind.Session ? "sessions" : "speakers")}/{argument}.ics", links[2].GetAttribute("href"));
    }

    [Fact]
    public void EveryTalkAndSpeakerHasItsOwnCalendarLinks()
    {
        var agenda = PageAgendas.TwoRooms;
        var page = Page(agenda);

        var holders = agenda.Sessions.Where(s => s.IsTalk).Select(s => (FeedKind.Session, s.Id, $"session-{s.Id}"))
            .Concat(agenda.Speakers.Select(s => (FeedKind.Speaker, s.Id, $"speaker-{s.Id}")));

        Assert.All(holders, h =>
        {
            var key = FeedKey.Parse(h.Item1, agenda.Conference.Id, h.Item2);
            var https = FeedUrls.Https(Agendas.Options, key);
            var hrefs = page.GetElementById(h.Item3)!.QuerySelectorAll("p.add a").Select(a => a.GetAttribute("href")!).ToArray();
            Assert.Equal([FeedUrls.Webcal(https).AbsoluteUri, https.AbsoluteUri, PageRoutes.SubscribePath(Agendas.Options, key)], hrefs);
        });
    }

    [Fact]
    public void TheFosdemPageHasEveryTalkWithItsPickAndCalendarLinksAndNoFoldedLinkListPerTalk()
    {
        var agenda = PageAgendas.Fosdem;
        var page = Page(agenda);
        var talks = agenda.Sessions.Where(s => s.IsTalk).ToArray();

        Assert.Equal(agenda.Sessions.Count, page.QuerySelectorAll("table.grid article.session").Length);
        Assert.Equal(talks.Length + agenda.Speakers.Count, page.QuerySelectorAll("p.add").Length);
        Assert.Equal(agenda.Conference.Rooms.Count + agenda.Conference.Tracks.Count + agenda.Conference.Days.Count, page.QuerySelectorAll("details.subscribe").Length);
        Assert.All(talks.Where(t => t.Status == SessionStatus.Scheduled), t => Assert.NotNull(page.QuerySelector($"#session-{t.Id} input#pick-{t.Id}[form=my-agenda] + label[for=pick-{t.Id}]")));
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

        var page = Page(agenda);

        Assert.Equal(Title, page.QuerySelector($"#session-{talk.Id} h3")!.TextContent);
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

        var sources = page.QuerySelectorAll("link[href], script[src], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToArray();

        Assert.Equal(["/api/assets/site.css", "/api/assets/picks.js"], sources);
        Assert.All(sources, s => Assert.False(s.StartsWith("//", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryInputHasALabel(bool twoRooms)
    {
        var page = Page(twoRooms ? PageAgendas.TwoRooms : Netconf);

        Assert.All(page.QuerySelectorAll("input"), input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
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
    public void SlidesPublishedWithoutAddressesAreMentioned()
    {
        var talk = Netconf.Sessions.First(s => s.SlideCount == 1 && s.Links.Count == 0);

        Assert.Contains("Slides (PDF)", Page().QuerySelector($"#session-{talk.Id} .slides")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksOfASessionOpenWithoutOpenerAndOnlyHttpAddressesBecomeLinks()
    {
        var talk = Netconf.Sessions.First(s => s.IsTalk && s.HasTitle);
        var agenda = Netconf.With(talk.Id, s => s with { Links = [new("Video", "https://video.example.test/1"), new("Bad", "javascript:alert(1)")] }, Agendas.SeededAt.AddDays(1));

        var links = Page(agenda).QuerySelectorAll($"#session-{talk.Id} ul.links a").ToArray();

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
}
