using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetconfCloud.Schedule.Storage;

/// <summary>Serving only when the table is seeded and storage answers now.</summary>
internal sealed class AgendaStorageHealthCheck(TableClient table, AgendaSeeder seeder) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!seeder.IsReady)
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
