namespace NetconfCloud.Schedule.Import;

public sealed record ScheduleReadOptions
{
    /// <summary>
    /// 32 MiB. The largest real export we know, FOSDEM 2026 with full abstracts for 883 events, is 2.7 MB; 38C3 with
    /// 1,007 events is 2.2 MB. A congress three times that size still fits several times over, while a runaway or
    /// hostile upload is refused before it is parsed and before it costs more than this much memory.
    /// </summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    /// <summary>c3voc JSON nests about 8 levels; 64 leaves room and stops a pathological nesting early.</summary>
    public const int DefaultMaxJsonDepth = 64;

    /// <summary>frab XML nests about 6 levels (schedule, day, room, event, persons, person); 64 leaves room and refuses a pathological nesting at once.</summary>
    public const int DefaultMaxXmlDepth = 64;

    public static ScheduleReadOptions Default { get; } = new();

    /// <summary>The IANA zone to assume when the file gives none (Pentabarf files never do).</summary>
    public string? TimeZone { get; init; }

    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public int MaxJsonDepth { get; init; } = DefaultMaxJsonDepth;

    public int MaxXmlDepth { get; init; } = DefaultMaxXmlDepth;
}
