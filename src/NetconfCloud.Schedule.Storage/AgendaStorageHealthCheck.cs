using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// Healthy when the table is seeded and storage answers now. When storage does not answer, degraded while the
/// instance holds agendas it serves from memory (it still answers reads of them), unhealthy when it holds none.
/// The host runs it in the background and serves the last result, so it may wait: before seeding is done it waits
/// for the seeder (within the check's timeout) rather than report not-serving until the next run.
/// </summary>
internal sealed class AgendaStorageHealthCheck(TableClient table, AgendaSeeder seeder, AgendaCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await seeder.Ready.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Agenda storage is not initialised yet.");
        }

        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
            {
                break;
            }

            cache.NoteStorageAnswered();
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            cache.NoteStorageUnreachable();
            var since = cache.StorageUnreachableSince?.ToString("u", CultureInfo.InvariantCulture) ?? "now";
            return cache.Count is var held and > 0
                ? HealthCheckResult.Degraded($"serving {held} conference{(held == 1 ? "" : "s")} from memory, storage unreachable since {since}", ex)
                : HealthCheckResult.Unhealthy($"Agenda storage cannot be reached (since {since}).", ex);
        }
    }
}
