using System.Globalization;

namespace NetconfCloud.Bench.Scale;

/// <summary>The results as tables, then each target with its value and whether it is met.</summary>
internal static class Report
{
    /// <summary>Whole agenda through gRPC: large at most this many times small.</summary>
    public const double ReadRatioTarget = 12;

    public static readonly TimeSpan ReadTimeTarget = TimeSpan.FromSeconds(2);

    /// <summary>A write in the large agenda at most this many times a write in the seeded one.</summary>
    public const double WriteRatioTarget = 2;

    public static readonly TimeSpan ImportTimeTarget = TimeSpan.FromSeconds(60);

    public static string Time(TimeSpan t) =>
        t < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0.0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.00} s");

    /// <summary>Writes the tables and the targets; returns how many targets were missed.</summary>
    public static int Write(ScaleResults results, ScaleSettings settings, TextWriter output)
    {
        var (small, large) = (results.Sizes[0], results.Sizes[1]);
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        void Line(FormattableString line) => output.WriteLine(line.ToString(CultureInfo.InvariantCulture));

        output.WriteLine();
        Line($"Scale: {N(small.Sessions)} and {N(large.Sessions)} sessions ({small.ConferenceId}: {N(small.Speakers)} speakers, {small.Days} days; {large.ConferenceId}: {N(large.Speakers)} speakers, {large.Days} days; {SyntheticAgenda.Rooms} rooms, {SyntheticAgenda.TimeZoneId})");
        Line($"Machine: {Environment.ProcessorCount} cores shared by the bench and the servers; load average before {results.LoadBefore}, after {results.LoadAfter}");
        Line($"{"measure",-64} {N(small.Sessions),12} {N(large.Sessions),12} {"ratio",7}");
        void Row(string what, TimeSpan a, TimeSpan b) => Line($"{what,-64} {Time(a),12} {Time(b),12} {b / a,7:0.0}");
        Row($"ImportAgenda ({small.ImportMessages} / {large.ImportMessages} messages, {small.ImportBytes / 1e6:0.0} / {large.ImportBytes / 1e6:0.0} MB)", small.Import, large.Import);
        Row("ReadAgenda, whole stream, cold (first read after the import)", small.ReadAgendaCold, large.ReadAgendaCold);
        Row($"ReadAgenda, whole stream, warm (median of {settings.WarmReads})", small.ReadAgendaWarm, large.ReadAgendaWarm);
        Row($"ListSessions, {small.Pages} / {large.Pages} pages of 100, cold (first read after an edit)", small.ListSessionsCold, large.ListSessionsCold);
        Row($"ListSessions, {small.Pages} / {large.Pages} pages of 100, warm (median of {settings.WarmReads})", small.ListSessionsWarm, large.ListSessionsWarm);
        Row($"calendar.ics ({small.FeedBytes / 1e6:0.0} / {large.FeedBytes / 1e6:0.0} MB), first request: worker reads and renders", small.FeedFirst, large.FeedFirst);
        Row("calendar.ics, second request", small.FeedSecond, large.FeedSecond);

        var (seeded, big) = (results.Writes[0], results.Writes[1]);
        output.WriteLine();
        var seededName = $"{seeded.ConferenceId} ({N(seeded.Sessions)})";
        var bigName = $"{big.ConferenceId} ({N(big.Sessions)})";
        Line($"{$"UpdateSession, median of {seeded.Titles.Count}",-64} {seededName,20} {bigName,20} {"ratio",7}");
        Line($"{"title",-64} {Time(seeded.TitleMedian),20} {Time(big.TitleMedian),20} {big.TitleMedian / seeded.TitleMedian,7:0.00}");
        Line($"{"move (start and end 5 minutes later, or back)",-64} {Time(seeded.MoveMedian),20} {Time(big.MoveMedian),20} {big.MoveMedian / seeded.MoveMedian,7:0.00}");
        Line($"{"  every title write, ms",-30} {Millis(seeded.Titles)} | {Millis(big.Titles)}");
        Line($"{"  every move, ms",-30} {Millis(seeded.Moves)} | {Millis(big.Moves)}");

        output.WriteLine();
        Line($"{"resident memory (VmRSS)",-64} {"at start",12} {"after",12} {"peak",9}");
        foreach (var m in results.Memory)
        {
            Line($"{$"{m.Process} (pid {m.Pid}); after: {N(large.Sessions)} read and rendered",-64} {Mb(m.StartKb),12} {Mb(m.AfterKb),12} {Mb(m.PeakKb),9}");
        }

        output.WriteLine();
        Line($"{"target",-64} {"value",12} {"target",12}");
        var missed = 0;
        void Target(string what, double value, string shown, double limit, string limitShown)
        {
            var met = value <= limit;
            missed += met ? 0 : 1;
            Line($"{what,-64} {shown,12} {limitShown,12}  {(met ? "met" : "MISSED")}");
        }

        foreach (var (name, a, b) in new[]
        {
            ("ReadAgenda cold", small.ReadAgendaCold, large.ReadAgendaCold),
            ("ReadAgenda warm", small.ReadAgendaWarm, large.ReadAgendaWarm),
            ("ListSessions cold", small.ListSessionsCold, large.ListSessionsCold),
            ("ListSessions warm", small.ListSessionsWarm, large.ListSessionsWarm),
        })
        {
            Target($"whole agenda, {name}: {N(large.Sessions)} / {N(small.Sessions)}", b / a, string.Create(CultureInfo.InvariantCulture, $"{b / a:0.0}"), ReadRatioTarget, $"<= {ReadRatioTarget}");
            Target($"whole agenda, {name}: {N(large.Sessions)}", b.TotalSeconds, Time(b), ReadTimeTarget.TotalSeconds, $"< {Time(ReadTimeTarget)}");
        }

        Target($"write title: {big.ConferenceId} / {seeded.ConferenceId}", big.TitleMedian / seeded.TitleMedian,
            string.Create(CultureInfo.InvariantCulture, $"{big.TitleMedian / seeded.TitleMedian:0.00}"), WriteRatioTarget, $"<= {WriteRatioTarget}");
        Target($"write move: {big.ConferenceId} / {seeded.ConferenceId}", big.MoveMedian / seeded.MoveMedian,
            string.Create(CultureInfo.InvariantCulture, $"{big.MoveMedian / seeded.MoveMedian:0.00}"), WriteRatioTarget, $"<= {WriteRatioTarget}");
        Target($"ImportAgenda of {N(large.Sessions)}", large.Import.TotalSeconds, Time(large.Import), ImportTimeTarget.TotalSeconds, $"<= {Time(ImportTimeTarget)}");
        Line($"{missed} target(s) missed");
        return missed;
    }

    private static string Millis(IReadOnlyList<TimeSpan> times) =>
        string.Join(' ', times.Select(t => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)));

    private static string Mb(long kb) => string.Create(CultureInfo.InvariantCulture, $"{kb / 1024.0:0} MB");
}
