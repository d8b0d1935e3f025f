using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule.Seed;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// Creates the table and seeds Netconf 2015 once storage answers. Seeding is idempotent: a conference already in
/// storage, edited or not, is left alone. Until this has run, the service reports not-serving.
/// </summary>
internal sealed partial class AgendaSeeder(
    TableClient table,
    [FromKeyedServices(TablePersonalAgendaStore.TableKey)] TableClient personalAgendas,
    IAgendaStore store, IOptions<AgendaStorageOptions> options, TimeProvider time, ILogger<AgendaSeeder> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the table exists and is seeded.</summary>
    public Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await table.CreateIfNotExistsAsync(stoppingToken);
                await personalAgendas.CreateIfNotExistsAsync(stoppingToken);
                if (options.Value.Seed)
                {
                    await store.SeedAsync(AgendaSeed.LoadNetconf2015(time.GetUtcNow()), stoppingToken);
                }

                ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogWaiting(ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Agenda storage is not ready ({Reason}); trying again in {Seconds} s.")]
    private partial void LogWaiting(string reason, double seconds);
}
