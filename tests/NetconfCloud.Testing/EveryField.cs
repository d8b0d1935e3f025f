using NetconfCloud.Schedule;

namespace NetconfCloud.Testing;

/// <summary>
/// A session with every field of its content set to a value other than the default, in a room and a track of its
/// own, on Netconf 2015's first day. Tests of each place a session passes through (the wire, storage, the change log,
/// the seed format, imports, exports) check that every field survives it. A field added to
/// <see cref="SessionContent"/> and not given a value here fails <see cref="UnsetFields"/>'s check in each of them.
/// </summary>
public static class EveryField
{
    public static readonly Room Room = new("saal-1", "Saal 1");

    public static readonly Track Track = new("hardware", "Hardware", "#336699");

    public static Session Session { get; } = new("every-field", new SessionContent
    {
        Kind = SessionKind.Meal,
        Title = "Every field 🐝",
        Subtitle = "A subtitle",
        Abstract = "An abstract\nof two lines.",
        Notes = "A note.",
        Speakers = [new SpeakerRef("jamal-hadi-salim", "Jamal Hadi Salim"), new SpeakerRef("david-miller", "David S. Miller")],
        Start = new DateTimeOffset(2015, 2, 12, 22, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2015, 2, 12, 22, 45, 0, TimeSpan.Zero),
        Status = SessionStatus.Cancelled,
        SlideCount = 3,
        Language = "de-AT",
        Links = [new Link("Slides", "https://example.org/slides.pdf"), new Link("Recording", "https://example.org/video")],
        RoomId = Room.Id,
        TrackId = Track.Id,
        SourceGuid = "0a8d7a5e-3c1b-4f6a-9d2e-1b2c3d4e5f60",
        SourceUrl = "https://example.org/2015/talks/every-field",
    })
    {
        Sequence = 5,
        UpdateTime = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero),
    };

    /// <summary>
    /// Another session that differs from <see cref="Session"/> in every field of its content (in the same room, the
    /// other day), so that one field copied from it into <see cref="Session"/> changes that field alone.
    /// </summary>
    public static Session Other { get; } = new("every-field", new SessionContent
    {
        Kind = SessionKind.Break,
        Title = "Another title",
        Subtitle = "Another subtitle",
        Abstract = "Another abstract.",
        Notes = "Another note.",
        Speakers = [new SpeakerRef("thomas-graf", "Thomas Graf")],
        Start = new DateTimeOffset(2015, 2, 13, 15, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2015, 2, 13, 16, 0, 0, TimeSpan.Zero),
        Status = SessionStatus.Scheduled,
        SlideCount = 1,
        Language = "fr",
        Links = [new Link("Video", "https://example.org/other-video")],
        RoomId = "saal-2",
        TrackId = "software",
        SourceGuid = "7e1f3b2a-0c4d-4e5f-8a9b-0c1d2e3f4a5b",
        SourceUrl = "https://example.org/2015/talks/another",
    })
    {
        Sequence = 6,
        UpdateTime = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Netconf 2015 (or another agenda) with the room and the track of <see cref="Session"/>, and it.</summary>
    public static AgendaSnapshot AddedTo(AgendaSnapshot agenda) => agenda with
    {
        Conference = agenda.Conference with { Rooms = [.. agenda.Conference.Rooms, Room], Tracks = [.. agenda.Conference.Tracks, Track] },
        Sessions = [.. agenda.Sessions, Session],
    };

    /// <summary>The content fields a session leaves at their defaults (empty text, no items, zero).</summary>
    public static IReadOnlyList<string> UnsetFields(SessionContent content) =>
        [.. SessionFields.All.Where(f => IsDefault(f.ValueOf(content))).Select(f => f.Path)];

    /// <summary>The content fields in which two sessions differ (lists by their items), each with both values.</summary>
    public static IReadOnlyList<string> Differences(SessionContent expected, SessionContent actual) =>
        [.. SessionFields.All.Where(f => f.Differs(expected, actual)).Select(f => $"{f.Path}: {Show(f.ValueOf(expected))} became {Show(f.ValueOf(actual))}")];

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string text => text.Length == 0,
        System.Collections.IEnumerable list => !list.Cast<object>().Any(),
        _ => value.Equals(Activator.CreateInstance(value.GetType())),
    };

    private static string Show(object? value) => value is System.Collections.IEnumerable list and not string
        ? $"[{string.Join(", ", list.Cast<object>())}]"
        : $"'{value}'";
}
