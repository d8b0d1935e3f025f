using System.Text;
using BenchmarkDotNet.Attributes;
using Ical.Net;
using Ical.Net.Serialization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetconfCloud.Feeds;
using NetconfCloud.Schedule;

namespace NetconfCloud.Benchmarks;

/// <summary>
/// The whole-event calendar of a synthetic agenda: Ical.Net's serializer over the calendar already built (the
/// baseline), Ical.Net building and serialising it, our renderer from cold caches, our renderer after one session
/// changed (warm caches), and the same through the publisher (selection, composition and the body's hash).
/// </summary>
[MemoryDiagnoser]
public class FeedRenderingBenchmarks
{
    private static readonly FeedOptions Options = new() { PublicBaseUrl = new Uri("https://feeds.example.org/api") };

    private AgendaSnapshot agenda = null!;
    private FeedSelection whole = null!;
    private Session[] ordered = null!;
    private Calendar calendar = null!;
    private CalendarComposer warm = null!;
    private ChangingAgenda source = null!;
    private FeedPublisher publisher = null!;
    private int changes;

    [Params(30, 1_000, 10_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        agenda = SyntheticAgenda.Build(Sessions);
        var selection = FeedKinds.Of(FeedKind.Event).Select!(new FeedKey(FeedKind.Event, agenda.Conference.Id), agenda)!;
        ordered = [.. selection.Sessions];
        whole = selection with { Sessions = ordered };
        calendar = CalendarRenderer.Build(whole, agenda, Options);
        warm = new CalendarComposer(Options.EventCacheBytes);
        var composed = warm.Render(whole, agenda, Options);
        if (Encoding.UTF8.GetString(composed) != CalendarRenderer.RenderWhole(whole, agenda, Options))
        {
            throw new InvalidOperationException("The composed calendar is not the text of the whole calendar.");
        }

        Console.WriteLine($"// {Sessions} sessions: the whole-event feed is {composed.Length} bytes, {warm.Events.Weight} bytes of events kept");
        source = new ChangingAgenda(agenda);
        publisher = new FeedPublisher(source, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<FeedPublisher>.Instance);
        publisher.GetAsync(FeedKind.Event, agenda.Conference.Id, "", CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Ical.Net CalendarSerializer (calendar built)")]
    public string IcalNetSerializer() => new CalendarSerializer().SerializeToString(calendar)!;

    [Benchmark(Description = "Ical.Net build + serialize")]
    public string IcalNetBuildAndSerialize() => new CalendarSerializer().SerializeToString(CalendarRenderer.Build(whole, agenda, Options))!;

    [Benchmark(Description = "ours, cold caches (full render)")]
    public byte[] FullRender() => new CalendarComposer(Options.EventCacheBytes).Render(whole, agenda, Options);

    [Benchmark(Description = "ours, after one change (warm)")]
    public byte[] RenderAfterOneChange()
    {
        // One session gets a new version, as a write through the schedule service gives it.
        var at = ordered.Length / 2;
        ordered[at] = ordered[at] with { Title = $"Retitled {++changes}", ETag = $"W/\"change-{changes}\"" };
        return warm.Render(whole, agenda, Options);
    }

    [Benchmark(Description = "publisher GET after one change (warm)")]
    public async Task<FeedResult> PublisherAfterOneChange()
    {
        source.ChangeOne(++changes);
        return await publisher.GetAsync(FeedKind.Event, agenda.Conference.Id, "", CancellationToken.None);
    }

    /// <summary>An agenda source whose next agenda version has one session changed.</summary>
    private sealed class ChangingAgenda(AgendaSnapshot agenda) : IAgendaSource
    {
        private AgendaSnapshot current = agenda;

        public void ChangeOne(int change)
        {
            var sessions = current.Sessions.ToArray();
            var at = sessions.Length / 3;
            sessions[at] = sessions[at] with { Title = $"Retitled {change}", ETag = $"W/\"change-{change}\"" };
            current = current with
            {
                Sessions = sessions,
                Conference = current.Conference with { AgendaVersion = current.Conference.AgendaVersion + 1 },
            };
        }

        public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
            Task.FromResult<AgendaSnapshot?>(current);

        public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Conference>>([current.Conference]);
    }
}
