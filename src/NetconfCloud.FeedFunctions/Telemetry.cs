using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetconfCloud.FeedFunctions;

public static class Telemetry
{
    public const string ServiceName = "netconfcloud-feeds";

    /// <summary>
    /// Function invocations and the outgoing gRPC calls (HTTP/2 requests carrying the trace context, so the schedule
    /// service's spans join the same trace) to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set;
    /// nothing when it is not.
    /// </summary>
    public static IHostApplicationBuilder AddFeedTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            return builder;
        }

        var clientId = builder.Configuration["AZURE_CLIENT_ID"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing.AddHttpClientInstrumentation())
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                if (!string.IsNullOrWhiteSpace(clientId))
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        return builder;
    }
}
