using System.Net.Http.Json;
using System.Text.Json;

namespace NetconfCloud.Bench.Watchers;

/// <summary>The storage requests counted so far by bench/storage-counter.mjs, by kind.</summary>
internal sealed record StorageCounts(long Total, long ChangeLog, long ConferenceRow, long Write, long Other)
{
    public static StorageCounts operator -(StorageCounts a, StorageCounts b) =>
        new(a.Total - b.Total, a.ChangeLog - b.ChangeLog, a.ConferenceRow - b.ConferenceRow, a.Write - b.Write, a.Other - b.Other);
}

/// <summary>Reads the counting proxy that stands between the service under test and Azurite.</summary>
internal sealed class StorageCounter(HttpClient http, Uri address)
{
    public async Task<StorageCounts> ReadAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<StorageCounts>(address, JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidDataException($"{address} answered no counts.");

    /// <summary>
    /// Storage requests over <paramref name="length"/>, read every second, while <paramref name="during"/> (if any)
    /// runs; the window lasts as long as the longer of the two.
    /// </summary>
    public async Task<Window> MeasureAsync(TimeSpan length, Func<CancellationToken, Task>? during, CancellationToken cancellationToken)
    {
        var start = await ReadAsync(cancellationToken);
        var clock = TimeProvider.System.GetTimestamp();
        var work = during is null ? Task.CompletedTask : during(cancellationToken);
        var perSecond = new List<long>();
        var last = start;
        var seconds = (int)Math.Ceiling(length.TotalSeconds);
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (perSecond.Count < seconds || !work.IsCompleted)
        {
            await ticks.WaitForNextTickAsync(cancellationToken);
            var now = await ReadAsync(cancellationToken);
            perSecond.Add(now.Total - last.Total);
            last = now;
        }

        await work;
        var end = await ReadAsync(cancellationToken);
        return new Window(end - start, TimeProvider.System.GetElapsedTime(clock), perSecond);
    }
}

/// <summary>What a measuring window counted: by kind in all, and the total of each whole second.</summary>
internal sealed record Window(StorageCounts Counts, TimeSpan Elapsed, IReadOnlyList<long> PerSecond)
{
    public double PerSecondMean => Counts.Total / Elapsed.TotalSeconds;

    public double ChangeLogPerSecond => Counts.ChangeLog / Elapsed.TotalSeconds;
}
