using System.Net;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Testing;

/// <summary>
/// The real schedule service (its own Program) on Kestrel at 127.0.0.1 on a free port, HTTP/2 cleartext, over a
/// table of its own in Azurite; clients reach it through a real <see cref="GrpcChannel"/>.
/// </summary>
public sealed class ScheduleServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private GrpcChannel? channel;

    private readonly string environment;

    public ScheduleServer(string storageConnectionString, string tableName, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null, string environment = "Testing")
    {
        this.environment = environment;
        TableName = tableName;
        settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Storage:TableName"] = tableName,
            ["Storage:PersonalAgendaTableName"] = $"Personal{tableName}",
            ["Storage:TimeoutSeconds"] = "2",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        this.services = services;
        UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            if (ProbePort is { } probePort)
            {
                options.Listen(IPAddress.Loopback, probePort, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
    }

    /// <summary>The HTTP/1.1 probe port, when the settings name one (<c>HealthProbes:Port</c>, e.g. a free port).</summary>
    private int? ProbePort =>
        int.TryParse(settings.GetValueOrDefault("HealthProbes:Port"), System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;

    /// <summary>Where the health probes answer over HTTP/1.1, when the settings name a probe port.</summary>
    public Uri? ProbeAddress => ProbePort is { } port ? new Uri($"http://127.0.0.1:{port}") : null;

    /// <summary>Set before the server starts to capture its logs at every level.</summary>
    public CapturingLoggerProvider? Logs { get; init; }

    public Uri Address
    {
        get
        {
            StartServer();
            return Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
                .Select(a => new Uri(a)).First(a => a.Port != ProbePort);
        }
    }

    public GrpcChannel Channel => channel ??= GrpcChannel.ForAddress(Address);

    /// <summary>A client without credentials: it may read, not write.</summary>
    public Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient Client => new(Channel);

    public Contracts.Schedule.V1.PersonalAgendaService.PersonalAgendaServiceClient PersonalAgendas => new(Channel);

    /// <summary>The agenda table; personal agendas are in "Personal" + this.</summary>
    public string TableName { get; }

    /// <summary>A client whose calls carry a development token with the write role.</summary>
    /// <summary>A client with a token that may read the change log and watch, not write.</summary>
    public Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient ReaderClient => ClientWithToken(Cli.DevelopmentTokens.Mint("Test Reader", canWrite: false, TimeSpan.FromHours(1)));

    public Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient WriterClient => ClientWithToken(Cli.DevelopmentTokens.Mint("Test Organiser", canWrite: true, TimeSpan.FromHours(1)));

    public Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient ClientWithToken(string token) =>
        new(Channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", $"Bearer {token}");
            return metadata;
        }));

    /// <summary>Waits until the service reports serving over grpc.health.v1 (storage reachable and seeded).</summary>
    public Task WaitUntilServingAsync(TimeSpan? timeout = null) =>
        WaitForHealthAsync(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, timeout);

    /// <summary>Waits until grpc.health.v1 <c>Check</c> (the whole server) answers <paramref name="status"/>.</summary>
    public async Task WaitForHealthAsync(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus status, TimeSpan? timeout = null)
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Channel);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                var reply = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest(), cancellationToken: cts.Token);
                if (reply.Status == status)
                {
                    return;
                }
            }
            catch (Grpc.Core.RpcException) when (!cts.IsCancellationRequested)
            {
            }

            await Task.Delay(100, cts.Token);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(Logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (Logs is not null)
            {
                logging.AddProvider(Logs);
            }
        });
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Built one at a time with every other host of the test process (<see cref="HostBuilds"/>).</summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        return HostBuilds.One(() => base.CreateHost(builder));
    }

    public override async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        await base.DisposeAsync();
    }
}
