using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Wire.Tests;

/// <summary>
/// Update masks over the one table of a session's fields: every content field but the source's identity can be named
/// in a mask, and each path reads, compares and changes its field alone.
/// </summary>
public class EditableFieldTests
{
    private static readonly Session Current = Everything.Session;

    public static TheoryData<string> Paths => [.. EditableSessionFields.Paths];

    [Fact]
    public void EveryContentFieldButTheSourceGuidCanBeNamedInAMask() =>
        Assert.Equal(
            SessionFields.All.Select(f => f.Path).Where(path => path != "source_guid"),
            EditableSessionFields.Paths);

    [Fact]
    public void TheSessionsOfTheseTestsDifferInEveryField() =>
        Assert.Equal(SessionFields.All.Count, EveryField.Differences(Current, EveryField.Other).Count);

    [Theory]
    [MemberData(nameof(Paths))]
    public void AMaskOfOneFieldChangesThatFieldAlone(string path)
    {
        var patch = EditableSessionFields.ToPatch(WireMapping.ToWire(Changed(path), Everything.Zone), new FieldMask { Paths = { path } });

        var result = patch.ApplyTo(Current, Named);

        Assert.Equal([path], SessionFields.Differences(Current, result));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void TwoSessionsThatDifferInOneFieldGiveAMaskOfThatField(string path) =>
        Assert.Equal([path], EditableSessionFields.Differences(Current, Changed(path)).Paths);

    [Fact]
    public void ThePatchFromTheDifferencesMakesTheCurrentSessionTheWantedOne()
    {
        var wanted = EveryField.Other with { SourceGuid = Current.SourceGuid };

        var patch = EditableSessionFields.ToPatch(WireMapping.ToWire(wanted, Everything.Zone), EditableSessionFields.Differences(Current, wanted));
        var result = patch.ApplyTo(Current, Named);

        Assert.Empty(EveryField.Differences(wanted, result));
    }

    [Fact]
    public void AStarMaskPatchesEveryEditableField()
    {
        var patch = EditableSessionFields.ToPatch(WireMapping.ToWire(EveryField.Other, Everything.Zone), new FieldMask { Paths = { "*" } });

        var result = patch.ApplyTo(Current, Named);

        Assert.Equal(["source_guid"], SessionFields.All.Where(f => f.Differs(EveryField.Other, result)).Select(f => f.Path));
    }

    [Fact]
    public void TheSourceGuidCannotBeNamedInAMask()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => EditableSessionFields.ToPatch(WireMapping.ToWireFields(Current), new FieldMask { Paths = { "source_guid" } }));

        Assert.Equal("update_mask", error.Violations[0].Field);
    }

    [Fact]
    public void AnUnknownPathIsRefusedNamingUpdateMask()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => EditableSessionFields.ToPatch(WireMapping.ToWireFields(Current), new FieldMask { Paths = { "etag" } }));

        Assert.Equal("update_mask", error.Violations[0].Field);
    }

    [Fact]
    public void AnEmptyMaskIsRefusedNamingUpdateMask()
    {
        var error = Assert.Throws<InvalidArgumentException>(() => EditableSessionFields.ToPatch(WireMapping.ToWireFields(Current), new FieldMask()));

        Assert.Equal("update_mask", error.Violations[0].Field);
    }

    [Fact]
    public void AMaskReadsOnlyTheFieldsItNames()
    {
        var wire = WireMapping.ToWireFields(Current);
        wire.StartTime = null;
        wire.Kind = Contracts.Schedule.V1.SessionKind.Unspecified;

        var patch = EditableSessionFields.ToPatch(wire, new FieldMask { Paths = { "title" } });

        Assert.Equal(["title"], patch.Fields);
    }

    /// <summary><see cref="Current"/> with one field as <see cref="EveryField.Other"/> has it.</summary>
    private static Session Changed(string path) => SessionFields.CopyFields(Current, EveryField.Other, [path]);

    private static IReadOnlyList<SpeakerRef> Named(IReadOnlyList<string> ids) =>
        [.. ids.Select(id => EveryField.Other.Speakers.Concat(Current.Speakers).First(s => s.Id == id))];
}
