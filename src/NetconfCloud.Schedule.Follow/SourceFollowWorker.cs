using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Schedule.Follow;

/// <summary>Looks for due sources every <see cref="SourceFollowOptions.CheckEvery"/>; a failure is logged and tried again next time.</summary>
internal sealed partial class SourceFollowWorker(SourceFollowing following, IOptions<SourceFollowOptions> options, TimeProvider time, ILogger<SourceFollowWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await following.RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex.GetType().Name, ex.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Looking for followed sources failed ({Kind}: {Message}); trying again at the next check.")]
    private partial void LogFailed(string kind, string message);
}
