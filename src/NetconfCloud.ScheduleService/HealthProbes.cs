using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

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
}

public static class HealthProbes
{
    /// <summary>Ready: every health check passes, the same state grpc.health.v1 reports for the service.</summary>
    public const string ReadyPath = "/healthz/ready";

    /// <summary>Live: the process answers. Storage being away is not a reason to restart; it recovers by itself.</summary>
    public const string LivePath = "/healthz/live";

    public static int? ProbePort(IConfiguration configuration) =>
        configuration.GetValue<int?>($"{HealthProbeOptions.SectionName}:{nameof(HealthProbeOptions.Port)}");

    public static WebApplication MapHealthProbes(this WebApplication app)
    {
        if (ProbePort(app.Configuration) is not { } port)
        {
            return app;
        }

        app.MapHealthChecks(ReadyPath).RequireHost($"*:{port}");
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).RequireHost($"*:{port}");
        return app;
    }
}
