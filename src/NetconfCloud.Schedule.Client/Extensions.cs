using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client;

public static class Extensions
{
    /// <summary>
    /// The schedule service as the agenda source and the keeper of personal agendas: typed gRPC clients
    /// (Grpc.Net.ClientFactory) at <c>ScheduleService:Address</c>. UNAVAILABLE is retried a few times with backoff:
    /// reads are idempotent, a personal agenda's change is guarded by its etag, and a repeated create at worst leaves
    /// an agenda nobody holds the id of.
    /// </summary>
    public static IHostApplicationBuilder AddScheduleServiceAgendaSource(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleClientOptions>()
            .BindConfiguration(ScheduleClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        AddClient<Proto.ScheduleService.ScheduleServiceClient>(builder.Services);
        AddClient<Proto.PersonalAgendaService.PersonalAgendaServiceClient>(builder.Services);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAgendaSource, GrpcAgendaSource>();
        builder.Services.AddSingleton<IPersonalAgendas, GrpcPersonalAgendas>();
        builder.Services.AddSingleton<IPublicChangeSource, GrpcPublicChanges>();
        return builder;
    }

    private static void AddClient<TClient>(IServiceCollection services)
        where TClient : class
    {
        services.AddGrpcClient<TClient>((sp, o) =>
                o.Address = sp.GetRequiredService<IOptions<ScheduleClientOptions>>().Value.Address)
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            });
    }
}
