using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Wire;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Benchmarks;

/// <summary>
/// Reading a whole agenda with <c>ListSessions</c> (pages of 100) over the snapshot the service holds in memory:
/// the query and paging alone, and with each page mapped to the wire and serialised as the service answers it.
/// Before the agenda was held in memory, every page re-read the whole partition from storage.
/// </summary>
[MemoryDiagnoser]
public class ListSessionsBenchmarks
{
    private AgendaSnapshot agenda = null!;
    private SessionQuery query = null!;

    [Params(30, 1_000, 10_000)]
    public int Sessions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        agenda = SyntheticAgenda.Build(Sessions);
        query = new SessionQuery(agenda.Conference.Id);
    }

    [Benchmark(Baseline = true, Description = "every page of 100, query only")]
    public int AllPages()
    {
        var count = 0;
        var token = "";
        do
        {
            var page = AgendaQueries.ListSessions(agenda, query, new PageRequest(100, token));
            count += page.Items.Count;
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return count;
    }

    [Benchmark(Description = "every page of 100, mapped and serialised")]
    public long AllPagesOnTheWire()
    {
        var bytes = 0L;
        var token = "";
        var zone = agenda.Conference.TimeZone;
        do
        {
            var page = AgendaQueries.ListSessions(agenda, query, new PageRequest(100, token));
            var response = new Proto.ListSessionsResponse { NextPageToken = page.NextPageToken, TotalSize = page.TotalSize };
            response.Sessions.AddRange(page.Items.Select(s => WireMapping.ToWire(s, zone)));
            bytes += response.ToByteArray().Length;
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return bytes;
    }
}
