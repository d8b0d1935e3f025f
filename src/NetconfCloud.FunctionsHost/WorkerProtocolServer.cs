using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace NetconfCloud.FunctionsHost;

/// <summary>
/// The server the worker's event stream connects to: a Kestrel of its own on 127.0.0.1, on a port of its own
/// (HTTP/2 cleartext, no message size limit), serving FunctionRpc and nothing else. It shares no listener and no
/// pipeline with the public HTTP server, so no public request can reach FunctionRpc, whatever its Host header.
/// Started before the worker and stopped after it (hosted services stop in reverse order).
/// </summary>
internal sealed class WorkerProtocolServer(WorkerChannels channels, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? server;

    /// <summary>The address given to the worker as <c>--functions-uri</c>; known once started.</summary>
    public Uri Uri => new($"http://127.0.0.1:{Port}/");

    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // An empty builder: no configuration sources, so nothing in the environment (ASPNETCORE_URLS, ...) can
        // widen what this server listens on.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, OwnedLifetime>();
        builder.Services.AddSingleton(channels);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        server = builder.Build();
        server.MapGrpcService<FunctionRpcService>();
        await server.StartAsync(cancellationToken);
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// This server starts and stops only with the host that owns it: it must not stop by itself on Ctrl+C or
    /// SIGTERM (the default console lifetime would), since the host still has to tell the worker to terminate.
    /// </summary>
    private sealed class OwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
