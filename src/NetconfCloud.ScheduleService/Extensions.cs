using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetconfCloud.ScheduleService;

public static class Extensions
{
    /// <summary>
    /// gRPC with the error interceptor, health (grpc.health.v1 and HTTP probes) and, in Development and Testing only,
    /// reflection. Where it listens is the host's business (ASPNETCORE_URLS in the image and infra, --urls or
    /// launchSettings locally); how it speaks is decided here.
    /// </summary>
    public static WebApplicationBuilder AddScheduleGrpc(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthProbeOptions>()
            .BindConfiguration(HealthProbeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // gRPC without TLS needs HTTP/2 with prior knowledge, whatever the configuration in reach says; only the
        // health probe port, if one is set, speaks HTTP/1.1 (and serves nothing but the probes).
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var probePort = HealthProbes.ProbePort(context.Configuration);
            kestrel.ConfigureEndpointDefaults(listen =>
                listen.Protocols = probePort is not null && listen.IPEndPoint?.Port == probePort ? HttpProtocols.Http1 : HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<AgendaErrorInterceptor>();
            options.MaxReceiveMessageSize = 256 * 1024;
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddCachedHealth("", Contracts.Schedule.V1.ScheduleService.Descriptor.FullName);
        if (ServesReflection(builder.Environment))
        {
            builder.Services.AddGrpcReflection();
        }

        builder.AddCreationLimiting();
        builder.Services.AddSingleton<ListSessionsReplies>();
        return builder;
    }

    public static WebApplication MapScheduleGrpc(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<ScheduleGrpcService>();
        app.MapGrpcService<PersonalAgendaGrpcService>();
        app.MapGrpcHealthChecksService();
        if (ServesReflection(app.Environment))
        {
            app.MapGrpcReflectionService();
        }

        app.MapHealthProbes();
        return app;
    }

    /// <summary>Reflection describes every method to anyone who asks: for development tools, not for Production.</summary>
    private static bool ServesReflection(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");
}
