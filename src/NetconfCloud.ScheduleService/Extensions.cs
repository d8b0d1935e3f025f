using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetconfCloud.ScheduleService;

public static class Extensions
{
    /// <summary>gRPC with the error interceptor, health (grpc.health.v1) and reflection.</summary>
    public static WebApplicationBuilder AddScheduleGrpc(this WebApplicationBuilder builder)
    {
        // gRPC without TLS needs HTTP/2 with prior knowledge, whatever the appsettings in reach say.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<AgendaErrorInterceptor>();
            options.MaxReceiveMessageSize = 256 * 1024;
            options.EnableDetailedErrors = builder.Environment.IsDevelopment();
        });
        builder.Services.AddGrpcHealthChecks(options =>
        {
            options.Services.Map("", _ => true);
            options.Services.Map(Contracts.Schedule.V1.ScheduleService.Descriptor.FullName, _ => true);
        });
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static WebApplication MapScheduleGrpc(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<ScheduleGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
