using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

/// <summary>The one line that says where a followed agenda comes from and when it was last found current.</summary>
public class ConferencePageSourceTests
{
    private static readonly AgendaSnapshot Netconf = PageAgendas.Netconf;

    [Fact]
    public void AFollowedAgendaSaysWhereItComesFromAndWhenItWasCheckedInTheConferencesTime()
    {
        var checkedAt = new DateTimeOffset(2015, 2, 12, 14, 3, 0, TimeSpan.Zero);
        var follow = new SourceFollow("netconf-2015", new Uri("https://pretalx.example.org/netconf/schedule/export/schedule.xml"), TimeSpan.FromMinutes(10))
        {
            LastSuccessTime = checkedAt,
            LastCheckTime = checkedAt,
        };
        var agenda = Netconf with { Conference = Netconf.Conference with { Follow = follow } };

        var line = PageAgendas.Page(agenda).QuerySelector("header p.source");

        Assert.NotNull(line);
        var local = SiteLanguage.English.DateAndTime(agenda.Conference.TimeZone.ToLocal(checkedAt));
        Assert.Equal($"From pretalx.example.org, checked {local} ({agenda.Conference.City} time).", line.TextContent);
        Assert.Equal(checkedAt, DateTimeOffset.Parse(line.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFollowedAgendaNotYetCheckedNamesOnlyItsSource()
    {
        var follow = new SourceFollow("netconf-2015", new Uri("https://frab.example.org/schedule.xml"), TimeSpan.FromMinutes(10));
        var agenda = Netconf with { Conference = Netconf.Conference with { Follow = follow } };

        var line = PageAgendas.Page(agenda).QuerySelector("header p.source");

        Assert.Equal("From frab.example.org.", line!.TextContent);
    }

    [Fact]
    public void TheSourceLineIsInThePagesLanguage()
    {
        var checkedAt = new DateTimeOffset(2015, 2, 12, 14, 3, 0, TimeSpan.Zero);
        var follow = new SourceFollow("netconf-2015", new Uri("https://pretalx.example.org/schedule.xml"), TimeSpan.FromMinutes(10)) { LastSuccessTime = checkedAt };
        var agenda = Netconf with { Conference = Netconf.Conference with { Follow = follow } };

        var page = ConferencePage.Render(agenda, Agendas.Options, checkedAt.AddDays(-1), null, SiteLanguage.German);
        var line = PageAgendas.Parse(page).QuerySelector("header p.source");

        Assert.StartsWith("Quelle: pretalx.example.org, zuletzt geprüft am Donnerstag", line!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAgendaThatFollowsNoSourceHasNoSourceLine() =>
        Assert.Null(PageAgendas.Page(Netconf).QuerySelector("p.source"));
}
