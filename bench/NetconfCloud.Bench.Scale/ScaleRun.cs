using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Cli;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Wire;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Bench.Scale;

/// <summary>
/// The measurements, in order: code paths warmed on a small agenda; for each size, the import, the whole agenda read
/// through gRPC (cold, then warm) and the whole-event feed (first, then again); memory; then writes to the seeded
/// conference and to the large agenda, interleaved. Every call has a deadline; each answer is checked (counts,
/// statuses), and a wrong answer is a failure, not a number.
/// </summary>
internal sealed class ScaleRun(ScaleSettings settings, Proto.ScheduleService.ScheduleServiceClient client, HttpClient http, TextWriter log)
{
    private const string WarmUpConference = "scale-warmup";
    private const int WarmUpSize = 200;
    private const int PageSize = 100;
    private const int UnmeasuredWriteRounds = 3;

    private readonly List<string> failures = [];
    private readonly Metadata writer = new() { { "Authorization", "Bearer " + DevelopmentTokens.Mint("scale bench", canWrite: true, TimeSpan.FromHours(1)) } };

    public async Task<ScaleResults> RunAsync(CancellationToken cancellationToken)
    {
        var loadBefore = LoadAverage();
        var processes = new[] { ("schedule service", settings.ServicePid), ("feeds worker", settings.WorkerPid) };
        var atStart = processes.Select(p => ProcessMemory.Read(p.Item2)).ToArray();

        Say($"warming up: {WarmUpConference} ({WarmUpSize} sessions) imported, read and rendered, not measured");
        await MeasureSizeAsync(WarmUpConference, WarmUpSize, cancellationToken);

        var sizes = new List<SizeResult>();
        foreach (var size in new[] { settings.Small, settings.Large })
        {
            sizes.Add(await MeasureSizeAsync(string.Create(CultureInfo.InvariantCulture, $"scale-{size}"), size, cancellationToken));
        }

        var memory = processes.Select((p, i) =>
        {
            var after = ProcessMemory.Read(p.Item2);
            return new MemoryResult(p.Item1, p.Item2, atStart[i].RssKb, after.RssKb, after.PeakKb);
        }).ToArray();

        var large = sizes[^1];
        var writes = await MeasureWritesAsync(
            [(ScaleSettings.SeededConference, "ipv6-routing"), (large.ConferenceId, MiddleTalk(large))], cancellationToken);
        return new ScaleResults(sizes, writes, memory, loadBefore, LoadAverage(), failures);
    }

    private async Task<SizeResult> MeasureSizeAsync(string conferenceId, int size, CancellationToken cancellationToken)
    {
        var agenda = SyntheticAgenda.Create(conferenceId, size);
        var parts = ImportMapping.Split(ImportMapping.ToWire(conferenceId, agenda, new ImportOptions())).ToArray();
        var bytes = parts.Sum(p => (long)p.CalculateSize());
        Say($"{conferenceId}: importing {size:N0} sessions, {agenda.Speakers.Count:N0} speakers, {agenda.Conference.Days.Count} days in {parts.Length} messages ({bytes / 1e6:0.0} MB)");

        var import = await TimeAsync(() => client.ImportAgendaAsync(parts, Writer(TimeSpan.FromMinutes(10), cancellationToken)));
        Expect(import.Result.Applied && import.Result.CreatedSessionIds.Count == size,
            $"{conferenceId}: the import created {import.Result.CreatedSessionIds.Count} of {size} sessions (applied: {import.Result.Applied})");
        Expect(import.Result.Warnings.Count == 0,
            $"{conferenceId}: the import reported {import.Result.Warnings.Count} clashes, e.g. {import.Result.Warnings.FirstOrDefault()?.Message}");
        Say($"  ImportAgenda {Report.Time(import.Elapsed)}");

        // The import made the service drop what it held: the first read loads the agenda from storage.
        var readCold = await ReadAgendaAsync(conferenceId, size, cancellationToken);
        var readWarm = await WarmAsync(() => ReadAgendaAsync(conferenceId, size, cancellationToken));
        Say($"  ReadAgenda cold {Report.Time(readCold)}, warm {Report.Time(readWarm)}");

        // An edit of the conference's details makes the service load the agenda again, as the import did.
        await client.UpdateConferenceAsync(
            new Proto.UpdateConferenceRequest
            {
                Conference = new Proto.Conference { Id = conferenceId, AgendaStatus = "Final (read again)" },
                UpdateMask = new FieldMask { Paths = { "agenda_status" } },
            },
            Writer(TimeSpan.FromMinutes(1), cancellationToken));
        var (listCold, pages) = await ListSessionsAsync(conferenceId, size, cancellationToken);
        var listWarm = await WarmAsync(async () => (await ListSessionsAsync(conferenceId, size, cancellationToken)).Elapsed);
        Say($"  ListSessions ({pages} pages of {PageSize}) cold {Report.Time(listCold)}, warm {Report.Time(listWarm)}");

        var (feedFirst, feedBytes) = await FeedAsync(conferenceId, size, cancellationToken);
        var (feedSecond, _) = await FeedAsync(conferenceId, size, cancellationToken);
        Say($"  calendar.ics ({feedBytes / 1e6:0.0} MB) first {Report.Time(feedFirst)}, second {Report.Time(feedSecond)}");

        return new SizeResult(conferenceId, size, agenda.Speakers.Count, agenda.Conference.Days.Count, parts.Length, bytes, import.Elapsed,
            readCold, readWarm, listCold, listWarm, pages, feedFirst, feedSecond, feedBytes);
    }

