namespace NetconfCloud.Schedule.Import.Internal;

/// <summary>An event's fields as text, as a reader found them; the builder turns them into a <see cref="ScheduleEvent"/>.</summary>
internal sealed class RawEvent
{
    public required SourceLocation Location { get; init; }

    public string? Guid { get; set; }

    public string? Id { get; set; }

    public string? Code { get; set; }

    public string? Slug { get; set; }

    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public string? Abstract { get; set; }

    public string? Description { get; set; }

    public string? Language { get; set; }

    public string? Type { get; set; }

    public string? Track { get; set; }

    public string? TrackSlug { get; set; }

    public string? Room { get; set; }

    public string? RoomGuid { get; set; }

    /// <summary>An ISO date-time: frab's <c>&lt;date&gt;</c>, JSON <c>date</c>, schedule v2 <c>start</c>.</summary>
    public string? Date { get; set; }

    public SourceLocation? DateLocation { get; set; }

    /// <summary>A wall-clock "HH:MM" on <see cref="DayDate"/>, used only when there is no <see cref="Date"/>.</summary>
    public string? Start { get; set; }

    public SourceLocation? StartLocation { get; set; }

    public string? Duration { get; set; }

    public SourceLocation? DurationLocation { get; set; }

    /// <summary>An ISO date-time end (schedule v2); used when there is no duration.</summary>
    public string? End { get; set; }

    public DateOnly? DayDate { get; set; }

    public List<EventPerson> Persons { get; } = [];

    public List<ScheduleLink> Links { get; } = [];

    public List<ScheduleLink> Attachments { get; } = [];

    public bool RecordingOptOut { get; set; }

    public string? Url { get; set; }

    public string? FeedbackUrl { get; set; }

    public string? RecordingLicense { get; set; }
}
