using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("00:30", 30)]
    [InlineData("0:45", 45)]
    [InlineData("01:30", 90)]
    [InlineData("12:00", 720)]
    [InlineData("26:00", 1560)]
    [InlineData("01:30:00", 90)]
    public void FrabAndPentabarfDurationsAreRead(string text, int minutes)
    {
        Assert.True(ScheduleText.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("1:5")]
    [InlineData("01:60")]
    [InlineData("-01:00")]
    [InlineData("1:00:00:00")]
    [InlineData("PT30M")]
    [InlineData("half an hour")]
    public void AnythingElseIsNotADuration(string text) => Assert.False(ScheduleText.TryParseDuration(text, out _));

    [Fact]
    public void EveryDurationInTheRealFilesIsHoursAndMinutes()
    {
        var durations = new[] { "fosdem-2026.xml", "fosdem-2007.xml", "38c3-hub.xml", "39c3-hub-prerelease.xml" }
            .SelectMany(f => TestSchedules.Xml(f).Descendants("duration").Select(d => d.Value));

        Assert.All(durations, d => Assert.Matches("^[0-9]{2}:[0-5][0-9]$", d));
    }
}
