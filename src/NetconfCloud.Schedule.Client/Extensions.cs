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
    /// The schedule service as the agenda source: a typed gRPC client (Grpc.Net.ClientFactory) at
    /// <c>ScheduleService:Address</c>. Reads are idempotent, so UNAVAILABLE is retried a few times with backoff.
    /// </summary>
    public static IHostApplicationBuilder AddScheduleServiceAgendaSource(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleClientOptions>()
            .BindConfiguration(ScheduleClientOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddGrpcClient<Proto.ScheduleService.ScheduleServiceClient>((sp, o) =>
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
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IAgendaSource, GrpcAgendaSource>();
        return builder;
    }
}
