using System.Globalization;
using System.Xml.Linq;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// A real conference app reads our frab <c>schedule.xml</c>: FOSDEM 2026 imported through the service and exported by
/// the feed function, loaded by ConfClerk (Debian's 0.7.1, under Xvfb), holds every event at the start and in the room
/// our export gives, and as many speaker links (ConfClerk keys persons on id and conference) as ConfClerk stores from
/// FOSDEM's own file.
/// </summary>
[Collection(FeedsCollection.Name)]
public class ConfClerkTests(FeedsFixture fixture)
{
    private static readonly TimeSpan ImportTimeout = TimeSpan.FromSeconds(90);
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Loads? loads;

    [SkippableFact]
    public async Task ConfClerkHoldsEveryEventOfOurExportAtItsStartAndInItsRoom()
    {
        var (export, fosdem, ours, _) = await LoadBothAsync();
        var expected = export.Descendants("event").ToDictionary(
            e => (int)e.Attribute("id")!,
            e => (Start: DateTimeOffset.Parse(e.Element("date")!.Value, CultureInfo.InvariantCulture).DateTime, Room: e.Element("room")!.Value));

        Assert.Equal(fosdem.Descendants("event").Count(), expected.Count);
        Assert.Equal(expected.Keys.Order(), ours.Events.Keys.Order());
        Assert.All(ours.Events.Values, e => Assert.Equal(expected[e.Id], (e.ClockStart, e.Room!)));
    }

    [SkippableFact]
    public async Task ConfClerkStoresEverySpeakerOfOurExportAsManyLinksAsFromFosdemsOwnFile()
    {
        var (export, _, ours, fosdems) = await LoadBothAsync();
        var pairs = export.Descendants("event")
            .SelectMany(e => e.Elements("persons").Elements("person").Select(p => (Event: (int)e.Attribute("id")!, Person: p.Value)))
            .Distinct()
            .ToArray();

        Assert.Equal(1085, fosdems.SpeakerLinks.Count);
        Assert.Equal(pairs.Length, ours.SpeakerLinks.Count);
        Assert.Equal(fosdems.SpeakerLinks.Count, ours.SpeakerLinks.Count);
        Assert.Equal(pairs.Order(), ours.SpeakerLinks.Select(l => (Event: l.EventId, Person: l.PersonName!)).Order());
    }

    [SkippableFact]
    public async Task ConfClerkShowsOurExportAtTheSameTimesAndInTheSameRoomsAsFosdemsOwnFile()
    {
        var (_, _, ours, fosdems) = await LoadBothAsync();

        // Our event ids are our own (not FOSDEM's), and our import collapses runs of spaces in titles: events are matched by
        // title with its words, start, length and room.
        Assert.Equal(
            fosdems.Events.Values.Select(e => (Words(e.Title), e.ClockStart, e.Duration, e.Room)).Order(),
            ours.Events.Values.Select(e => (Words(e.Title), e.ClockStart, e.Duration, e.Room)).Order());
    }

    private static string Words(string title) => string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>ConfClerk loads FOSDEM's file and our export of it once for the class (each load starts the app).</summary>
    private async Task<Loads> LoadBothAsync()
    {
        var missing = ConfClerk.MissingTools();
        Skip.If(missing is not null && Environment.GetEnvironmentVariable(ConfClerk.RequiredVariable) != "1", $"ConfClerk cannot run here: {missing}.");
        Assert.True(missing is null, $"{ConfClerk.RequiredVariable}=1 but {missing}.");

        await Once.WaitAsync();
        try
        {
            return loads ??= await LoadAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<Loads> LoadAsync()
    {
        await using var server = await fixture.Schedule.StartServerAsync();
        await using var feeds = await FeedsApp.StartAsync(server.Address);
        await ImportedConferenceFeedTests.ImportFosdemAsync(server);
        var export = await feeds.SendAsync((f, r) => f.FrabSchedule(r, "fosdem-2026"), "/api/fosdem-2026/schedule.xml");
        Assert.Equal(200, export.Status);

        var ours = await ConfClerk.ImportAsync(export.Text, ImportTimeout);
        var fosdem = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml"));
        var fosdems = await ConfClerk.ImportAsync(fosdem, ImportTimeout);
        return new Loads(XDocument.Parse(export.Text), XDocument.Parse(fosdem), ours, fosdems);
    }

    private sealed record Loads(XDocument Export, XDocument Fosdem, ConfClerkDatabase Ours, ConfClerkDatabase Fosdems);
}
