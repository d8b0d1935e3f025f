using Microsoft.Extensions.Caching.Memory;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// <c>ListSessions</c> replies built once per agenda version and request (conference, filters, page size, page
/// token), kept in a cache bounded by their size: a listing that many attendees' apps ask for is selected and mapped
/// to the wire on the first call of each version, and the same message is answered on every call after it. A write
/// makes a new version, and so new keys; the old replies age out.
/// </summary>
internal sealed class ListSessionsReplies : IDisposable
{
    /// <summary>Serialised bytes of replies kept at most (a whole 10,000-session agenda in pages of 100 is about 10 MB on the wire).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    /// <summary>The reply for <paramref name="request"/> over <paramref name="agenda"/>: kept, or built by <paramref name="build"/> and kept.</summary>
    public ListSessionsResponse For(AgendaSnapshot agenda, ListSessionsRequest request, Func<ListSessionsResponse> build)
    {
        // The etag as well as the version: storage set back to an earlier state may number a different agenda the same.
        var key = new Key(agenda.Conference.Id, agenda.Conference.AgendaVersion, agenda.Conference.ETag, request);
        if (cache.TryGetValue(key, out ListSessionsResponse? kept) && kept is not null)
        {
            return kept;
        }

        var reply = build();
        // Weighed by its wire size (its objects take a few times that in memory).
        cache.Set(key with { Request = request.Clone() }, reply, new MemoryCacheEntryOptions { Size = reply.CalculateSize() + 256 });
        return reply;
    }

    public void Dispose() => cache.Dispose();

    private sealed record Key(string ConferenceId, long Version, string ETag, ListSessionsRequest Request);
}
