using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Bench.Watchers;

/// <summary>
/// The phases of one run against one service: an idle baseline with no watcher; a warm-up write (so that the log
/// has a change to open streams on); N streams opened; the window, in which nothing else happens; a few writes that
/// every stream should receive; a probe of the per-caller cap. Storage requests are counted in each phase, by kind.
/// Ends with one <c>result</c> line of tab-separated key=value pairs for bench/watchers.sh.
/// </summary>
internal sealed class WatcherBench(BenchSettings settings, TextWriter output)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly List<(string Key, string Value)> result = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var counter = new StorageCounter(http, settings.Counter);
        using var writer = new Caller(settings.Address, "Bench Organiser", canWrite: true);
        Add("label", settings.Label);
        Add("streams", settings.Streams);

        Say($"idle baseline: no watcher, {settings.Idle.TotalSeconds:0} s");
        var idle = await counter.MeasureAsync(settings.Idle, during: null, cancellationToken);
        Report("idle", idle);

        var sessionId = (await writer.Client.ListSessionsAsync(
            new ListSessionsRequest { ConferenceId = settings.ConferenceId, PageSize = 1 }, writer.Headers, cancellationToken: cancellationToken)).Sessions[0].Id;
        await WriteAsync(writer, sessionId, "warm-up", cancellationToken);
        var openVersion = await VersionAsync(writer, cancellationToken);

        var callers = Enumerable.Range(1, settings.Callers).Select(i => new Caller(settings.Address, Name(i), canWrite: false)).ToList();
        var watchers = Enumerable.Range(0, settings.Streams).Select(i => new Watcher(i, callers[i / settings.PerCaller])).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            Say($"opening {settings.Streams} streams for {settings.ConferenceId} as {callers.Count} callers ({settings.PerCaller} each) after version {openVersion - 1}");
            var opening = TimeProvider.System.GetTimestamp();
            var before = await counter.ReadAsync(cancellationToken);
            var running = watchers.Select(w => w.RunAsync(settings.ConferenceId, openVersion, stop.Token)).ToList();
            await Settle(Task.WhenAll(watchers.Select(w => w.Opened)), settings.OpenTimeout, cancellationToken);
            var opened = await counter.ReadAsync(cancellationToken) - before;
            var open = watchers.Where(w => w.Opened.IsCompletedSuccessfully).ToList();
            Say($"{open.Count} of {settings.Streams} open in {TimeProvider.System.GetElapsedTime(opening).TotalSeconds:0.0} s, {opened.Total} storage requests meanwhile ({Kinds(opened)}){Failures(watchers)}");
            Add("opened", open.Count);
            Add("open_requests", opened.Total);

            Say($"holding them open for {settings.Window.TotalSeconds:0} s, nothing else happening");
            var held = await counter.MeasureAsync(settings.Window, during: null, cancellationToken);
            Report("watch", held);
            var lost = open.Count(w => w.Failure is not null);
            Say($"{open.Count - lost} of {open.Count} still open at the end of the window{Failures(open)}");
            Add("still_open", open.Count - lost);

            var sent = new List<(long Version, long At)>();
            if (settings.Writes > 0)
            {
                Say($"{settings.Writes} writes, {settings.WriteGap.TotalSeconds:0.#} s apart, each to reach every open stream");
                var writing = await counter.MeasureAsync(TimeSpan.Zero, async token =>
                {
                    for (var i = 1; i <= settings.Writes; i++)
                    {
                        if (i > 1)
                        {
                            await Task.Delay(settings.WriteGap, token);
                        }

                        var at = TimeProvider.System.GetTimestamp();
                        await WriteAsync(writer, sessionId, string.Create(CultureInfo.InvariantCulture, $"write {i}"), token);
                        sent.Add((openVersion + i, at));
                    }

                    await Settle(WhenDelivered(open, openVersion + settings.Writes, token), DeliveryTimeout, token);
                }, cancellationToken);
                Report("writes", writing);
                var last = await VersionAsync(writer, cancellationToken);
                if (last != openVersion + settings.Writes)
                {
                    Say($"warning: the agenda is at version {last}, not {openVersion + settings.Writes}: someone else wrote too");
                }

                ReportDelivery(open, sent);
            }

            await ProbeCallerCapAsync(watchers, callers, openVersion, cancellationToken);

            await stop.CancelAsync();
            await Task.WhenAll(running);
            await output.WriteLineAsync("result\t" + string.Join('\t', result.Select(r => $"{r.Key}={r.Value}")));
            var complete = open.Count == settings.Streams && open.All(w => Delivered(w, openVersion, settings.Writes) == settings.Writes);
            return complete ? 0 : 1;
        }
        finally
        {
            foreach (var caller in callers)
            {
                caller.Dispose();
            }
        }
    }

    /// <summary>One caller more than its share: the service since the bounded watchers refuses it; before, it did not.</summary>
    private async Task ProbeCallerCapAsync(List<Watcher> watchers, List<Caller> callers, long openVersion, CancellationToken cancellationToken)
    {
        if (callers.Count == 0)
        {
            return;
        }

        var first = callers[0];
        var share = watchers.Count(w => w.Caller == first && w.Failure is null);
        if (share < settings.PerCaller)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probe = new Watcher(watchers.Count, first);
        var running = probe.RunAsync(settings.ConferenceId, openVersion, stop.Token);
        await Settle(probe.Opened, ProbeTimeout, cancellationToken);
        var outcome = probe.Opened.IsCompletedSuccessfully ? "opened"
            : probe.Failure is { } failure ? failure
            : FormattableString.Invariant($"no answer in {ProbeTimeout.TotalSeconds:0} s");
        Say($"stream {share + 1} of caller '{first.Name}': {outcome}");
        Add("caller_cap_probe", probe.Opened.IsCompletedSuccessfully ? "opened" : probe.Failure is { } f ? f.Split(':')[0] : "timeout");
        await stop.CancelAsync();
        await running;
    }

    private void ReportDelivery(List<Watcher> open, List<(long Version, long At)> sent)
    {
        var first = sent.Count > 0 ? sent[0].Version - 1 : 0;
        var counts = open.Select(w => Delivered(w, first, sent.Count)).ToList();
        var latencies = open
            .SelectMany(w => sent.Where(s => w.Received.ContainsKey(s.Version)).Select(s => TimeProvider.System.GetElapsedTime(s.At, w.Received[s.Version]).TotalMilliseconds))
            .Order()
            .ToList();
        var all = counts.Count(c => c == sent.Count);
        if (counts.Count == 0)
        {
            Say($"no open stream to deliver to");
        }
        else
        {
            Say($"{all} of {open.Count} streams got all {sent.Count} changes; per stream {counts.Min()}..{counts.Max()}, {counts.Sum()} in all");
        }
        if (latencies.Count > 0)
        {
            Say($"from sending a write to a stream receiving it: median {Quantile(latencies, 0.5):0} ms, p95 {Quantile(latencies, 0.95):0} ms, max {latencies[^1]:0} ms");
        }

        Add("writes", sent.Count);
        Add("streams_with_all", all);
        Add("changes_per_stream_min", counts.Count > 0 ? counts.Min() : 0);
        Add("changes_per_stream_max", counts.Count > 0 ? counts.Max() : 0);
        Add("changes_delivered", counts.Sum());
        Add("delivery_p50_ms", latencies.Count > 0 ? Quantile(latencies, 0.5) : double.NaN);
        Add("delivery_max_ms", latencies.Count > 0 ? latencies[^1] : double.NaN);
    }

    private void Report(string phase, Window window)
    {
        var c = window.Counts;
        var seconds = window.PerSecond.Count > 0 ? FormattableString.Invariant($"; per second {window.PerSecond.Min()}..{window.PerSecond.Max()}") : "";
        Say($"{phase}: {c.Total} storage requests in {window.Elapsed.TotalSeconds:0.0} s = {window.PerSecondMean:0.00}/s{seconds} ({Kinds(c)})");
        Add($"{phase}_s", window.Elapsed.TotalSeconds);
        Add($"{phase}_requests", c.Total);
        Add($"{phase}_rps", window.PerSecondMean);
        Add($"{phase}_changelog_rps", window.ChangeLogPerSecond);
    }

    private static string Kinds(StorageCounts c) =>
        FormattableString.Invariant($"change-log queries {c.ChangeLog}, conference-row reads {c.ConferenceRow}, writes {c.Write}, other {c.Other}");

    private static int Delivered(Watcher watcher, long after, int count) =>
        Enumerable.Range(1, count).Count(i => watcher.Received.ContainsKey(after + i));

    private static async Task WhenDelivered(List<Watcher> open, long version, CancellationToken cancellationToken)
    {
        while (!open.All(w => w.Received.ContainsKey(version) || w.Failure is not null))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits for <paramref name="task"/> at most <paramref name="timeout"/>, whether it succeeds or not.</summary>
    private static async Task Settle(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        catch (InvalidOperationException)
        {
            // A stream was refused; the caller counts which.
        }
    }

    private Task<Session> WriteAsync(Caller writer, string sessionId, string what, CancellationToken cancellationToken) =>
        writer.Client.UpdateSessionAsync(
            new UpdateSessionRequest
            {
                ConferenceId = settings.ConferenceId,
                Session = new Session { Id = sessionId, Notes = FormattableString.Invariant($"Watcher bench, {what}, {DateTimeOffset.UtcNow:O}") },
                UpdateMask = new FieldMask { Paths = { "notes" } },
            },
            writer.Headers,
            cancellationToken: cancellationToken).ResponseAsync;

    private async Task<long> VersionAsync(Caller caller, CancellationToken cancellationToken) =>
        (await caller.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = settings.ConferenceId }, caller.Headers, cancellationToken: cancellationToken)).AgendaVersion;

    private static string Failures(IEnumerable<Watcher> watchers)
    {
        var failed = watchers.Where(w => w.Failure is not null).GroupBy(w => w.Failure).Select(g => $"{g.Count()} × {g.Key}").ToList();
        return failed.Count == 0 ? "" : "; ended: " + string.Join("; ", failed);
    }

    private static double Quantile(List<double> sorted, double q) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    private static string Name(int caller) => string.Create(CultureInfo.InvariantCulture, $"Bench Watcher {caller:D3}");

    private void Add(string key, object value) =>
        result.Add((key, value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));

    private void Say(FormattableString line) => output.WriteLine($"[{settings.Label}] {FormattableString.Invariant(line)}");
}
