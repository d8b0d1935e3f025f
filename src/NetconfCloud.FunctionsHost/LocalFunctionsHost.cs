using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetconfCloud.FunctionsHost;

/// <summary>Builds the host: HTTP triggers on the public port; the worker protocol on a server of its own (<see cref="WorkerProtocolServer"/>).</summary>
public static class LocalFunctionsHost
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--app"] = $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.AppDirectory)}",
        ["--port"] = $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.Port)}",
    };

    /// <summary>Exit code: the worker could not start, or died.</summary>
    public const int WorkerFailed = 1;

    /// <summary>Exit code: no built Functions app at <c>--app</c> (or none given); nothing was started.</summary>
    public const int NoApp = 2;

    /// <summary>
    /// Runs the host until it is stopped. The app folder is checked before anything starts: a wrong one ends with one
    /// error line on <paramref name="error"/> and <see cref="NoApp"/>, not a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        await using var app = Build(args);
        var appDirectory = app.Configuration.GetSection(FunctionsHostOptions.SectionName).Get<FunctionsHostOptions>()?.AppDirectory;
        if (FunctionApp.Problem(appDirectory) is { } problem)
        {
            await error.WriteLineAsync($"error: {problem}");
            return NoApp;
        }

        // Read before running: RunAsync disposes the app's services when it returns.
        var state = app.Services.GetRequiredService<WorkerState>();
        await app.RunAsync();
        if (state.Failure is { } failure)
        {
            // One line, never a stack trace: the log above says what happened on the way.
            await error.WriteLineAsync($"error: {failure}");
            return WorkerFailed;
        }

        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddCommandLine(args, Switches);
        // When a worker dies, gRPC logs the broken event stream at Information with a stack trace; we report it in one line.
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        configure?.Invoke(builder);

        builder.Services.AddOptions<FunctionsHostOptions>()
            .BindConfiguration(FunctionsHostOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(FunctionsHostOptions.SectionName).Get<FunctionsHostOptions>() ?? new FunctionsHostOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Parse(options.ListenAddress), options.Port, listen => listen.Protocols = HttpProtocols.Http1AndHttp2));

        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<WorkerChannels>();
        builder.Services.AddSingleton<WorkerProtocolServer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorkerProtocolServer>());
        builder.Services.AddSingleton<WorkerState>();
        builder.Services.AddSingleton<WorkerProcess>();
        builder.Services.AddSingleton<FunctionEndpointDataSource>();
        builder.Services.AddSingleton<HttpInvoker>();
        builder.Services.AddHostedService<WorkerHost>();

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var state = context.RequestServices.GetRequiredService<WorkerState>();
            if (!state.IsServing)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                await context.Response.WriteAsync((state.Failure ?? (state.IsReady ? "The Functions worker is restarting." : "The Functions worker is starting.")) + "\n");
                return;
            }

            await next(context);
        });
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<FunctionEndpointDataSource>());
        return app;
    }

    /// <summary>The address HTTP triggers are served at (useful when the port was 0).</summary>
    public static Uri HttpAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>Completes when the worker serves every HTTP function; faults when it cannot start.</summary>
    public static Task WhenReady(WebApplication app) => app.Services.GetRequiredService<WorkerState>().Ready;

    /// <summary>Why the worker could not start or stopped serving; null while all is well.</summary>
    public static string? Failure(WebApplication app) => app.Services.GetRequiredService<WorkerState>().Failure;

}
