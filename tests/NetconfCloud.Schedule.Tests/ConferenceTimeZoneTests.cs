namespace NetconfCloud.Schedule.Tests;

public class ConferenceTimeZoneTests
{
    private static readonly ConferenceTimeZone Toronto = Netconf2015.Toronto;

    [Fact]
    public void NineInTheMorningInOttawaInFebruaryIsTwoPmUtc()
    {
        var instant = Toronto.ToInstant(new DateOnly(2015, 2, 12), new TimeOnly(9, 0));

        Assert.Equal(new DateTimeOffset(2015, 2, 12, 14, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void InstantsReadBackAsEasternStandardTime()
    {
        var local = Toronto.ToLocal(new DateTimeOffset(2015, 2, 13, 22, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(-5), local.Offset);
        Assert.Equal(17, local.Hour);
    }

    [Fact]
    public void SummerTimeIsFourHoursBehindUtc()
    {
        var instant = Toronto.ToInstant(new DateOnly(2015, 7, 1), new TimeOnly(9, 0));

        Assert.Equal(13, instant.Hour);
    }

    [Fact]
    public void DayOfAnEveningInstantIsTheTorontoDayNotTheUtcDay()
    {
        var lateEvening = new DateTimeOffset(2015, 2, 13, 2, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2015, 2, 12), Toronto.DayOf(lateEvening));
    }

    [Fact]
    public void AWallClockTimeSkippedBySpringForwardIsRejected()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => Toronto.ToInstant(new DateOnly(2015, 3, 8), new TimeOnly(2, 30)));

        Assert.Equal("start_time", error.Violations[0].Field);
    }

    [Fact]
    public void UnknownZoneIsRejected()
    {
        Assert.Throws<InvalidArgumentException>(() => ConferenceTimeZone.FromId("Mars/Olympus_Mons"));
    }

    [Fact]
    public void DayTitleNamesWeekdayDayAndMonthInEnglish()
    {
        Assert.Equal("Thursday 12 February", Conference.DayTitle(new DateOnly(2015, 2, 12)));
    }
}
