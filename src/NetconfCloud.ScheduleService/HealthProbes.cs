using System.ComponentModel.DataAnnotations;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// Plain HTTP/1.1 health endpoints for platform probes (Azure Container Apps probes speak HTTP or TCP, not gRPC, and
/// its HTTP probes cannot speak HTTP/2 cleartext). They live on a port of their own, listed in the listen addresses
/// (<c>ASPNETCORE_URLS</c>) like any other, so that the gRPC port stays HTTP/2 only.
/// </summary>
public sealed class HealthProbeOptions
{
    public const string SectionName = "HealthProbes";

    /// <summary>The listen port that serves HTTP/1.1 and the probe paths; none when unset.</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>
    /// Seconds between the background health checks, whose last result every health answer gives. 5 s: the
    /// readiness probe (infra) asks every 5 s, so it never reads a result older than its own interval; an outage
    /// shows within one period (a check may take at most one period); and one one-row storage query per replica
    /// every 5 s costs nothing, however many probes and <c>Check</c> calls arrive.
    /// </summary>
    [Range(1, 300)]
    public int RefreshSeconds { get; set; } = 5;
}

public static class HealthProbes
{
    /// <summary>Ready: every health check passes, the same state grpc.health.v1 reports for the service.</summary>
    public const string ReadyPath = "/healthz/ready";

    /// <summary>Live: the process answers. Storage being away is not a reason to restart; it recovers by itself.</summary>
    public const string LivePath = "/healthz/live";

    public static int? ProbePort(IConfiguration configuration) =>
        configuration.GetValue<int?>($"{HealthProbeOptions.SectionName}:{nameof(HealthProbeOptions.Port)}");

    /// <summary>
    /// Health from a cache: the health checks run in the background, at start and then every
    /// <see cref="HealthProbeOptions.RefreshSeconds"/>, and grpc.health.v1 (<c>Check</c> and <c>Watch</c>) and the
    /// readiness probe answer with the last result, so no caller ever reaches storage. Each of
    /// <paramref name="grpcServices"/> is NOT_SERVING until the first check passes.
    /// </summary>
    public static IServiceCollection AddCachedHealth(this IServiceCollection services, params string[] grpcServices)
    {
        // AddGrpcHealthChecks keeps a HealthServiceImpl already registered: this one starts out not serving, where
        // a fresh one would answer NOT_FOUND until the first result is published.
        var grpcHealth = new HealthServiceImpl();
        foreach (var service in grpcServices)
        {
            grpcHealth.SetStatus(service, HealthCheckResponse.Types.ServingStatus.NotServing);
        }

        services.AddSingleton(grpcHealth);
        services.AddGrpcHealthChecks(options =>
        {
            options.UseHealthChecksCache = true;
            foreach (var service in grpcServices)
            {
                options.Services.Map(service, _ => true);
            }
        });
        services.AddSingleton<PublishedHealth>();
        services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<PublishedHealth>());
        services.AddOptions<HealthCheckPublisherOptions>().Configure<IOptions<HealthProbeOptions>>((publisher, probes) =>
        {
            publisher.Delay = TimeSpan.Zero;
            publisher.Period = TimeSpan.FromSeconds(probes.Value.RefreshSeconds);
        });

        // A check still running after a period counts as failed, so a storage that hangs shows as one that is gone.
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<HealthProbeOptions>>((checks, probes) =>
        {
            foreach (var registration in checks.Registrations.Where(r => r.Timeout == Timeout.InfiniteTimeSpan))
            {
                registration.Timeout = TimeSpan.FromSeconds(probes.Value.RefreshSeconds);
            }
        });
        return services;
    }

    public static WebApplication MapHealthProbes(this WebApplication app)
    {
        if (ProbePort(app.Configuration) is not { } port)
        {
            return app;
        }

        app.Map(ReadyPath, (PublishedHealth health, HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store, no-cache";
            return Results.Text(health.Summary, "text/plain", statusCode: health.Status == HealthStatus.Unhealthy ? 503 : 200);
        }).RequireHost($"*:{port}");
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).RequireHost($"*:{port}");
        return app;
    }
}

/// <summary>The last health report the background checks published; unhealthy until the first.</summary>
public sealed class PublishedHealth : IHealthCheckPublisher
{
    private volatile HealthReport? last;

    public HealthStatus Status => last?.Status ?? HealthStatus.Unhealthy;

    /// <summary>
    /// The status, and when it is not healthy what the checks said (e.g. "Degraded: serving 1 conference from
    /// memory, storage unreachable since …"); never an exception's text.
    /// </summary>
    public string Summary
    {
        get
        {
            var report = last;
            var said = report?.Entries.Values.Where(entry => entry.Status != HealthStatus.Healthy && !string.IsNullOrEmpty(entry.Description))
                .Select(entry => entry.Description).ToList() ?? [];
            return said.Count == 0 ? Status.ToString() : $"{Status}: {string.Join("; ", said)}";
        }
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        last = report;
        return Task.CompletedTask;
    }
}
