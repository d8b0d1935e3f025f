using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Wire;

namespace NetconfCloud.Schedule.Follow;

/// <summary>
/// Following a conference's published schedule: starting and stopping it, showing what came of it, and the fetch
/// itself. Every replica runs <see cref="RunDueAsync"/>; a source that is due is fetched by the replica that takes its
/// lease (an ETag-conditional write, so one wins), applied exactly as ImportAgenda applies an agenda, and its outcome
/// recorded with the next fetch time. A source that fails leaves the agenda as it was and says why.
/// </summary>
public sealed partial class SourceFollowing(
    ISourceFollowStore store, AgendaService agenda, SourceFetcher fetcher, IOptions<SourceFollowOptions> settings, TimeProvider time, ILogger<SourceFollowing> logger)
{
    /// <summary>How long a replica shows a follow it read before it reads it again (reads of the agenda attach it).</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(5);

    /// <summary>The longest a read of the agenda waits for its follow before it shows the follow last seen.</summary>
    public static readonly TimeSpan ReadBound = TimeSpan.FromSeconds(1);

    /// <summary>The longest error text kept and shown.</summary>
    public const int MaxErrorLength = 300;

    private readonly ConcurrentDictionary<string, (SourceFollow? Follow, DateTimeOffset ReadAt)> shown = new(StringComparer.Ordinal);

    private SourceFollowOptions Options => settings.Value;

    /// <summary>This replica, as the lease names it.</summary>
    public string Replica { get; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>Starts (or replaces) following <paramref name="url"/>; the first fetch is due at once.</summary>
    public async Task<Conference> FollowAsync(string conferenceId, string url, TimeSpan? interval, CancellationToken cancellationToken)
    {
        var conference = await agenda.GetConferenceAsync(conferenceId, cancellationToken);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var source))
        {
            throw new InvalidArgumentException("url", "must be an absolute https URL.");
        }

        if (SourceFetcher.RefusalOf(source, Options.AllowHttpAndLoopback) is { } refusal)
        {
            throw new InvalidArgumentException("url", refusal + ".");
        }

        var every = interval ?? Options.DefaultInterval;
        if (every < Options.MinimumInterval)
        {
            throw new InvalidArgumentException("interval", $"must be at least {Options.MinimumInterval.TotalSeconds:0} seconds.");
        }

        var follow = await store.PutAsync(new SourceFollow(conferenceId, source, every) { NextFetchTime = time.GetUtcNow() }, cancellationToken);
        Remember(conferenceId, follow);
        return conference with { Follow = follow };
    }

    public async Task<Conference> StopAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var conference = await agenda.GetConferenceAsync(conferenceId, cancellationToken);
        await store.DeleteAsync(conferenceId, cancellationToken);
        Remember(conferenceId, null);
        return conference with { Follow = null };
    }

    /// <summary>The conference with its follow, as read at most <see cref="ShownFor"/> ago by this replica.</summary>
    public async Task<Conference> WithFollowAsync(Conference conference, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cached = shown.TryGetValue(conference.Id, out var known);
        if (!cached || now - known.ReadAt > ShownFor)
        {
            try
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bounded.CancelAfter(ReadBound);
                known = (await store.GetAsync(conference.Id, bounded.Token), now);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A read of the agenda does not fail for want of its follow: what was last seen, or nothing, is shown.
                LogFollowUnread(conference.Id, ex.Message);
                known = (cached ? known.Follow : null, now);
            }

            shown[conference.Id] = known;
        }

        return conference with { Follow = known.Follow };
    }

    /// <summary>Fetches every source that is due and whose lease this replica takes. Returns how many it fetched.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var fetched = 0;
        foreach (var follow in await store.ListAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            if (!follow.IsDue(now, Replica))
            {
                continue;
            }

            var taken = await store.TryReplaceAsync(follow with { LeaseOwner = Replica, LeaseExpiry = now + Options.Lease }, cancellationToken);
            if (taken is null)
            {
                continue; // Another replica took it, or it was changed or stopped meanwhile.
            }

            var outcome = await FetchAndApplyAsync(taken, cancellationToken);
            var done = time.GetUtcNow();
            var next = now + taken.Interval > done ? now + taken.Interval : done + taken.Interval;
            var saved = await store.TryReplaceAsync(outcome with { NextFetchTime = next, LeaseOwner = "", LeaseExpiry = done }, cancellationToken);
            if (saved is not null)
            {
                Remember(saved.ConferenceId, saved);
            }

            fetched++;
        }

        return fetched;
    }

    /// <summary>One fetch of one source and its import; what came of it, as the follow records it.</summary>
    private async Task<SourceFollow> FetchAndApplyAsync(SourceFollow follow, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var checkedNow = follow with { LastCheckTime = now };
        try
        {
            var conference = await agenda.GetConferenceAsync(follow.ConferenceId, cancellationToken);
            var fetched = await fetcher.FetchAsync(follow.Url, follow.SourceETag, follow.SourceLastModified, cancellationToken);
            if (fetched.NotModified)
            {
                LogNotModified(follow.ConferenceId, follow.Url);
                return Succeeded(checkedNow, now, conference.AgendaVersion);
            }

            var incoming = Read(fetched.Body, follow, conference.TimeZoneId);
            var (checkedAgenda, importOptions) = ImportMapping.ToDomain(ImportMapping.ToWire(follow.ConferenceId, incoming, new ImportOptions()));
            var report = await agenda.ImportAsync(follow.ConferenceId, checkedAgenda, importOptions, $"follow {follow.Url.Host}", cancellationToken);
            LogImported(follow.ConferenceId, follow.Url, report.Applied, report.Conference.AgendaVersion);
            return Succeeded(checkedNow, now, report.Conference.AgendaVersion) with { SourceETag = fetched.ETag, SourceLastModified = fetched.LastModified };
        }
        catch (Exception ex) when (ex is SourceFetchException or AgendaException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is InvalidArgumentException invalid ? $"the schedule cannot be imported: {invalid.Message}" : ex.Message;
            LogFailed(follow.ConferenceId, follow.Url, reason);
            return checkedNow with { LastError = Short(reason), LastErrorTime = now };
        }
    }

    private static SourceFollow Succeeded(SourceFollow follow, DateTimeOffset now, long version) =>
        follow with { LastSuccessTime = now, LastSuccessVersion = version, LastError = "", LastErrorTime = null };

    /// <summary>The schedule as an agenda to import, read as <c>netconf import</c> reads it; a schedule with errors is not imported.</summary>
    private IncomingAgenda Read(byte[] body, SourceFollow follow, string zone)
    {
        var read = ScheduleReader.Read(new MemoryStream(body), null, new ScheduleReadOptions { TimeZone = zone, MaxBytes = Options.MaxBytes });
        var problems = read.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        IncomingAgenda? incoming = null;
        if (read.Document is { } document)
        {
            var (mapped, mapping) = ScheduleMapping.ToIncoming(document, follow.ConferenceId, follow.Url.AbsoluteUri);
            problems.AddRange(mapping.Where(p => p.Severity == ProblemSeverity.Error));
            incoming = mapped;
        }

        if (problems.Count > 0 || incoming is null)
        {
            var first = problems.FirstOrDefault();
            throw new SourceFetchException(first is null
                ? "the source is not a schedule"
                : $"the schedule has {problems.Count} problems and was not applied; the first: {first.Path}: {first.Message}");
        }

        return incoming;
    }

    private void Remember(string conferenceId, SourceFollow? follow) => shown[conferenceId] = (follow, time.GetUtcNow());

    /// <summary>One line of at most <see cref="MaxErrorLength"/> characters.</summary>
    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxErrorLength ? line : line[..(MaxErrorLength - 1)] + "…";
    }

    [LoggerMessage(LogLevel.Warning, "The follow of {ConferenceId} could not be read ({Reason}); the agenda is shown with the follow last seen.")]
    private partial void LogFollowUnread(string conferenceId, string reason);

    [LoggerMessage(LogLevel.Information, "Followed source of {ConferenceId} ({Url}) has not changed.")]
    private partial void LogNotModified(string conferenceId, Uri url);

    [LoggerMessage(LogLevel.Information, "Followed source of {ConferenceId} ({Url}) imported: applied {Applied}, agenda version {Version}.")]
    private partial void LogImported(string conferenceId, Uri url, bool applied, long version);

    [LoggerMessage(LogLevel.Warning, "Followed source of {ConferenceId} ({Url}) failed: {Reason}. The agenda is left as it was.")]
    private partial void LogFailed(string conferenceId, Uri url, string reason);
}
