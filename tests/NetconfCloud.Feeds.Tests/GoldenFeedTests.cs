using NetconfCloud.Testing;

namespace NetconfCloud.Feeds.Tests;

/// <summary>
/// The feeds of the real agenda, byte for byte. After an intended change, regenerate with
/// <c>UPDATE_GOLDEN=1 ./test</c> and review the diff; a mismatch leaves the new output beside the golden file.
/// </summary>
public class GoldenFeedTests
{
    [Theory]
    [InlineData(FeedKind.Event, "", "calendar.ics")]
    [InlineData(FeedKind.Day, "2015-02-12", "day-2015-02-12.ics")]
    [InlineData(FeedKind.Speaker, "jamal-hadi-salim", "speaker-jamal-hadi-salim.ics")]
    [InlineData(FeedKind.Session, "bpf-updates", "session-bpf-updates.ics")]
    [InlineData(FeedKind.Session, "jeff-kirsher-talk", "session-jeff-kirsher-talk.ics")]
    [InlineData(FeedKind.Sponsors, "", "sponsors.json")]
    [InlineData(FeedKind.C3voc, "", "schedule.json")]
    [InlineData(FeedKind.Frab, "", "schedule.xml")]
    public async Task FeedOfTheRealAgendaMatchesItsGoldenFile(FeedKind kind, string argument, string file)
    {
        var actual = await Agendas.RenderAsync(Agendas.Netconf2015, kind, argument);
        var golden = Repository.PathOf("tests", "NetconfCloud.Feeds.Tests", "Golden", file);

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(golden, actual);
        }

        var expected = File.Exists(golden) ? await File.ReadAllTextAsync(golden) : "";
        if (expected != actual)
        {
            await File.WriteAllTextAsync(golden + ".actual", actual);
        }

        Assert.Equal(expected, actual);
    }
}
