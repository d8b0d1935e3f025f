namespace NetconfCloud.Schedule.Import;

public enum ProblemSeverity
{
    /// <summary>Breaks no format but looks wrong: a duplicate guid, a room with two guids, an empty title.</summary>
    Warning,

    /// <summary>Something the reader could not take: the file does not parse, an event has no usable start.</summary>
    Error,
}

/// <summary>
/// One problem found while reading. <see cref="Path"/> is ours and stable across formats (<c>events[412].start</c>,
/// <c>conference.time_zone</c>, <c>rooms[3]</c>); events are numbered in the order the file lists them.
/// </summary>
public sealed record ImportProblem(ProblemSeverity Severity, string Path, SourceLocation? Location, string Message)
{
    public override string ToString() => $"{Severity} {Path} at {Location?.ToString() ?? "-"}: {Message}";
}
