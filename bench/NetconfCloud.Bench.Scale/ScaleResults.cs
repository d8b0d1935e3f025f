namespace NetconfCloud.Bench.Scale;

/// <summary>One agenda size, measured.</summary>
internal sealed record SizeResult(
    string ConferenceId,
    int Sessions,
    int Speakers,
    int Days,
    int ImportMessages,
    long ImportBytes,
    TimeSpan Import,
    TimeSpan ReadAgendaCold,
    TimeSpan ReadAgendaWarm,
    TimeSpan ListSessionsCold,
    TimeSpan ListSessionsWarm,
    int Pages,
    TimeSpan FeedFirst,
    TimeSpan FeedSecond,
    long FeedBytes);

/// <summary>The writes to one conference: every time measured, and their medians.</summary>
internal sealed record WriteResult(string ConferenceId, int Sessions, IReadOnlyList<TimeSpan> Titles, IReadOnlyList<TimeSpan> Moves)
{
    public TimeSpan TitleMedian => Median(Titles);

    public TimeSpan MoveMedian => Median(Moves);

    public static TimeSpan Median(IReadOnlyList<TimeSpan> times)
    {
        var sorted = times.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>Resident memory of one process (kB, from /proc/PID/status): at the start, and after the large agenda was read and rendered.</summary>
internal sealed record MemoryResult(string Process, int Pid, long StartKb, long AfterKb, long PeakKb);

internal sealed record ScaleResults(
    IReadOnlyList<SizeResult> Sizes,
    IReadOnlyList<WriteResult> Writes,
    IReadOnlyList<MemoryResult> Memory,
    string LoadBefore,
    string LoadAfter,
    IReadOnlyList<string> Failures);
