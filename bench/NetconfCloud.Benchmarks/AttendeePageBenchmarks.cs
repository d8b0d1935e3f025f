using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using NetconfCloud.Feeds;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Seed;
using NetconfCloud.Site;

namespace NetconfCloud.Benchmarks;

/// <summary>
/// A conference's attendee page: the first render of an agenda version (the template kept per version) and a
/// request after it (the now-and-next section, the whole body and its ETag), through <see cref="PagePublisher"/>
/// as the page function calls it. Netconf 2015 (the seed, 30 sessions) and FOSDEM 2026 (the published
/// schedule.xml read and planned in memory as an import would: 883 events, 30 rooms, 70 tracks). The page's size,
/// raw and compressed, is printed at setup.
/// </summary>
[MemoryDiagnoser]
public class AttendeePageBenchmarks
{
    private static readonly FeedOptions Options = new() { PublicBaseUrl = new Uri("https://feeds.example.org/api") };

    private AgendaSnapshot agenda = null!;
    private PagePublisher warm = null!;
    private DateTimeOffset now;

    [Params("netconf-2015", "fosdem-2026")]
    public string Conference { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        agenda = Conference == "fosdem-2026" ? Fosdem() : AgendaSeed.LoadNetconf2015(SyntheticAgenda.PublishedAt);
        // The middle of the first day: the now-and-next section has a row per room.
        now = agenda.Sessions.Min(s => s.Start).AddHours(3);
        warm = Publisher();
        var page = warm.GetConferencePageAsync(agenda.Conference.Id, CancellationToken.None).GetAwaiter().GetResult().Document!.Body;
        Console.WriteLine($"// {Conference}: {agenda.Sessions.Count} sessions, first view (one day) {page.Length} bytes, gzip {Compressed(page, s => new GZipStream(s, CompressionLevel.Optimal))}, brotli {Compressed(page, s => new BrotliStream(s, CompressionLevel.Optimal))}, brotli as served (Fastest) {Compressed(page, s => new BrotliStream(s, CompressionLevel.Fastest))}");
        foreach (var day in ConferencePage.DaysOf(agenda))
        {
            var dayPage = ConferencePage.Template(agenda, Options, ConferenceView.All with { Day = day }).With("");
            Console.WriteLine($"//   {day:yyyy-MM-dd}: {dayPage.Length} bytes, brotli {Compressed(dayPage, s => new BrotliStream(s, CompressionLevel.Fastest))}");
        }

        var talks = agenda.Sessions.Where(s => s.IsTalk).Select(s => Compressed(System.Text.Encoding.UTF8.GetBytes(TalkPage.Render(agenda, s, Options)), b => new BrotliStream(b, CompressionLevel.Fastest))).Order().ToArray();
        Console.WriteLine($"//   talk pages as brotli (Fastest): median {talks[talks.Length / 2]} bytes, largest {talks[^1]}");
        talk = agenda.Sessions.Where(s => s.IsTalk).OrderByDescending(s => s.Abstract.Length).First();
    }

    private Session talk = null!;

    [Benchmark(Description = "talk page (the longest abstract)")]
    public string TalkPageRender() => TalkPage.Render(agenda, talk, Options);

    [Benchmark(Description = "first render (template of an agenda version)")]
    public ConferencePageTemplate FirstRender() => ConferencePage.Template(agenda, Options);

    [Benchmark(Description = "first request (new publisher: load, render, answer)")]
    public async Task<FeedResult> FirstRequest() => await Publisher().GetConferencePageAsync(agenda.Conference.Id, CancellationToken.None);

    [Benchmark(Description = "request (template kept)")]
    public async Task<FeedResult> Request() => await warm.GetConferencePageAsync(agenda.Conference.Id, CancellationToken.None);

    [Benchmark(Description = "request, body as brotli (Accept-Encoding: br)")]
    public async Task<int> RequestBrotli() =>
        (await warm.GetConferencePageAsync(agenda.Conference.Id, CancellationToken.None)).Document!.Encoded(ContentCoding.Brotli).Length;

    private PagePublisher Publisher() =>
        new(new OneAgenda(agenda), Microsoft.Extensions.Options.Options.Create(Options), new Clock(now), NullLogger<PagePublisher>.Instance);

    private static AgendaSnapshot Fosdem()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Schedules", "fosdem-2026.xml"));
        var (incoming, _) = ScheduleMapping.ToIncoming(ScheduleReader.Read(file).Document!, "fosdem-2026", "fosdem-2026.xml");
        var (edit, _) = ImportPlanner.Plan(new AgendaSnapshot(incoming.Conference, [], [], []), exists: false, incoming, new ImportOptions(), "bench", SyntheticAgenda.PublishedAt);
        return new AgendaSnapshot(edit!.Conference! with { AgendaVersion = 1, AgendaUpdateTime = SyntheticAgenda.PublishedAt }, edit.Sessions, edit.Speakers, edit.Sponsors);
    }

    private static long Compressed(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }

        return output.ToArray().Length;
    }

    private sealed class OneAgenda(AgendaSnapshot agenda) : IAgendaSource
    {
        public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
            Task.FromResult<AgendaSnapshot?>(agenda);

        public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Conference>>([agenda.Conference]);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
