using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetconfCloud.FunctionsHost;

/// <summary>Builds the host: the worker protocol on a private loopback port, HTTP triggers on the public one.</summary>
public static class LocalFunctionsHost
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--app"] = $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.AppDirectory)}",
        ["--port"] = $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.Port)}",
    };

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, Switches);
        configure?.Invoke(builder);

        builder.Services.AddOptions<FunctionsHostOptions>()
            .BindConfiguration(FunctionsHostOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(FunctionsHostOptions.SectionName).Get<FunctionsHostOptions>() ?? new FunctionsHostOptions();
        var grpc = new GrpcEndpoint(FreeLoopbackPort());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, grpc.Port, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port, listen => listen.Protocols = HttpProtocols.Http1AndHttp2);
        });

        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.MaxSendMessageSize = null;
        });
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton(grpc);
        builder.Services.AddSingleton<WorkerChannel>();
        builder.Services.AddSingleton<WorkerState>();
        builder.Services.AddSingleton<WorkerProcess>();
        builder.Services.AddSingleton<FunctionEndpointDataSource>();
        builder.Services.AddSingleton<HttpInvoker>();
        builder.Services.AddHostedService<WorkerHost>();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var state = context.RequestServices.GetRequiredService<WorkerState>();
            if (context.Connection.LocalPort != grpc.Port && (!state.IsReady || state.Failure is not null))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsync((state.Failure ?? "The Functions worker is starting.") + "\n");
                return;
            }

            await next(context);
        });
        app.MapGrpcService<FunctionRpcService>().RequireHost($"*:{grpc.Port}");
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<FunctionEndpointDataSource>());
        return app;
    }

    /// <summary>The address HTTP triggers are served at (useful when the port was 0).</summary>
    public static Uri HttpAddress(WebApplication app)
    {
        var grpc = app.Services.GetRequiredService<GrpcEndpoint>();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Select(a => new Uri(a)).First(a => a.Port != grpc.Port).ToString());
    }

    /// <summary>Completes when the worker serves every HTTP function; faults when it cannot start.</summary>
    public static Task WhenReady(WebApplication app) => app.Services.GetRequiredService<WorkerState>().Ready;

    /// <summary>Why the worker could not start or stopped serving; null while all is well.</summary>
    public static string? Failure(WebApplication app) => app.Services.GetRequiredService<WorkerState>().Failure;

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
