namespace NetconfCloud.Schedule;

/// <summary>Filters for listing sessions; each is optional.</summary>
public sealed record SessionQuery(string ConferenceId, DateOnly? Day = null, string? SpeakerId = null, SessionKind? Kind = null)
{
    internal string Fingerprint => $"{ConferenceId};{Day:yyyy-MM-dd};{SpeakerId};{Kind}";
}

/// <summary>A new session. An empty id is derived from the title (or the speakers).</summary>
public sealed record SessionDraft(
    string Id,
    SessionKind Kind,
    string Title,
    string Abstract,
    string Notes,
    IReadOnlyList<string> SpeakerIds,
    DateTimeOffset Start,
    DateTimeOffset End,
    int SlideCount = 0)
{
    /// <summary>The writer's id for this create (AIP-155), empty when none: a retry with it creates nothing new.</summary>
    public string RequestId { get; init; } = "";
}

/// <summary>The fields an update changes; null leaves a field as it is (the update mask).</summary>
public sealed record SessionPatch
{
    public SessionKind? Kind { get; init; }
    public string? Title { get; init; }
    public string? Abstract { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<string>? SpeakerIds { get; init; }
    public DateTimeOffset? Start { get; init; }
    public DateTimeOffset? End { get; init; }
    public SessionStatus? Status { get; init; }
    public int? SlideCount { get; init; }

    /// <summary>The session with the patched fields changed; speaker ids become references through <paramref name="speakers"/>.</summary>
    public Session ApplyTo(Session current, Func<IReadOnlyList<string>, IReadOnlyList<SpeakerRef>> speakers) => current with
    {
        Kind = Kind ?? current.Kind,
        Title = Title ?? current.Title,
        Abstract = Abstract ?? current.Abstract,
        Notes = Notes ?? current.Notes,
        Speakers = SpeakerIds is { } ids ? speakers(ids) : current.Speakers,
        Start = Start ?? current.Start,
        End = End ?? current.End,
        Status = Status ?? current.Status,
        SlideCount = SlideCount ?? current.SlideCount,
    };
}
