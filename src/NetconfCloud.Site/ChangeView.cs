using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// How one public change reads, for the page and the feed alike: its title, and one sentence of what changed with the
/// times in the conference's zone and rooms by name.
/// </summary>
internal sealed class ChangeView(Conference conference, SiteLanguage language)
{
    /// <summary>A version with more sessions changed than this is one entry in the feed (its counts), not one per session.</summary>
    public const int MaxEntriesPerVersion = 5;

    private readonly ConferenceTimeZone zone = conference.TimeZone;
    private readonly Dictionary<string, string> rooms = conference.Rooms.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);

    private readonly ChangeTexts texts = language.Texts.Changes;

    public ChangeTexts Texts => texts;

    public string Title(SessionUpdate update) => update.Title.Trim().Length > 0 ? update.Title : texts.Untitled;

    public string Room(string id) => id.Length == 0 ? "" : rooms.GetValueOrDefault(id, id);

    private string RoomOrNone(string id) => id.Length == 0 ? texts.NoRoom : Room(id);

    /// <summary>"Thu 12 Feb 10:00–10:30".</summary>
    public string Slot(DateTimeOffset start, DateTimeOffset end) =>
        $"{zone.ToLocal(start).ToString("ddd d MMM HH:mm", language.Culture)}–{zone.ToLocal(end).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public string When(DateTimeOffset instant) => language.DateAndTime(zone.ToLocal(instant));

    /// <summary>"Thu 12 Feb 12:00–12:30, Janson; moved from Thu 12 Feb 10:00–10:30; was titled “BPF”."</summary>
    public string Describe(SessionUpdate u)
    {
        var parts = new List<string> { ChangeTexts.WhenWhere(Slot(u.Start, u.End), Room(u.RoomId)) };
        if (u.Is(PublicChangeKind.Moved))
        {
            parts.Add(texts.MovedFromTo(Slot(u.PreviousStart, u.PreviousEnd), Slot(u.Start, u.End)));
        }

        if (u.Is(PublicChangeKind.RoomChanged))
        {
            parts.Add(texts.RoomFromTo(RoomOrNone(u.PreviousRoomId), RoomOrNone(u.RoomId)));
        }

        if (u.Is(PublicChangeKind.Retitled))
        {
            parts.Add(texts.WasTitled(u.PreviousTitle));
        }

        return string.Join("; ", parts) + ".";
    }
}