    /// <summary>The whole agenda through ReadAgenda: every chunk of the stream received and parsed.</summary>
    private async Task<TimeSpan> ReadAgendaAsync(string conferenceId, int size, CancellationToken cancellationToken)
    {
        var read = await TimeAsync(async () =>
        {
            using var call = client.ReadAgenda(new Proto.ReadAgendaRequest { ConferenceId = conferenceId }, Reader(cancellationToken));
            var sessions = 0;
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                sessions += chunk.Sessions.Count;
            }

            return sessions;
        });
        Expect(read.Result == size, $"{conferenceId}: ReadAgenda streamed {read.Result} of {size} sessions");
        return read.Elapsed;
    }

    /// <summary>The whole agenda through ListSessions, <see cref="PageSize"/> a page, to the last page.</summary>
    private async Task<(TimeSpan Elapsed, int Pages)> ListSessionsAsync(string conferenceId, int size, CancellationToken cancellationToken)
    {
        var read = await TimeAsync(async () =>
        {
            var (sessions, pages, token) = (0, 0, "");
            do
            {
                var page = await client.ListSessionsAsync(
                    new Proto.ListSessionsRequest { ConferenceId = conferenceId, PageSize = PageSize, PageToken = token }, Reader(cancellationToken));
                (sessions, pages, token) = (sessions + page.Sessions.Count, pages + 1, page.NextPageToken);
            }
            while (token.Length > 0);
            return (sessions, pages);
        });
        Expect(read.Result.sessions == size, $"{conferenceId}: ListSessions listed {read.Result.sessions} of {size} sessions");
        return (read.Elapsed, read.Result.pages);
    }

    /// <summary>GET {feeds}/{conference}/calendar.ics, the whole body read; a 200 with one VEVENT per session is expected.</summary>
    private async Task<(TimeSpan Elapsed, long Bytes)> FeedAsync(string conferenceId, int size, CancellationToken cancellationToken)
    {
        var url = new Uri(settings.Feeds, $"{conferenceId}/calendar.ics");
        var got = await TimeAsync(async () =>
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return (response.StatusCode, Body: await response.Content.ReadAsByteArrayAsync(cancellationToken));
        });
        var events = CountOf(got.Result.Body, "BEGIN:VEVENT"u8);
        Expect(got.Result.StatusCode == System.Net.HttpStatusCode.OK && events == size,
            $"GET {url} answered {(int)got.Result.StatusCode} with {events} events, not 200 with {size}");
        return (got.Elapsed, got.Result.Body.LongLength);
    }

    /// <summary>
    /// A title change and a move (start and end 5 minutes later, then back) of one session in each conference,
    /// <see cref="ScaleSettings.Writes"/> times each, interleaved so that both see the same machine; three rounds
    /// first, not measured (the service has just streamed and the worker rendered the large agenda: garbage to collect). The session is left as it was.
    /// </summary>
    private async Task<IReadOnlyList<WriteResult>> MeasureWritesAsync((string Conference, string Session)[] targets, CancellationToken cancellationToken)
    {
        var originals = new List<Proto.Session>();
        foreach (var (conference, session) in targets)
        {
            originals.Add(await client.GetSessionAsync(new Proto.GetSessionRequest { ConferenceId = conference, SessionId = session }, Reader(cancellationToken)));
        }

        var sessionCounts = new List<int>();
        foreach (var (conference, _) in targets)
        {
            sessionCounts.Add((await client.ListSessionsAsync(new Proto.ListSessionsRequest { ConferenceId = conference, PageSize = 1 }, Reader(cancellationToken))).TotalSize);
        }

        var described = string.Join(", ", targets.Select((t, i) => string.Create(CultureInfo.InvariantCulture, $"{t.Conference}/sessions/{t.Session} ({sessionCounts[i]:N0} sessions)")));
        Say($"writes: UpdateSession of the title and a move, {settings.Writes} of each per conference, after {UnmeasuredWriteRounds} rounds not measured: {described}");
        var titles = targets.Select(_ => new List<TimeSpan>()).ToArray();
        var moves = targets.Select(_ => new List<TimeSpan>()).ToArray();
        for (var round = 0; round < UnmeasuredWriteRounds + settings.Writes; round++)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                var original = originals[t];
                var title = await UpdateAsync(targets[t].Conference, new Proto.Session
                {
                    Id = original.Id,
                    Title = string.Create(CultureInfo.InvariantCulture, $"{original.Title} (edit {round})"),
                }, "title", cancellationToken);
                var shift = TimeSpan.FromMinutes(round % 2 == 0 ? 5 : 0);
                var move = await UpdateAsync(targets[t].Conference, new Proto.Session
                {
                    Id = original.Id,
                    StartTime = Timestamp.FromDateTimeOffset(original.StartTime.ToDateTimeOffset() + shift),
                    EndTime = Timestamp.FromDateTimeOffset(original.EndTime.ToDateTimeOffset() + shift),
                }, "start_time,end_time", cancellationToken);
                if (round >= UnmeasuredWriteRounds)
                {
                    titles[t].Add(title);
                    moves[t].Add(move);
                }
            }
        }

        for (var t = 0; t < targets.Length; t++)
        {
            var original = originals[t];
            var restore = new Proto.Session { Id = original.Id, Title = original.Title, StartTime = original.StartTime, EndTime = original.EndTime };
            await UpdateAsync(targets[t].Conference, restore, "title,start_time,end_time", cancellationToken);
        }

        return [.. targets.Select((target, t) => new WriteResult(target.Conference, sessionCounts[t], titles[t], moves[t]))];
    }

    private async Task<TimeSpan> UpdateAsync(string conferenceId, Proto.Session session, string mask, CancellationToken cancellationToken)
    {
        var request = new Proto.UpdateSessionRequest { ConferenceId = conferenceId, Session = session, UpdateMask = new FieldMask { Paths = { mask.Split(',') } } };
        return (await TimeAsync(async () => await client.UpdateSessionAsync(request, Writer(TimeSpan.FromSeconds(30), cancellationToken)))).Elapsed;
    }

    /// <summary>A talk in the middle of the large agenda (the generator lists breaks first, then talks room by room).</summary>
    private static string MiddleTalk(SizeResult large) =>
        SyntheticAgenda.Create(large.ConferenceId, large.Sessions).Sessions.Where(s => s.Session.IsTalk).ElementAt(large.Sessions / 2).Session.Id;

    private async Task<TimeSpan> WarmAsync(Func<Task<TimeSpan>> measure)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < settings.WarmReads; i++)
        {
            times.Add(await measure());
        }

        return WriteResult.Median(times);
    }

    private static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> call)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await call();
        return (result, Stopwatch.GetElapsedTime(start));
    }

    private static CallOptions Reader(CancellationToken cancellationToken) => new(deadline: DateTime.UtcNow.AddMinutes(2), cancellationToken: cancellationToken);

    private CallOptions Writer(TimeSpan deadline, CancellationToken cancellationToken) =>
        new(headers: writer, deadline: DateTime.UtcNow.Add(deadline), cancellationToken: cancellationToken);

    private static int CountOf(ReadOnlySpan<byte> text, ReadOnlySpan<byte> word)
    {
        var count = 0;
        for (var at = text.IndexOf(word); at >= 0; at = text.IndexOf(word))
        {
            count++;
            text = text[(at + word.Length)..];
        }

        return count;
    }

    private void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            failures.Add(failure);
            log.WriteLine("  error: " + failure);
        }
    }

    private void Say(FormattableString line) => log.WriteLine("== " + line.ToString(CultureInfo.InvariantCulture));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg", Encoding.ASCII).Split(' ').Take(3)) : "unknown";
}
