using NetconfCloud.Schedule.Seed;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Tests;

/// <summary>
/// A session's content is its one definition: every field of it is told apart, kept by the seed format and by the
/// content's serialised form, checked by the rules, and changed through the one field table. The tests walk the
/// content's fields by reflection, so a field added to <see cref="SessionContent"/> is covered without a line here.
/// </summary>
public class SessionContentTests
{
    private static readonly Session Everything = EveryField.Session;

    public static TheoryData<string> Fields => [.. SessionFields.All.Select(f => f.Path)];

    [Fact]
    public void TheTestSessionSetsEveryField() => Assert.Empty(EveryField.UnsetFields(Everything));

    [Theory]
    [MemberData(nameof(Fields))]
    public void SessionsThatDifferInOneFieldDoNotHaveTheSameContent(string path)
    {
        var changed = SessionFields.CopyFields(Everything, EveryField.Other, [path]);

        Assert.False(ImportPlanner.SameContent(Everything, changed));
        Assert.NotEqual(Everything.Content, changed.Content);
    }

    [Fact]
    public void SessionsWithEqualFieldsHaveTheSameContentWhateverTheirVersions()
    {
        var copy = new Session(Everything.Id, Everything.Content with { Links = [.. Everything.Links], Speakers = [.. Everything.Speakers] })
        {
            Sequence = 99,
            ETag = "another",
        };

        Assert.True(ImportPlanner.SameContent(Everything, copy));
    }

    [Fact]
    public void TheContentsSerialisedFormKeepsEveryField()
    {
        var back = SessionContentJson.Deserialize(SessionContentJson.Serialize(Everything));

        Assert.Empty(EveryField.Differences(Everything, back));
    }

    [Fact]
    public void TheContentsSerialisedFormLeavesOutWhatIsComputedAndReadsAbsentFieldsAsDefaults()
    {
        var json = SessionContentJson.Serialize(Everything);
        var minimal = SessionContentJson.Deserialize("""{"title":"Lunch","kind":"meal","start":"2015-02-12T17:00:00Z","end":"2015-02-12T18:00:00Z"}""");

        Assert.DoesNotContain("speakerNames", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isTalk", json, StringComparison.Ordinal);
        Assert.Equal(["subtitle", "abstract", "notes", "speaker_ids", "status", "slide_count", "language", "links", "room_id", "track_id", "source_guid", "source_url"], EveryField.UnsetFields(minimal).Except(["title", "kind"]));
    }

    [Fact]
    public void AnUnknownFieldInTheSerialisedFormIsRefused() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => SessionContentJson.Deserialize("""{"titel":"Typo"}"""));

    [Fact]
    public void TheSeedFormatKeepsEveryField()
    {
        var agenda = EveryField.AddedTo(Netconf2015.Agenda);
        using var stream = new MemoryStream();
        AgendaSeed.Write(agenda, stream);
        stream.Position = 0;

        var loaded = AgendaSeed.Load(stream, Netconf2015.SeededAt).Sessions.Single(s => s.Id == Everything.Id);

        Assert.Empty(EveryField.Differences(Everything, loaded));
    }

    [Fact]
    public void TheSeedFormatWritesWallClockTimesAndSpeakerIds()
    {
        using var stream = new MemoryStream();
        AgendaSeed.Write(EveryField.AddedTo(Netconf2015.Agenda), stream);

        var line = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"day\": \"2015-02-12\"", line, StringComparison.Ordinal);
        Assert.Contains("\"start\": \"17:00\"", line, StringComparison.Ordinal);
        Assert.Contains("\"sourceUrl\": \"https://example.org/2015/talks/every-field\"", line, StringComparison.Ordinal);
        Assert.Contains("\"room\": \"saal-1\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ASourcePageMustBeAWebAddress()
    {
        var agenda = EveryField.AddedTo(Netconf2015.Agenda);

        var error = Assert.Throws<InvalidArgumentException>(() => SessionRules.Validate(Everything with { SourceUrl = "javascript:alert(1)", Status = SessionStatus.Scheduled }, agenda));

        Assert.Equal("session.source_url", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void AnEmptySourcePageIsAllowed() =>
        SessionRules.Validate(Everything with { SourceUrl = "", Status = SessionStatus.Scheduled }, EveryField.AddedTo(Netconf2015.Agenda));

    [Theory]
    [MemberData(nameof(Fields))]
    public void APatchOfOneFieldChangesThatFieldAlone(string path)
    {
        if (!SessionFields.Named(path).Editable)
        {
            Assert.Throws<InvalidArgumentException>(() => SessionPatch.Of(EveryField.Other, path));
            return;
        }

        var patched = SessionPatch.Of(EveryField.Other, path).ApplyTo(Everything, ids => [.. ids.Select(id => EveryField.Other.Speakers.First(s => s.Id == id))]);

        Assert.Equal([path], SessionFields.All.Where(f => f.Differs(Everything, patched)).Select(f => f.Path));
    }
}
