using System.Reflection;
using System.Text.Json;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>The metadata the Worker SDK emits at build is what a Functions host indexes: every route must be in it.</summary>
public class FunctionMetadataTests
{
    private static JsonElement[] Functions()
    {
        var configuration = typeof(FunctionMetadataTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var path = Repository.PathOf("src", "NetconfCloud.FeedFunctions", "bin", configuration, "net10.0", "functions.metadata");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    [Theory]
    [InlineData("ConferenceCalendar", "{conference}/calendar.ics")]
    [InlineData("DayCalendar", "{conference}/days/{day}.ics")]
    [InlineData("SpeakerCalendar", "{conference}/speakers/{speaker}.ics")]
    [InlineData("RoomCalendar", "{conference}/rooms/{room}.ics")]
    [InlineData("TrackCalendar", "{conference}/tracks/{track}.ics")]
    [InlineData("SessionCalendar", "{conference}/sessions/{session}.ics")]
    [InlineData("Sponsors", "{conference}/sponsors")]
    [InlineData("FeedIndex", "{conference}/feeds")]
    [InlineData("C3vocSchedule", "{conference}/schedule.json")]
    [InlineData("FrabSchedule", "{conference}/schedule.xml")]
    [InlineData("Health", "health")]
    [InlineData("ConferenceIndexPage", "{ignored:maxlength(0)?}")]
    [InlineData("ConferencePage", "{conference}")]
    [InlineData("NowAndNext", "{conference}/now.json")]
    [InlineData("NowPage", "{conference}/now")]
    [InlineData("SessionPage", "{conference}/sessions/{session}")]
    [InlineData("SpeakerPage", "{conference}/speakers/{speaker}")]
    [InlineData("PageAsset", "assets/{file}")]
    [InlineData("ChangesPage", "{conference}/changes")]
    [InlineData("ChangesFeed", "{conference}/changes.atom")]
    public void EveryFeedPageAndHealthIsAnAnonymousGetAndHeadHttpFunctionOnItsRoute(string name, string route)
    {
        var function = Functions().Single(f => f.GetProperty("name").GetString() == name);

        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(["get", "head"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Theory]
    [InlineData("CreatePersonalAgenda", "{conference}/my", "post")]
    [InlineData("PersonalAgenda", "{conference}/my/{id}", "get head put post delete")]
    [InlineData("PersonalAgendaCalendar", "{conference}/my/{id}/calendar.ics", "get head")]
    [InlineData("PersonalAgendaQrCode", "{conference}/my/{id}/qr.svg", "get head")]
    public void PersonalAgendasAreAnonymousHttpFunctionsOnTheirRoutes(string name, string route, string methods)
    {
        var function = Functions().Single(f => f.GetProperty("name").GetString() == name);

        var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(methods.Split(' '), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void EveryRouteThatStartsWithAWordOfItsOwnReservesThatWordFromConferenceIds()
    {
        var routes = Functions().Select(f => f.GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString() == "httpTrigger").GetProperty("route").GetString()!);

        var literals = routes.Select(r => r.Split('/')[0]).Where(segment => !segment.StartsWith('{')).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(literals, NetconfCloud.Schedule.ResourceRules.ReservedConferenceIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ThereAreNoOtherFunctions() => Assert.Equal(25, Functions().Length);
}
