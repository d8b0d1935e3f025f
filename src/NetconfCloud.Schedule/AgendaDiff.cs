namespace NetconfCloud.Schedule;

/// <summary>
/// The one place that says when two versions of a conference or a speaker publish the same thing (lists compared by
/// their items), and which sponsor rows a new order needs: an edit or an import that changes nothing writes nothing.
/// </summary>
internal static class AgendaDiff
{
    public static bool SameDetails(Conference a, Conference b) =>
        a with { Days = [], Committee = [], Rooms = [], Tracks = [] } == b with { Days = [], Committee = [], Rooms = [], Tracks = [] }
        && a.Days.SequenceEqual(b.Days) && a.Committee.SequenceEqual(b.Committee) && a.Rooms.SequenceEqual(b.Rooms) && a.Tracks.SequenceEqual(b.Tracks);

    public static bool SameSpeaker(Speaker a, Speaker b) =>
        a.Name == b.Name && a.Bio == b.Bio && a.SourceId == b.SourceId && a.AlsoKnownAs.SequenceEqual(b.AlsoKnownAs) && a.Links.SequenceEqual(b.Links);

    /// <summary>
    /// The sponsors of <paramref name="wanted"/> at their positions in it, those whose row changes, and the positions
    /// past its end that held a sponsor before.
    /// </summary>
    public static (IReadOnlyList<Sponsor> Write, IReadOnlyList<int> Remove) SponsorRows(IReadOnlyList<Sponsor> current, IReadOnlyList<Sponsor> wanted)
    {
        var before = current.ToDictionary(s => s.Order);
        var placed = wanted.Select((s, i) => s with { Order = i }).ToArray();
        return ([.. placed.Where(s => !before.TryGetValue(s.Order, out var was) || was != s)], [.. before.Keys.Where(order => order >= placed.Length)]);
    }
}
