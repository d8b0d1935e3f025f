namespace NetconfCloud.Schedule.Tests;

public class PersonalAgendaRulesTests
{
    [Fact]
    public void PicksAreKeptOnceEachInTheOrderGiven()
    {
        var picks = PersonalAgendaRules.Validate(["rhashtable", "bpf-updates", "rhashtable"], Netconf2015.Agenda);

        Assert.Equal(["rhashtable", "bpf-updates"], picks);
    }

    [Fact]
    public void EveryBadPickIsNamedByItsPlace()
    {
        var error = Assert.Throws<InvalidArgumentException>(() =>
            PersonalAgendaRules.Validate(["bpf-updates", "thursday-lunch", "nope", "<script>"], Netconf2015.Agenda));

        Assert.Equal(["session_ids[1]", "session_ids[2]", "session_ids[3]"], error.Violations.Select(v => v.Field));
        Assert.Contains("is a meal, not a talk", error.Violations[0].Description, StringComparison.Ordinal);
        Assert.Contains("is not a talk of Netconf 2015", error.Violations[1].Description, StringComparison.Ordinal);
        Assert.Contains("is not a session id", error.Violations[2].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AtMostThreeHundredTalksAndAtLeastOne()
    {
        Assert.Throws<InvalidArgumentException>(() => PersonalAgendaRules.Validate([], Netconf2015.Agenda));
        var error = Assert.Throws<InvalidArgumentException>(() =>
            PersonalAgendaRules.Validate(Enumerable.Range(0, PersonalAgenda.MaxSessions + 1).Select(i => $"t{i}"), Netconf2015.Agenda));
        Assert.Equal("session_ids", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void IdsAreTwentySixBase32LettersAndNeverRepeat()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => PersonalAgendaId.New()).ToList();

        Assert.All(ids, id => Assert.True(PersonalAgendaId.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        // 128 random bits: every position but the last (3 bits + 2 zero bits) takes all 32 letters over 10,000 ids.
        Assert.All(Enumerable.Range(0, 25), i => Assert.Equal(32, ids.Select(id => id[i]).Distinct().Count()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("abcdefghijklmnopqrstuvwxy1")]
    public void MalformedIdsAreNotIds(string id) => Assert.False(PersonalAgendaId.IsValid(id));

    [Fact]
    public void TheStorageKeyIsAHashThatDoesNotContainTheId()
    {
        var id = PersonalAgendaId.New();

        var key = PersonalAgendaId.StorageKey(id);

        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.Equal(key, PersonalAgendaId.StorageKey(id));
        Assert.DoesNotContain(id, key, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionsOfAnAgendaAreTheCurrentTalksByStartLeavingOutThoseNoLongerThere()
    {
        var picks = new PersonalAgenda("x", "netconf-2015", ["flow-table-api", "gone-talk", "introduction"], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var sessions = picks.SessionsOf(Netconf2015.Agenda);

        Assert.Equal(["introduction", "flow-table-api"], sessions.Select(s => s.Id));
    }
}
