using System.Text;
using AngleSharp.Dom;
using Microsoft.Extensions.Logging.Abstractions;
using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

/// <summary>The attendee pages in German: the page's language in <c>&lt;html lang&gt;</c>, dates and every text of the table in German, talks in their own language.</summary>
public class GermanPageTests
{
    /// <summary>Two rooms, and the first talk with speakers given an abstract (the seed has none).</summary>
    private static readonly AgendaSnapshot TwoRooms = PageAgendas.TwoRooms.With(
        PageAgendas.TwoRooms.Sessions.First(s => s.IsTalk && s.Speakers.Count > 0).Id, s => s with { Abstract = "What changed in the kernel.\n\nAnd what comes next." }, Agendas.SeededAt);

    private static readonly SiteLanguage German = SiteLanguage.German;

    private static readonly DateTimeOffset DuringFirstTalk = TwoRooms.Sessions.Where(s => s.IsTalk).Min(s => s.Start).AddMinutes(5);

    private static readonly Session Talk = TwoRooms.Sessions.First(s => s.IsTalk && s.Abstract.Length > 0);

    private static PersonalAgenda Picks => new("abcdefghijklmnopqrstuvwxyz", "netconf-2015", [Talk.Id], Agendas.SeededAt, Agendas.SeededAt);

    private static PagePublisher Publisher(AgendaSnapshot agenda) =>
        new(new FakeAgendaSource(agenda), Microsoft.Extensions.Options.Options.Create(Agendas.Options), new FixedTime(DuringFirstTalk), NullLogger<PagePublisher>.Instance);

