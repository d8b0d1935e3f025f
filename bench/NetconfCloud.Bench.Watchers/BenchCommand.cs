using System.CommandLine;

namespace NetconfCloud.Bench.Watchers;

/// <summary>The command line of the watcher load (bench/watchers.sh passes every option).</summary>
internal static class BenchCommand
{
    private static readonly Option<string> Address = new("--address") { Description = "The schedule service under test (loopback only).", Required = true };

    private static readonly Option<string> Counter = new("--counter") { Description = "The storage counter's /_counter address (bench/storage-counter.mjs).", Required = true };

    private static readonly Option<string> Label = new("--label") { Description = "What the results are labelled with (before, after).", DefaultValueFactory = _ => "service" };

    private static readonly Option<string> ConferenceId = new("--conference") { Description = "Conference to watch.", DefaultValueFactory = _ => "netconf-2015" };

    private static readonly Option<int> Streams = new("--streams") { Description = "WatchSchedule streams to hold open.", DefaultValueFactory = _ => 300 };

    private static readonly Option<int> PerCaller = new("--per-caller") { Description = "Streams per caller (the service allows 10).", DefaultValueFactory = _ => 10 };

    private static readonly Option<double> IdleSeconds = new("--idle") { Description = "Seconds of the baseline with no watcher.", DefaultValueFactory = _ => 30 };

    private static readonly Option<double> WindowSeconds = new("--window") { Description = "Seconds the streams are held open and storage requests counted.", DefaultValueFactory = _ => 30 };

    private static readonly Option<int> Writes = new("--writes") { Description = "Writes after the window, that every stream should receive.", DefaultValueFactory = _ => 3 };

    private static readonly Option<double> WriteGapSeconds = new("--write-gap") { Description = "Seconds between two writes.", DefaultValueFactory = _ => 2 };

    private static readonly Option<double> OpenTimeoutSeconds = new("--open-timeout") { Description = "Seconds allowed for every stream to open.", DefaultValueFactory = _ => 60 };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Holds WatchSchedule streams open and counts the storage requests the service makes meanwhile.")
        {
            Address, Counter, Label, ConferenceId, Streams, PerCaller, IdleSeconds, WindowSeconds, Writes, WriteGapSeconds, OpenTimeoutSeconds,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new BenchSettings(
                new Uri(parse.GetValue(Address)!, UriKind.Absolute),
                new Uri(parse.GetValue(Counter)!, UriKind.Absolute),
                parse.GetValue(Label)!,
                parse.GetValue(ConferenceId)!,
                parse.GetValue(Streams),
                parse.GetValue(PerCaller),
                TimeSpan.FromSeconds(parse.GetValue(IdleSeconds)),
                TimeSpan.FromSeconds(parse.GetValue(WindowSeconds)),
                parse.GetValue(Writes),
                TimeSpan.FromSeconds(parse.GetValue(WriteGapSeconds)),
                TimeSpan.FromSeconds(parse.GetValue(OpenTimeoutSeconds)));
            if (settings.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync($"error: {problem}");
                return 2;
            }

            return await new WatcherBench(settings, Console.Out).RunAsync(cancellationToken);
        });
        return await root.Parse(args).InvokeAsync();
    }
}

internal sealed record BenchSettings(
    Uri Address,
    Uri Counter,
    string Label,
    string ConferenceId,
    int Streams,
    int PerCaller,
    TimeSpan Idle,
    TimeSpan Window,
    int Writes,
    TimeSpan WriteGap,
    TimeSpan OpenTimeout)
{
    public int Callers => (Streams + PerCaller - 1) / PerCaller;

    /// <summary>What is wrong with these settings, or null. The load goes to loopback only.</summary>
    public string? Problem() =>
        !Address.IsLoopback || !Counter.IsLoopback ? "--address and --counter must be loopback addresses."
        : Streams < 0 ? "--streams must not be negative."
        : PerCaller < 1 ? "--per-caller must be at least 1."
        : Writes < 0 ? "--writes must not be negative."
        : Idle <= TimeSpan.Zero || Window <= TimeSpan.Zero ? "--idle and --window must be positive."
        : null;
}
