using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// Followed sources in a table of their own (the agenda table's name + "Follows"): one row per conference, in one
/// partition (a deployment follows a handful). The row is also the fetch lease: a replica takes it with an
/// ETag-conditional update, so that of replicas racing for it exactly one wins.
/// </summary>
internal sealed class TableSourceFollowStore([FromKeyedServices(TableSourceFollowStore.TableKey)] TableClient table) : ISourceFollowStore
{
    public const string TableKey = "source-follows";

    private const string Partition = "follow";

    private Task? created;

    public Task<SourceFollow?> GetAsync(string conferenceId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, conferenceId, cancellationToken: cancellationToken);
            return row.HasValue ? ToDomain(row.Value!) : null;
        }, cancellationToken);

    public Task<IReadOnlyList<SourceFollow>> ListAsync(CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<SourceFollow>>(async () =>
        {
            var follows = new List<SourceFollow>();
            await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == Partition, cancellationToken: cancellationToken))
            {
                follows.Add(ToDomain(row));
            }

            return follows;
        }, cancellationToken);

    public Task<SourceFollow> PutAsync(SourceFollow follow, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var response = await table.UpsertEntityAsync(ToEntity(follow), TableUpdateMode.Replace, cancellationToken);
            return follow with { ETag = response.Headers.ETag?.ToString() ?? "" };
        }, cancellationToken);

    public Task<SourceFollow?> TryReplaceAsync(SourceFollow follow, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            try
            {
                var response = await table.UpdateEntityAsync(ToEntity(follow), new ETag(follow.ETag), TableUpdateMode.Replace, cancellationToken);
                return follow with { ETag = response.Headers.ETag?.ToString() ?? "" };
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                return null;
            }
        }, cancellationToken);

    public Task<bool> DeleteAsync(string conferenceId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var response = await table.DeleteEntityAsync(Partition, conferenceId, ETag.All, cancellationToken);
            return response.Status != 404;
        }, cancellationToken);

    private static TableEntity ToEntity(SourceFollow f) =>
        new(Partition, f.ConferenceId)
        {
            ["Url"] = f.Url.AbsoluteUri,
            ["IntervalSeconds"] = (long)f.Interval.TotalSeconds,
            ["LastCheckTime"] = f.LastCheckTime,
            ["LastSuccessTime"] = f.LastSuccessTime,
            ["LastSuccessVersion"] = f.LastSuccessVersion,
            ["LastError"] = f.LastError,
            ["LastErrorTime"] = f.LastErrorTime,
            ["NextFetchTime"] = f.NextFetchTime,
            ["SourceETag"] = f.SourceETag,
            ["SourceLastModified"] = f.SourceLastModified,
            ["LeaseOwner"] = f.LeaseOwner,
            ["LeaseExpiry"] = f.LeaseExpiry,
        };

    private static SourceFollow ToDomain(TableEntity row) =>
        new(row.RowKey, new Uri(row.GetString("Url") ?? "", UriKind.Absolute), TimeSpan.FromSeconds(row.GetInt64("IntervalSeconds") ?? 600))
        {
            LastCheckTime = row.GetDateTimeOffset("LastCheckTime"),
            LastSuccessTime = row.GetDateTimeOffset("LastSuccessTime"),
            LastSuccessVersion = row.GetInt64("LastSuccessVersion") ?? 0,
            LastError = row.GetString("LastError") ?? "",
            LastErrorTime = row.GetDateTimeOffset("LastErrorTime"),
            NextFetchTime = row.GetDateTimeOffset("NextFetchTime") ?? DateTimeOffset.MinValue,
            SourceETag = row.GetString("SourceETag") ?? "",
            SourceLastModified = row.GetString("SourceLastModified") ?? "",
            LeaseOwner = row.GetString("LeaseOwner") ?? "",
            LeaseExpiry = row.GetDateTimeOffset("LeaseExpiry") ?? DateTimeOffset.MinValue,
            ETag = row.ETag.ToString(),
        };

    /// <summary>Creates the table on first use, and maps storage that cannot be reached to <see cref="StorageUnavailableException"/>.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            var creating = created ??= table.CreateIfNotExistsAsync(CancellationToken.None);
            try
            {
                await creating;
            }
            catch
            {
                created = null;
                throw;
            }

            return await operation();
        }
        catch (Exception ex) when (StorageErrors.IsUnreachable(ex, cancellationToken))
        {
            throw new StorageUnavailableException("Source follow storage cannot be reached; try again shortly.", ex);
        }
    }
}
