namespace NetconfCloud.Schedule.Tests;

public class SessionRulesTests
{
    private static readonly AgendaSnapshot Agenda = Netconf2015.Agenda;

    private static Session NewTalk() => new("new-talk", new SessionContent
    {
        Title = "A new talk",
        Speakers = [new SpeakerRef("thomas-graf", "Thomas Graf")],
        Start = Netconf2015.At(12, 18),
        End = Netconf2015.At(12, 18, 30),
    })
    {
        UpdateTime = Netconf2015.SeededAt,
    };

    private static string FieldOf(Session session) =>
        Assert.Throws<InvalidArgumentException>(() => SessionRules.Validate(session, Agenda)).Violations[0].Field;

    [Fact]
    public void AWellFormedTalkPasses() => SessionRules.Validate(NewTalk(), Agenda);

    [Fact]
    public void EndBeforeStartNamesEndTime() =>
        Assert.Equal("session.end_time", FieldOf(NewTalk() with { End = Netconf2015.At(12, 17) }));

    [Fact]
    public void EndEqualToStartNamesEndTime() =>
        Assert.Equal("session.end_time", FieldOf(NewTalk() with { End = Netconf2015.At(12, 18) }));

    [Fact]
    public void StartOutsideTheConferenceDaysNamesStartTime() =>
        Assert.Equal("session.start_time", FieldOf(NewTalk() with { Start = Netconf2015.At(14, 9), End = Netconf2015.At(14, 10) }));

    [Fact]
    public void ASessionAfterTheYear2999NamesStartTime() =>
        Assert.Equal("session.start_time", FieldOf(NewTalk() with { Start = new DateTimeOffset(3000, 2, 12, 9, 0, 0, TimeSpan.Zero), End = new DateTimeOffset(3000, 2, 12, 10, 0, 0, TimeSpan.Zero) }));

    [Fact]
    public void ASessionMayRunPastMidnight() =>
        SessionRules.Validate(NewTalk() with { Start = Netconf2015.At(12, 23, 30), End = Netconf2015.At(13, 0, 30) }, Agenda);

    [Fact]
    public void ASessionLongerThanADayNamesEndTime() =>
        Assert.Equal("session.end_time", FieldOf(NewTalk() with { End = NewTalk().Start.AddHours(25) }));

    [Fact]
    public void ATalkWithNeitherTitleNorSpeakerNamesTitle() =>
        Assert.Equal("session.title", FieldOf(NewTalk() with { Title = "", Speakers = [] }));

    [Fact]
    public void ATalkWithASpeakerMayHaveNoTitleYet() =>
        SessionRules.Validate(NewTalk() with { Title = "" }, Agenda);

    [Fact]
    public void ABreakNeedsATitle() =>
        Assert.Equal("session.title", FieldOf(NewTalk() with { Kind = SessionKind.Break, Title = " ", Speakers = [] }));

    [Fact]
    public void AnUnknownSpeakerNamesSpeakerIds() =>
        Assert.Equal("session.speaker_ids", FieldOf(NewTalk() with { Speakers = [new SpeakerRef("linus-torvalds", "")] }));

    [Fact]
    public void ASpeakerCannotBeInTwoSessionsAtOnce()
    {
        var clash = NewTalk() with { Start = Netconf2015.At(12, 9, 45), End = Netconf2015.At(12, 10, 15) };

        var error = Assert.Throws<InvalidArgumentException>(() => SessionRules.Validate(clash, Agenda));

        Assert.Contains("rhashtable", error.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ACancelledSessionDoesNotBookItsSpeakers() =>
        SessionRules.Validate(NewTalk() with { Start = Netconf2015.At(12, 9, 30), End = Netconf2015.At(12, 10), Status = SessionStatus.Cancelled }, Agenda);

    [Theory]
    [InlineData("Title with\r\nBEGIN:VEVENT")]
    [InlineData("Null\0byte")]
    public void ATitleIsOneLineWithoutControlCharacters(string title) =>
        Assert.Equal("session.title", FieldOf(NewTalk() with { Title = title }));

    [Fact]
    public void AnAbstractMayHaveLineBreaks() =>
        SessionRules.Validate(NewTalk() with { Abstract = "First line\nSecond line" }, Agenda);

    [Fact]
    public void ATitleOfAHundredKilobytesIsTooLong() =>
        Assert.Equal("session.title", FieldOf(NewTalk() with { Title = new string('x', 100_000) }));

    [Fact]
    public void RightToLeftAndEmojiTitlesAreFine() =>
        SessionRules.Validate(NewTalk() with { Title = "שלום 🐧 networking" }, Agenda);

    [Theory]
    [InlineData("Has Capitals")]
    [InlineData("slash/id")]
    [InlineData("hash#id")]
    [InlineData("-leading")]
    [InlineData("")]
    public void AnIdOutsideTheSlugAlphabetNamesId(string id) =>
        Assert.Equal("session.id", FieldOf(NewTalk() with { Id = id }));

    [Fact]
    public void EveryViolationIsReportedAtOnce()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => SessionRules.Validate(
            NewTalk() with { Id = "Bad Id", End = Netconf2015.At(12, 17), Speakers = [new SpeakerRef("nobody", "")] }, Agenda));

        Assert.Equal(["session.id", "session.speaker_ids", "session.end_time"], error.Violations.Select(v => v.Field));
    }
}
