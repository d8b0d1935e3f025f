using Google.Protobuf.WellKnownTypes;

namespace NetconfCloud.Schedule.Wire.Tests;

/// <summary>The one table of editable fields: every patch field has an entry, and each entry reads and compares its field alone.</summary>
public class EditableFieldTests
{
    private static readonly Session Current = Everything.Session;

    /// <summary>The session with one editable field changed, and the patch property that carries it.</summary>
    public static TheoryData<string, string> Fields => new()
    {
        { "kind", nameof(SessionPatch.Kind) },
        { "title", nameof(SessionPatch.Title) },
        { "abstract", nameof(SessionPatch.Abstract) },
        { "notes", nameof(SessionPatch.Notes) },
        { "speaker_ids", nameof(SessionPatch.SpeakerIds) },
        { "start_time", nameof(SessionPatch.Start) },
        { "end_time", nameof(SessionPatch.End) },
        { "status", nameof(SessionPatch.Status) },
        { "slide_count", nameof(SessionPatch.SlideCount) },
        { "subtitle", nameof(SessionPatch.Subtitle) },
        { "language", nameof(SessionPatch.Language) },
        { "links", nameof(SessionPatch.Links) },
        { "room_id", nameof(SessionPatch.RoomId) },
        { "track_id", nameof(SessionPatch.TrackId) },
    };

    [Fact]
    public void EveryPatchFieldHasOneEntryInTheTable()
    {
        var patchProperties = typeof(SessionPatch).GetProperties().Select(p => p.Name).Order();

        Assert.Equal(patchProperties, Fields.Select(row => (string)row[1]).Order());
        Assert.Equal(Fields.Select(row => (string)row[0]).Order(), EditableSessionFields.All.Select(f => f.Path).Order());
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void AMaskOfOneFieldSetsThatPatchPropertyAlone(string path, string property)
    {
        var patch = EditableSessionFields.ToPatch(WireMapping.ToWireFields(Changed(path)), new FieldMask { Paths = { path } });

        var set = typeof(SessionPatch).GetProperties().Where(p => p.GetValue(patch) is not null).Select(p => p.Name);
        Assert.Equal([property], set);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void TwoSessionsThatDifferInOneFieldGiveAMaskOfThatField(string path, string property)
    {
        _ = property;

        var mask = EditableSessionFields.Differences(Current, Changed(path));

        Assert.Equal([path], mask.Paths);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void ThePatchFromTheDifferencesMakesTheCurrentSessionTheWantedOne(string path, string property)
    {
        _ = property;
        var wanted = Changed(path);

        var patch = EditableSessionFields.ToPatch(WireMapping.ToWireFields(wanted), EditableSessionFields.Differences(Current, wanted));
        var result = patch.ApplyTo(Current, ids => [.. ids.Select(id => new SpeakerRef(id, wanted.Speakers.First(s => s.Id == id).Name))]);

        Assert.Equal(WireMapping.ToWireFields(wanted), WireMapping.ToWireFields(result));
    }

    [Fact]
    public void AStarMaskPatchesEveryField()
    {
        var patch = EditableSessionFields.ToPatch(WireMapping.ToWireFields(Current), new FieldMask { Paths = { "*" } });

        Assert.All(typeof(SessionPatch).GetProperties(), p => Assert.NotNull(p.GetValue(patch)));
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

    private static Session Changed(string path) => path switch
    {
        "kind" => Current with { Kind = SessionKind.Talk },
        "title" => Current with { Title = "Other" },
        "abstract" => Current with { Abstract = "Other" },
        "notes" => Current with { Notes = "Other" },
        "speaker_ids" => Current with { Speakers = [new SpeakerRef("jamal-hadi-salim", "Jamal Hadi Salim")] },
        "start_time" => Current with { Start = Current.Start.AddMinutes(-30) },
        "end_time" => Current with { End = Current.End.AddMinutes(30) },
        "status" => Current with { Status = SessionStatus.Scheduled },
        "slide_count" => Current with { SlideCount = 0 },
        "subtitle" => Current with { Subtitle = "Other" },
        "language" => Current with { Language = "de" },
        "links" => Current with { Links = [new Link("Recording", "https://video.example/other")] },
        "room_id" => Current with { RoomId = "hack-room" },
        "track_id" => Current with { TrackId = "" },
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };
}
