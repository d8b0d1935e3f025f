using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Resources;

namespace NetconfCloud.ScheduleService;

public static class Telemetry
{
    public const string ServiceName = "netconfcloud-schedule";

    /// <summary>
    /// Traces, metrics and logs to Azure Monitor (requests, the Azure Tables calls they make, and what the feeds'
    /// trace context links them to) when APPLICATIONINSIGHTS_CONNECTION_STRING is set; nothing when it is not.
    /// With AZURE_CLIENT_ID, telemetry is sent with the managed identity (local auth is off in infra/).
    /// </summary>
    public static WebApplicationBuilder AddScheduleTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            return builder;
        }

        var clientId = builder.Configuration["AZURE_CLIENT_ID"];
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .UseAzureMonitor(options =>
            {
                if (!string.IsNullOrWhiteSpace(clientId))
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        return builder;
    }
}
