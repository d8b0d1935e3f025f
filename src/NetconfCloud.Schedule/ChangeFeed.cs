using System.Threading.Channels;

namespace NetconfCloud.Schedule;

/// <summary>
/// The change log as it grows, for watchers: one poller per conference per instance, shared by every watcher of that
/// conference, started by the first and stopped with the last. A write through this instance wakes it at once;
/// otherwise it polls at <see cref="AgendaServiceSettings.WatchPollInterval"/>, doubling while nothing changes up to
/// <see cref="AgendaServiceSettings.WatchIdlePollInterval"/>. Watchers are capped per instance and per caller.
/// Storage that does not answer is asked again on the same growing interval while the watchers stay open; after
/// <see cref="AgendaServiceSettings.WatchGiveUpAfter"/> without an answer, or on any other failure, the watchers are
/// ended as unavailable (<see cref="StorageUnavailableException"/>), and they watch again.
/// </summary>
public sealed class ChangeFeed(IAgendaStore store, TimeProvider time, AgendaServiceSettings settings)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Hub> hubs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> perCaller = new(StringComparer.Ordinal);
    private int total;

    /// <summary>Watchers open on this instance now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return total;
            }
        }
    }

    /// <summary>Wakes the conference's poller, if it has one: a change was just written here.</summary>
    public void Notify(string conferenceId)
    {
        lock (gate)
        {
            if (hubs.TryGetValue(conferenceId, out var hub))
            {
                hub.Wake.Release();
            }
        }
    }

    /// <summary>
    /// Every change recorded after <paramref name="currentVersion"/> (the conference's version as the caller read it
    /// just before), as it is recorded. Dispose to stop watching.
    /// </summary>
    public Subscription Subscribe(string conferenceId, long currentVersion, string caller)
    {
        lock (gate)
        {
            if (total >= settings.MaxWatchers)
            {
                throw new ResourceExhaustedException($"This instance has {settings.MaxWatchers} watchers open, its most; try again later or another instance.");
            }

            var mine = perCaller.GetValueOrDefault(caller);
            if (mine >= settings.MaxWatchersPerCaller)
            {
                throw new ResourceExhaustedException($"{caller} has {settings.MaxWatchersPerCaller} watchers open on this instance, the most one caller may; close one first.");
            }

            if (!hubs.TryGetValue(conferenceId, out var hub))
            {
                hub = new Hub(conferenceId, currentVersion);
                hubs[conferenceId] = hub;
                _ = Task.Run(() => PollAsync(hub));
            }

            var subscription = new Subscription(this, hub, caller);
            hub.Subscribers.Add(subscription);
            perCaller[caller] = mine + 1;
            total++;
            return subscription;
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (gate)
        {
            if (!subscription.Hub.Subscribers.Remove(subscription))
            {
                return;
            }

            total--;
            perCaller[subscription.Caller]--;
            if (perCaller[subscription.Caller] == 0)
            {
                perCaller.Remove(subscription.Caller);
            }

            if (subscription.Hub.Subscribers.Count == 0)
            {
                // A hub that failed was replaced already: leave its successor in place.
                if (hubs.TryGetValue(subscription.Hub.ConferenceId, out var current) && current == subscription.Hub)
                {
                    hubs.Remove(subscription.Hub.ConferenceId);
                }

                subscription.Hub.Stop.Cancel();
            }
        }
    }

    private async Task PollAsync(Hub hub)
    {
        var interval = settings.WatchPollInterval;
        long? failingSince = null;
        while (!hub.Stop.IsCancellationRequested)
        {
            IReadOnlyList<RecordedChange> changes;
            try
            {
                changes = await store.ReadChangesAsync(hub.ConferenceId, hub.Seen, AgendaService.MaxChangesPerPage, hub.Stop.Token);
                failingSince = null;
            }
            catch (OperationCanceledException) when (hub.Stop.IsCancellationRequested)
            {
                return;
            }
            catch (StorageUnavailableException e)
            {
                failingSince ??= time.GetTimestamp();
                if (time.GetElapsedTime(failingSince.Value) >= settings.WatchGiveUpAfter)
                {
                    Fail(hub, new StorageUnavailableException(
                        $"Watching {hub.ConferenceId} stopped: storage has not answered for {settings.WatchGiveUpAfter.TotalSeconds:0} s; watch again.", e));
                    return;
                }

                changes = [];
            }
            catch (Exception e)
            {
                // Not a passing fault (storage refused the read, say): a poller that ended silently would leave its
                // watchers, and every later one, waiting for changes that never come. End them, as unavailable: the
                // next watcher starts a new poller, and the details are the host's to log.
                Fail(hub, new StorageUnavailableException($"Watching {hub.ConferenceId} stopped: reading its change log failed; watch again.", e));
                return;
            }

            Subscription[] subscribers;
            lock (gate)
            {
                subscribers = [.. hub.Subscribers];
            }

            foreach (var change in changes)
            {
                hub.Seen = change.Version;
                foreach (var subscriber in subscribers)
                {
                    subscriber.Publish(change);
                }
            }

            if (changes.Count == AgendaService.MaxChangesPerPage)
            {
                continue;
            }

            interval = changes.Count > 0 ? settings.WatchPollInterval : Min(interval * 2, settings.WatchIdlePollInterval);
            try
            {
                using var timeout = new CancellationTokenSource(interval, time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, hub.Stop.Token);
                if (await hub.Wake.WaitAsync(Timeout.InfiniteTimeSpan, either.Token))
                {
                    interval = settings.WatchPollInterval;
                }
            }
            catch (OperationCanceledException)
            {
                // The interval passed (poll again) or the last watcher left (the loop ends).
            }
        }
    }

    /// <summary>Takes a failed poller out of service and ends its watchers; the next watcher starts a new one.</summary>
    private void Fail(Hub hub, StorageUnavailableException error)
    {
        Subscription[] subscribers;
        lock (gate)
        {
            if (hubs.TryGetValue(hub.ConferenceId, out var current) && current == hub)
            {
                hubs.Remove(hub.ConferenceId);
            }

            subscribers = [.. hub.Subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber.End(error);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>One conference's poller and its watchers.</summary>
    internal sealed class Hub(string conferenceId, long seen)
    {
        public string ConferenceId { get; } = conferenceId;

        public long Seen { get; set; } = seen;

        public List<Subscription> Subscribers { get; } = [];

        public SemaphoreSlim Wake { get; } = new(0);

        public CancellationTokenSource Stop { get; } = new();
    }

    /// <summary>One watcher: the changes the poller publishes, held until the watcher takes them.</summary>
    public sealed class Subscription : IDisposable
    {
        /// <summary>A watcher that falls this far behind is ended rather than held in memory without bound.</summary>
        public const int MaxPending = 1024;

        private readonly ChangeFeed feed;
        private readonly Channel<RecordedChange> pending = Channel.CreateBounded<RecordedChange>(
            new BoundedChannelOptions(MaxPending) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        internal Subscription(ChangeFeed feed, Hub hub, string caller)
        {
            this.feed = feed;
            Hub = hub;
            Caller = caller;
        }

        internal Hub Hub { get; }

        internal string Caller { get; }

        public ChannelReader<RecordedChange> Changes => pending.Reader;

        internal void Publish(RecordedChange change)
        {
            if (!pending.Writer.TryWrite(change))
            {
                pending.Writer.TryComplete(new ResourceExhaustedException(
                    $"The watcher fell {MaxPending} changes behind and was ended; watch again after version {change.Version - 1}."));
            }
        }

        internal void End(Exception error) => pending.Writer.TryComplete(error);

        public void Dispose()
        {
            pending.Writer.TryComplete();
            feed.Unsubscribe(this);
        }
    }
}
