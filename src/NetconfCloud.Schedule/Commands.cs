namespace NetconfCloud.Schedule;

/// <summary>Filters for listing sessions; each is optional.</summary>
public sealed record SessionQuery(string ConferenceId, DateOnly? Day = null, string? SpeakerId = null, SessionKind? Kind = null)
{
    public string? RoomId { get; init; }

    public string? TrackId { get; init; }

    internal string Fingerprint => $"{ConferenceId};{Day:yyyy-MM-dd};{SpeakerId};{Kind};{RoomId};{TrackId}";
}

/// <summary>A new session: its content, with speakers named by id. An empty id is derived from the title (or the speakers).</summary>
public sealed record SessionDraft(string Id, SessionContent Content)
{
    /// <summary>The writer's id for this create (AIP-155), empty when none: a retry with it creates nothing new.</summary>
    public string RequestId { get; init; } = "";

    public IReadOnlyList<string> SpeakerIds => [.. Content.Speakers.Select(s => s.Id)];
}

/// <summary>
/// The fields an update changes (the update mask, by the paths of <see cref="SessionFields"/>) and their new values;
/// the other fields of <see cref="Values"/> are not read.
/// </summary>
public sealed record SessionPatch(IReadOnlyList<string> Fields, SessionContent Values)
{
    /// <summary>A patch of the named fields to the values <paramref name="values"/> has for them.</summary>
    public static SessionPatch Of(SessionContent values, params string[] fields)
    {
        foreach (var field in fields)
        {
            if (!SessionFields.TryFind(field, out var known) || !known.Editable)
            {
                throw new InvalidArgumentException("update_mask", $"'{field}' is not a field that can be changed; use {string.Join(", ", SessionFields.Editable.Select(f => f.Path))}.");
            }
        }

        return new SessionPatch([.. fields.Distinct(StringComparer.Ordinal)], values);
    }

    /// <summary>The session with the patched fields changed; speaker ids become references through <paramref name="speakers"/>.</summary>
    public Session ApplyTo(Session current, Func<IReadOnlyList<string>, IReadOnlyList<SpeakerRef>> speakers)
    {
        var patched = SessionFields.CopyFields(current, Values, Fields);
        return Fields.Contains(SessionFields.PathOf(nameof(SessionContent.Speakers)))
            ? patched with { Speakers = speakers([.. Values.Speakers.Select(s => s.Id)]) }
            : patched;
    }
}

/// <summary>The conference details an update changes; null leaves a field as it is (the update mask).</summary>
public sealed record ConferencePatch
{
    public string? Name { get; init; }
    public string? FullName { get; init; }
    public string? Subtitle { get; init; }
    public string? Description { get; init; }
    public string? TimeZoneId { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? Venue { get; init; }
    public string? Url { get; init; }
    public string? AgendaStatus { get; init; }
    public IReadOnlyList<DateOnly>? Days { get; init; }
    public IReadOnlyList<CommitteeMember>? Committee { get; init; }
    public CoLocatedEvent? CoLocatedEvent { get; init; }
    public bool ClearCoLocatedEvent { get; init; }
    public IReadOnlyList<Room>? Rooms { get; init; }
    public IReadOnlyList<Track>? Tracks { get; init; }

    public Conference ApplyTo(Conference c) => c with
    {
        Name = Name ?? c.Name,
        FullName = FullName ?? c.FullName,
        Subtitle = Subtitle ?? c.Subtitle,
        Description = Description ?? c.Description,
        TimeZoneId = TimeZoneId ?? c.TimeZoneId,
        City = City ?? c.City,
        Country = Country ?? c.Country,
        Venue = Venue ?? c.Venue,
        Url = Url ?? c.Url,
        AgendaStatus = AgendaStatus ?? c.AgendaStatus,
        Days = Days ?? c.Days,
        Committee = Committee ?? c.Committee,
        CoLocatedEvent = ClearCoLocatedEvent ? null : CoLocatedEvent ?? c.CoLocatedEvent,
        Rooms = Rooms ?? c.Rooms,
        Tracks = Tracks ?? c.Tracks,
    };
}

/// <summary>The speaker fields an update changes; null leaves a field as it is.</summary>
public sealed record SpeakerPatch
{
    public string? Name { get; init; }
    public IReadOnlyList<string>? AlsoKnownAs { get; init; }
    public string? Bio { get; init; }
    public IReadOnlyList<Link>? Links { get; init; }

    public Speaker ApplyTo(Speaker s) => s with
    {
        Name = Name ?? s.Name,
        AlsoKnownAs = AlsoKnownAs ?? s.AlsoKnownAs,
        Bio = Bio ?? s.Bio,
        Links = Links ?? s.Links,
    };
}

/// <summary>The sponsor fields an update changes; null leaves a field as it is. The position changes by a move.</summary>
public sealed record SponsorPatch
{
    public string? Name { get; init; }
    public string? Tagline { get; init; }
    public string? Tier { get; init; }
    public string? Url { get; init; }

    public Sponsor ApplyTo(Sponsor s) => s with
    {
        Name = Name ?? s.Name,
        Tagline = Tagline ?? s.Tagline,
        Tier = Tier ?? s.Tier,
        Url = Url ?? s.Url,
    };
}
