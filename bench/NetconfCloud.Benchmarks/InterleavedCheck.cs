using System.Diagnostics;
using System.Globalization;
using Ical.Net.Serialization;
using NetconfCloud.Feeds;

namespace NetconfCloud.Benchmarks;

/// <summary>
/// A cross-check for a busy machine: Ical.Net's serializer and our render from cold caches, one after the other in
/// one process, many rounds, so that load from elsewhere falls on both alike; prints the medians and their ratio.
/// </summary>
public static class InterleavedCheck
{
    public static void Run(int sessions, int rounds)
    {
        var options = new FeedOptions { PublicBaseUrl = new Uri("https://feeds.example.org/api") };
        var agenda = SyntheticAgenda.Build(sessions);
        var whole = FeedKinds.Of(FeedKind.Event).Select!(new FeedKey(FeedKind.Event, agenda.Conference.Id), agenda)!;
        var calendar = CalendarRenderer.Build(whole, agenda, options);
        void Serialize() => new CalendarSerializer().SerializeToString(calendar);
        void Render() => new CalendarComposer(options.EventCacheBytes).Render(whole, agenda, options);

        for (var i = 0; i < 3; i++)
        {
            Serialize();
            Render();
        }

        var serializer = new List<double>();
        var ours = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            serializer.Add(Milliseconds(Serialize));
            ours.Add(Milliseconds(Render));
        }

        var ratios = serializer.Zip(ours, (s, o) => o / s).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sessions} sessions, {rounds} rounds: Ical.Net CalendarSerializer median {Median(serializer):F1} ms, ours from cold caches median {Median(ours):F1} ms, median ratio {Median(ratios):F2}"));
    }

    private static double Milliseconds(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
