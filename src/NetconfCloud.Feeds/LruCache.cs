using System.Diagnostics.CodeAnalysis;

namespace NetconfCloud.Feeds;

/// <summary>
/// A least-recently-used cache bounded by the total weight of its values (their bytes, for the feeds). Reading an
/// entry makes it the most recent; adding past the capacity drops the least recently used entries first. A value
/// heavier than the whole capacity is not kept. Thread-safe: one lock around O(1) work.
/// </summary>
internal sealed class LruCache<TKey, TValue>(long capacity, Func<TValue, long> weigh)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> entries = [];
    private readonly LinkedList<Entry> recency = new(); // most recent first
    private readonly Lock gate = new();
    private long weight;

    public long Capacity => capacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>The total weight of the values held, at most <see cref="Capacity"/>.</summary>
    public long Weight
    {
        get
        {
            lock (gate)
            {
                return weight;
            }
        }
    }

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(key, out var node))
            {
                value = default;
                return false;
            }

            recency.Remove(node);
            recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
    }

    /// <summary>Whether the key is held, without making it more recent.</summary>
    public bool Contains(TKey key)
    {
        lock (gate)
        {
            return entries.ContainsKey(key);
        }
    }

    /// <summary>Adds or replaces the value of a key as the most recent entry, then evicts down to the capacity.</summary>
    public void Set(TKey key, TValue value)
    {
        var entry = new Entry(key, value, weigh(value));
        lock (gate)
        {
            if (entries.Remove(key, out var old))
            {
                recency.Remove(old);
                weight -= old.Value.Weight;
            }

            if (entry.Weight > capacity)
            {
                return;
            }

            entries[key] = recency.AddFirst(entry);
            weight += entry.Weight;
            while (weight > capacity && recency.Last is { } last)
            {
                recency.RemoveLast();
                entries.Remove(last.Value.Key);
                weight -= last.Value.Weight;
            }
        }
    }

    private readonly record struct Entry(TKey Key, TValue Value, long Weight);
}
