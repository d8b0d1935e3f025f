namespace NetconfCloud.Schedule.Import;

/// <summary>
/// What a reader returns: the document (null only when the file could not be read at all: too large, not
/// well-formed, not a schedule) and every problem found.
/// </summary>
public sealed record ScheduleReadResult(ScheduleDocument? Document, ValueList<ImportProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ImportProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);
}
