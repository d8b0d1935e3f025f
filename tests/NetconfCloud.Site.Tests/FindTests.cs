using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

/// <summary>Search and filters as query parameters: rendered by the server, shareable, refused with a sentence when wrong.</summary>
public class FindTests
{
    private static readonly AgendaSnapshot Fosdem = PageAgendas.Fosdem;

    private static string[] Found(AgendaSnapshot agenda, params (string, string)[] parameters) =>
        [.. PageAgendas.Find(agenda, parameters).QuerySelectorAll("#results article.session").Select(a => a.Id!["session-".Length..])];

    [Fact]
    public void ASearchFindsWordsOfTheAbstractNotOnlyOfTheTitle()
    {
        var talk = Fosdem.Sessions.First(s => s.IsTalk && s.Abstract.Contains("Wayland", StringComparison.Ordinal) && !s.Title.Contains("Wayland", StringComparison.OrdinalIgnoreCase));

        var found = Found(Fosdem, ("q", "wayland"));

        Assert.Contains(talk.Id, found);
        Assert.All(found, id =>
        {
            var s = Fosdem.Sessions.Single(x => x.Id == id);
            Assert.Contains("wayland", string.Join(" ", s.Title, s.Subtitle, s.SpeakerNames, s.Abstract, Fosdem.Conference.Tracks.FirstOrDefault(t => t.Id == s.TrackId)?.Name).ToLowerInvariant(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ASearchFindsASpeakerByNameIgnoringCaseAndAccents()
    {
        var talk = Fosdem.Sessions.First(s => s.IsTalk && s.Speakers.Any(p => p.Name.Contains('é', StringComparison.Ordinal)));
        var name = talk.Speakers.First(p => p.Name.Contains('é', StringComparison.Ordinal)).Name;

        Assert.Contains(talk.Id, Found(Fosdem, ("q", name.Replace('é', 'E').ToUpperInvariant())));
    }

    [Fact]
    public void EveryWordSearchedMustMatch()
    {
        var all = Found(Fosdem, ("q", "rust"));
        var both = Found(Fosdem, ("q", "rust kernel"));

        Assert.NotEmpty(both);
        Assert.True(both.Length < all.Length);
        Assert.Subset(all.ToHashSet(), both.ToHashSet());
    }

    [Fact]
    public void ASearchMatchingMostOfTheAgendaShowsTheFirst300AndSaysHowToNarrowIt()
    {
        var page = PageAgendas.Find(Fosdem, ("q", "e"));

        Assert.Equal(ConferencePage.MaxResults, page.QuerySelectorAll("#results article.session").Length);
        Assert.StartsWith("The first 300 are shown", page.QuerySelector("#results .hint")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("sessions found", page.QuerySelector("#results h2")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTalksAreAPage404AndAreNotKept()
    {
        var publisher = new PagePublisher(new FakeAgendaSource(Fosdem), Microsoft.Extensions.Options.Options.Create(Agendas.Options), new FixedTime(Agendas.SeededAt),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PagePublisher>.Instance);
        var talk = Fosdem.Sessions.First(s => s.IsTalk);

        var unknown = await publisher.GetSessionPageAsync("fosdem-2026", "no-such-talk", SiteLanguage.English, CancellationToken.None);
        var known = await publisher.GetSessionPageAsync("fosdem-2026", talk.Id, SiteLanguage.English, CancellationToken.None);
        var again = await publisher.GetSessionPageAsync("fosdem-2026", talk.Id, SiteLanguage.English, CancellationToken.None);

        Assert.Equal(FeedStatus.NotFound, unknown.Status);
        Assert.Equal("No session 'no-such-talk' at FOSDEM 2026.", PageAgendas.Parse(System.Text.Encoding.UTF8.GetString(unknown.Document!.Body)).QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(FeedStatus.Ok, known.Status);
        Assert.Same(known.Document!.Body, again.Document!.Body);
        Assert.Equal(1, publisher.ItemPagesKept("fosdem-2026"));
    }

    [Fact]
    public void ARoomFilterShowsThatRoomsSessionsOfEveryDayInOrder()
    {
        var room = Fosdem.Conference.Rooms[1];
        var expected = Fosdem.Sessions.Where(s => s.RoomId == room.Id).OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id);

        Assert.Equal(expected, Found(Fosdem, ("room", room.Id)));
    }

    [Fact]
    public void TrackAndDayFiltersCombine()
    {
        var track = Fosdem.Conference.Tracks.First(t => t.Id == "rust");
        var day = new DateOnly(2026, 2, 1);
        var zone = Fosdem.Conference.TimeZone;

        var found = Found(Fosdem, ("track", track.Id), ("day", "2026-02-01"));

        Assert.Equal(Fosdem.Sessions.Where(s => s.TrackId == track.Id && zone.DayOf(s.Start) == day).Select(s => s.Id).Order(), found.Order());
    }

    [Fact]
    public void ALanguageFilterKeepsTalksGivenInThatLanguageAndEachCardCarriesItsLanguage()
    {
        var talk = Agendas.Netconf2015.Sessions.First(s => s.IsTalk && s.HasTitle);
        var agenda = Agendas.Netconf2015.With(talk.Id, s => s with { Language = "de" }, Agendas.SeededAt.AddDays(1));

        var page = PageAgendas.Find(agenda, ("lang", "de"));

        var card = Assert.Single(page.QuerySelectorAll("#results article.session"));
        Assert.Equal(($"session-{talk.Id}", "de"), (card.Id, card.GetAttribute("lang")));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void TheSearchFormKeepsWhatWasAskedAndIsAPlainGetForm()
    {
        var page = PageAgendas.Find(Fosdem, ("q", "rust"), ("track", "rust"));

        var form = page.GetElementById("find")!;
        Assert.Equal(("get", "/api/fosdem-2026"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal("rust", page.GetElementById("find-q")!.GetAttribute("value"));
        Assert.Equal("rust", page.QuerySelector("#find-track option[selected]")!.GetAttribute("value"));
        Assert.Null(page.GetElementById("now"));
    }

    [Theory]
    [InlineData("day", "2026-02-02", "day must be one of the days of FOSDEM 2026: 2026-01-31, 2026-02-01.")]
    [InlineData("day", "tomorrow", "day must be one of the days of FOSDEM 2026: 2026-01-31, 2026-02-01.")]
    [InlineData("room", "nowhere", "room 'nowhere' is not a room of FOSDEM 2026.")]
    [InlineData("track", "cooking", "track 'cooking' is not a track of FOSDEM 2026.")]
    [InlineData("lang", "not a language", "lang 'not a language' is not a language tag (such as en or de).")]
    public void ABadParameterIsRefusedWithASentenceNamingIt(string name, string value, string problem)
    {
        var (view, said) = ConferenceView.Parse(n => n == name ? value : null, Fosdem);

        Assert.Null(view);
        Assert.Equal(problem, said);
    }

    [Fact]
    public void ASearchLongerThanTheLimitIsRefused() =>
        Assert.Equal("q (the search) must be at most 200 characters.", ConferenceView.Parse(n => n == "q" ? new string('a', 201) : null, Fosdem).Problem);

    [Fact]
    public async Task APublishedBadParameterIsAPageWithStatus400AndAWayBack()
    {
        var publisher = new PagePublisher(new FakeAgendaSource(Fosdem), Microsoft.Extensions.Options.Options.Create(Agendas.Options), new FixedTime(Agendas.SeededAt),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PagePublisher>.Instance);

        var result = await publisher.GetConferencePageAsync("fosdem-2026", n => n == "room" ? "nowhere" : null, CancellationToken.None);

        Assert.Equal(FeedStatus.BadRequest, result.Status);
        var page = PageAgendas.Parse(System.Text.Encoding.UTF8.GetString(result.Document!.Body));
        Assert.Equal("room 'nowhere' is not a room of FOSDEM 2026.", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("/api/fosdem-2026", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Fact]
    public void EveryFosdemTalkPageIsUnder15KiBAsBrotliAndNamesItsRoomTrackAndSpeakers()
    {
        var largest = 0;
        foreach (var talk in Fosdem.Sessions.Where(s => s.IsTalk))
        {
            var html = TalkPage.Render(Fosdem, talk, Agendas.Options);
            largest = Math.Max(largest, Compressed(html));
        }

        Assert.True(largest <= 15 * 1024, $"the largest talk page is {largest} bytes as Brotli");
        var page = PageAgendas.Talk(Fosdem, Fosdem.Sessions.First(s => s.IsTalk && s.Speakers.Count > 0).Id);
        Assert.Equal(["When", "Room", "Track", "Speaker"], page.QuerySelectorAll(".facts dt").Select(d => d.TextContent).Where(t => t != "Language").Take(4));
    }

    private static int Compressed(string html)
    {
        using var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(System.Text.Encoding.UTF8.GetBytes(html));
        }

        return (int)output.Length;
    }
}