    /// <summary>Every kind of page, rendered in German.</summary>
    private static readonly Dictionary<string, Func<string>> Pages = new()
    {
        ["day during the conference"] = () => ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk, null, German),
        ["day before the conference"] = () => ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk.AddDays(-3), ConferenceView.All with { Day = new DateOnly(2015, 2, 13) }, German),
        ["now and next"] = () => ConferencePage.NowPage(TwoRooms, DuringFirstTalk, Agendas.Options, German),
        ["changes"] = () => ChangesPage.Render(TwoRooms, new PublicChangePage(0, DateTimeOffset.UnixEpoch, [], 0), true, Agendas.Options, German),
        ["day after the conference"] = () => ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk.AddDays(3), null, German),
        ["search"] = () => ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk, ConferenceView.All with { Query = "network" }, German),
        ["search without results"] = () => ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk, ConferenceView.All with { Query = "zzzzzz" }, German),
        ["talk"] = () => TalkPage.Render(TwoRooms, Talk, Agendas.Options, German),
        ["speaker"] = () => SpeakerPage.Render(TwoRooms, TwoRooms.Speakers.First(s => Talk.IsSpokenBy(s.Id)), Agendas.Options, German),
        ["subscribe"] = () => SubscribePage.Render(TwoRooms, new FeedKey(FeedKind.Session, "netconf-2015", Talk.Id), FeedText.Title(Talk), Agendas.Options, German),
        ["my agenda"] = () => PersonalAgendaPage.Render(TwoRooms, Picks, Agendas.Options, "<svg></svg>", German),
        ["conferences"] = () => ConferenceIndexPage.Render([TwoRooms.Conference], Agendas.Options, German),
        ["refused search"] = () => Body(Publisher(TwoRooms).GetConferencePageAsync("netconf-2015", name => name == "room" ? "nowhere" : null, German, default).Result),
        ["unknown talk"] = () => Body(Publisher(TwoRooms).GetSessionPageAsync("netconf-2015", "nope", German, default).Result),
        ["refused picks"] = () => Body(Publisher(TwoRooms).GetPicksRefusalAsync("netconf-2015", [Talk.Id, "thursday-lunch"], "/api/netconf-2015/my", German, default).Result),
    };

    public static TheoryData<string> PageNames => [.. Pages.Keys];

    [Theory]
    [MemberData(nameof(PageNames))]
    public void APageInGermanIsMarkedGermanAndHasNoEnglishTextOfTheTableLeft(string name)
    {
        var page = PageAgendas.Parse(Pages[name]());

        var left = EnglishLeft(page, German.Texts);

        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        Assert.Empty(left);
    }

    [Fact]
    public void TheCheckForEnglishTextFindsItInAnEnglishPage()
    {
        var page = PageAgendas.Parse(ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk));
        page.DocumentElement.SetAttribute("lang", "de");

        var left = EnglishLeft(page, German.Texts);

        Assert.Contains("Now and next", left);
        Assert.Contains("Make my calendar", left);
        Assert.Contains("Agenda version", left);
    }

    [Fact]
    public void AGermanDayPageHasGermanDayNamesHeadingsAndTimes()
    {
        var page = PageAgendas.Parse(Pages["day during the conference"]());

        Assert.Equal("Donnerstag, 12. Februar", page.QuerySelector("#day-2015-02-12 h2")!.TextContent);
        Assert.Equal(["Donnerstag, 12. Februar", "Freitag, 13. Februar"], page.QuerySelectorAll("nav.days a").Select(a => a.TextContent));
        Assert.Equal("Jetzt und danach", page.QuerySelector("#now h2")!.TextContent);
        Assert.Equal("Was jetzt und als Nächstes in jedem Raum läuft", page.QuerySelector("#now a[data-now]")!.TextContent);
        var now = PageAgendas.Parse(ConferencePage.NowPage(TwoRooms, DuringFirstTalk, Agendas.Options, German));
        Assert.Equal(["Raum", "Jetzt", "Danach"], now.QuerySelectorAll("#now thead th").Select(th => th.TextContent));
        Assert.Equal("de", now.DocumentElement.GetAttribute("lang"));
        Assert.Equal("12.–13. Februar 2015 · " + TwoRooms.Conference.Location, page.QuerySelector("header .when-where")!.TextContent);
        Assert.StartsWith("Alle Zeiten in Ortszeit Ottawa (America/Toronto, UTC−05:00), 24-Stunden-Uhr.", page.QuerySelector("header .zone")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{TwoRooms.Conference.FullName}: Donnerstag, 12. Februar", page.Title);
        Assert.Equal("Meinen Kalender erstellen", page.QuerySelector("#my-agenda button")!.TextContent);
    }

    [Fact]
    public void TheAgendaVersionSaysWhenItChangedInGerman()
    {
        var agenda = TwoRooms with { Conference = TwoRooms.Conference with { AgendaVersion = 12, AgendaUpdateTime = new DateTimeOffset(2015, 2, 10, 19, 5, 0, TimeSpan.Zero) } };

        var page = PageAgendas.Parse(ConferencePage.Render(agenda, Agendas.Options, DuringFirstTalk, null, German));

        Assert.Equal("Programmversion 12, zuletzt geändert am Dienstag, 10. Februar 2015 um 14:05 (Ortszeit Ottawa).", page.QuerySelector("header .status")!.TextContent);
        Assert.Equal("2015-02-10T14:05:00-05:00", page.QuerySelector("header .status time")!.GetAttribute("datetime"));
    }

    [Fact]
    public void BeforeTheConferenceTheGermanPageSaysWhenItStarts()
    {
        var before = TwoRooms.Sessions.Min(s => s.Start).AddDays(-1);

        var page = PageAgendas.Parse(ConferencePage.NowPage(TwoRooms, before, Agendas.Options, German));

        Assert.Equal("Beginnt am Donnerstag, 12. Februar um 09:00.", page.QuerySelector("#now-content p")!.TextContent);
    }

    [Fact]
    public void EveryPageHasTheLanguageSwitchInItsHeaderKeepingTheViewAndMarkingTheCurrentLanguage()
    {
        var view = ConferenceView.All with { Day = new DateOnly(2015, 2, 13), Query = "bpf" };

        var page = PageAgendas.Parse(ConferencePage.Render(TwoRooms, Agendas.Options, DuringFirstTalk, view, German));

        var links = page.QuerySelectorAll("header nav.languages a").ToArray();
        Assert.Equal("Sprache", page.QuerySelector("header nav.languages")!.GetAttribute("aria-label"));
        Assert.Equal(["English", "Deutsch", "Français", "Nederlands"], links.Select(a => a.TextContent));
        Assert.Equal(["en", "de", "fr", "nl"], links.Select(a => a.GetAttribute("lang")));
        Assert.Equal(SiteLanguage.All.Select(l => $"/api/netconf-2015?day=2015-02-13&q=bpf&hl={l.Tag}"), links.Select(a => a.GetAttribute("href")));
        Assert.Equal("Deutsch", Assert.Single(page.QuerySelectorAll("nav.languages a[aria-current=true]")).TextContent);
        Assert.All(Pages.Values, render => Assert.Equal(4, PageAgendas.Parse(render()).QuerySelectorAll("body > header nav.languages a[hreflang]").Length));
    }

    [Fact]
    public void TalksKeepTheLanguageTheyWereGivenInOnAGermanPage()
    {
        var english = Talk;
        var agenda = TwoRooms.With(english.Id, s => s with { Language = "en" }, Agendas.SeededAt.AddDays(1));

        var page = PageAgendas.Parse(ConferencePage.Render(agenda, Agendas.Options, DuringFirstTalk.AddDays(-3), ConferenceView.All with { Day = new DateOnly(2015, 2, 12) }, German));
        var talk = PageAgendas.Parse(TalkPage.Render(agenda, agenda.Sessions.Single(s => s.Id == english.Id), Agendas.Options, German));
        var mine = PageAgendas.Parse(PersonalAgendaPage.Render(agenda, Picks, Agendas.Options, "<svg></svg>", German));

        var card = page.GetElementById($"session-{english.Id}")!;
        Assert.Equal("en", card.GetAttribute("lang"));
        Assert.Equal(FeedText.Title(english), card.QuerySelector("h3")!.TextContent);
        Assert.Equal("de", talk.DocumentElement.GetAttribute("lang"));
        Assert.Equal(("en", FeedText.Title(english)), (talk.QuerySelector("h1")!.GetAttribute("lang"), talk.QuerySelector("h1")!.TextContent));
        Assert.Equal("en", talk.QuerySelector("#abstract div")!.GetAttribute("lang"));
        Assert.Contains("Englisch", talk.QuerySelectorAll(".facts dd").Select(d => d.TextContent));
        Assert.Equal("en", mine.QuerySelector($"#picked-{english.Id} a")!.GetAttribute("lang"));
    }

    [Fact]
    public void TheScriptsTextsComeWithThePageInItsLanguage()
    {
        var body = PageAgendas.Parse(Pages["day during the conference"]()).Body!;

        Assert.Equal("{n} Vorträge", body.GetAttribute("data-picked-many"));
        Assert.Equal("{n} Vortrag", body.GetAttribute("data-picked-one"));
        Assert.Equal("Kopiert", body.GetAttribute("data-copied"));
        Assert.Equal("Sie sind offline", body.GetAttribute("data-offline-title"));
    }

    [Fact]
    public async Task RefusedPicksAreExplainedInGermanAndInEnglishAsTheRulesSayIt()
    {
        var publisher = Publisher(TwoRooms);

        var german = PageAgendas.Parse(Body(await publisher.GetPicksRefusalAsync("netconf-2015", [], "/api/netconf-2015/my", German, default)));
        var english = PageAgendas.Parse(Body(await publisher.GetPicksRefusalAsync("netconf-2015", ["thursday-lunch"], "/api/netconf-2015/my", SiteLanguage.English, default)));

        Assert.Equal(German.Texts.PickAtLeastOne, german.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("'thursday-lunch' is a meal, not a talk.", english.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("/api/netconf-2015?hl=de", german.QuerySelector("nav.languages a[hreflang=de]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AConferencePageIsRenderedOncePerAgendaVersionAndLanguage()
    {
        var publisher = Publisher(TwoRooms);

        var german = (await publisher.GetConferencePageAsync("netconf-2015", _ => null, German, default)).Document!;
        var english = (await publisher.GetConferencePageAsync("netconf-2015", _ => null, SiteLanguage.English, default)).Document!;
        var germanAgain = (await publisher.GetConferencePageAsync("netconf-2015", _ => null, German, default)).Document!;

        Assert.Equal(2, publisher.DayPagesKept("netconf-2015"));
        Assert.Equal(german.Body, germanAgain.Body);
        Assert.Equal(german.ETag, germanAgain.ETag);
        Assert.NotEqual(german.ETag, english.ETag);
        Assert.Equal("de", PageAgendas.Parse(Encoding.UTF8.GetString(german.Body)).DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", PageAgendas.Parse(Encoding.UTF8.GetString(english.Body)).DocumentElement.GetAttribute("lang"));
        Assert.Equal("Accept-Language, Cookie", german.Headers["Vary"]);
        Assert.Equal(("de", "en"), (german.Headers["Content-Language"], english.Headers["Content-Language"]));
    }

    [Fact]
    public async Task TalkPagesAreKeptPerLanguage()
    {
        var publisher = Publisher(TwoRooms);

        var german = (await publisher.GetSessionPageAsync("netconf-2015", Talk.Id, German, default)).Document!;
        var english = (await publisher.GetSessionPageAsync("netconf-2015", Talk.Id, SiteLanguage.English, default)).Document!;
        var germanAgain = (await publisher.GetSessionPageAsync("netconf-2015", Talk.Id, German, default)).Document!;

        Assert.Same(german.Body, germanAgain.Body);
        Assert.NotEqual(german.ETag, english.ETag);
        Assert.Equal(2, publisher.ItemPagesKept("netconf-2015"));
        Assert.Equal("Accept-Language, Cookie", english.Headers["Vary"]);
    }

    [Theory]
    [InlineData("en", "manifest.webmanifest", "Conference agendas")]
    [InlineData("de", "manifest.de.webmanifest", "Konferenzprogramme")]
    [InlineData("fr", "manifest.fr.webmanifest", "Programmes de conférences")]
    [InlineData("nl", "manifest.nl.webmanifest", "Conferentieprogramma's")]
    public void EachLanguagesPagesLinkTheAppManifestInThatLanguage(string tag, string file, string name)
    {
        var language = SiteLanguage.Find(tag)!;

        var page = PageAgendas.Parse(ConferenceIndexPage.Render([TwoRooms.Conference], Agendas.Options, language));
        using var manifest = System.Text.Json.JsonDocument.Parse(PageAssets.Get(file)!.Body);

        Assert.Equal($"/api/assets/{file}", page.QuerySelector("link[rel=manifest]")!.GetAttribute("href"));
        Assert.Equal((name, language.Texts.AppShortName, language.Texts.AppDescription, tag),
            (manifest.RootElement.GetProperty("name").GetString(), manifest.RootElement.GetProperty("short_name").GetString(),
             manifest.RootElement.GetProperty("description").GetString(), manifest.RootElement.GetProperty("lang").GetString()));
        Assert.Equal("../", manifest.RootElement.GetProperty("start_url").GetString());
    }

    [Fact]
    public async Task TheNowAndNextDocumentDoesNotVaryByLanguage()
    {
        var json = (await Publisher(TwoRooms).GetNowAndNextAsync("netconf-2015", null, default)).Document!;

        Assert.False(json.Headers.ContainsKey("Vary"));
    }

    private static string Body(FeedResult result) => Encoding.UTF8.GetString(result.Document!.Body);

    /// <summary>
    /// The English texts of the table that <paramref name="other"/> says otherwise (whole texts, and the fixed words of
    /// the texts with parts) found in the page's own text: its text and its labels, outside the talks' own language and
    /// the language switch (which names each language in itself).
    /// </summary>
    internal static List<string> EnglishLeft(IDocument page, SiteTexts other)
    {
        string[] notTexts = [nameof(SiteTexts.LanguageName), nameof(SiteTexts.DayFormat), nameof(SiteTexts.DateFormat), nameof(SiteTexts.DayMonthFormat),
            nameof(SiteTexts.DayNumberFormat), nameof(SiteTexts.TimeFormat), nameof(SiteTexts.DateTimeFormat)];
        var english = new List<string>();
        foreach (var member in SiteTextsTests.TextMembers().Where(m => !notTexts.Contains(m.Name)))
        {
            const string Marker = "\u0001";
            var en = SiteTextsTests.Sample(member.GetValue(SiteTexts.English), Marker)!;
            var theirs = SiteTextsTests.Sample(member.GetValue(other), Marker)!;
            english.AddRange(en.Split([Marker, "12", "2", SiteTexts.When, "{n}"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(fragment => fragment.Length >= 4 && fragment.Any(char.IsLetter) && !theirs.Contains(fragment, StringComparison.Ordinal)));
        }

        var texts = new List<string>();
        foreach (var element in page.All)
        {
            if (LanguageOf(element) != page.DocumentElement.GetAttribute("lang") || element.Closest("nav.languages") is not null)
            {
                continue;
            }

            texts.AddRange(element.ChildNodes.OfType<IText>().Select(t => t.Data.Trim()));
            texts.AddRange(element.Attributes.Where(a => a.Name is "aria-label" or "placeholder" or "title" || a.Name.StartsWith("data-", StringComparison.Ordinal)).Select(a => a.Value.Trim()));
        }

        return [.. english.Distinct().Where(e => texts.Any(t => t == e || (e.Length >= 12 && t.Contains(e, StringComparison.Ordinal))))];
    }

    private static string? LanguageOf(IElement element)
    {
        for (var at = element; at is not null; at = at.ParentElement)
        {
            if (at.HasAttribute("lang"))
            {
                return at.GetAttribute("lang");
            }
        }

        return null;
    }
}

/// <summary>What a language costs: the FOSDEM 2026 day page in each language, its size as sent and its render time (numbers for the notes, no timed assertions).</summary>
public class LanguageCostMeasurements(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void MeasureTheFosdemDayPageInEachLanguage()
    {
        var fosdem = PageAgendas.Fosdem;
        var day = ConferencePage.DaysOf(fosdem)[1];
        var sizes = new List<int>();
        foreach (var language in SiteLanguage.All)
        {
            ConferencePage.Template(fosdem, Agendas.Options, ConferenceView.All with { Day = day }, language);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var template = ConferencePage.Template(fosdem, Agendas.Options, ConferenceView.All with { Day = day }, language);
            var render = clock.Elapsed;
            var page = template.With("");
            using var compressed = new MemoryStream();
            using (var brotli = new System.IO.Compression.BrotliStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            {
                brotli.Write(page);
            }

            sizes.Add(page.Length);
            output.WriteLine($"FOSDEM 2026 {day:yyyy-MM-dd} in {language.Tag}: {page.Length / 1024.0:F1} KiB, {compressed.Length / 1024.0:F1} KiB Brotli, rendered in {render.TotalMilliseconds:F1} ms");
        }

        Assert.All(sizes, size => Assert.InRange(size, sizes.Min(), sizes.Min() * 11 / 10));
    }
}
