using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// Serving only when the table is seeded and storage answers now. The host runs it in the background and serves
/// the last result, so it may wait: before seeding is done it waits for the seeder (within the check's timeout)
/// rather than report not-serving until the next run.
/// </summary>
internal sealed class AgendaStorageHealthCheck(TableClient table, AgendaSeeder seeder) : IHealthCheck
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

            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Agenda storage cannot be reached.", ex);
        }
    }
}
