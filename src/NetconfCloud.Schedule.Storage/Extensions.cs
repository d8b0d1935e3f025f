using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Schedule.Storage;

public static class Extensions
{
    /// <summary>The agenda in Azure Table Storage: options, client, store, seeding at start and a health check.</summary>
    public static IHostApplicationBuilder AddAgendaTableStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgendaStorageOptions>()
            .BindConfiguration(AgendaStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => CreateTableClient(Options(sp), Options(sp).TableName, retries: Options(sp).ReadRetries));
        builder.Services.AddKeyedSingleton(TableAgendaStore.WritesKey, (sp, _) => CreateTableClient(Options(sp), Options(sp).TableName, retries: 0));
        builder.Services.AddSingleton<IAgendaStore, TableAgendaStore>();
        // A personal agenda's change is guarded by its etag, so a retried write that had landed fails rather than repeats.
        builder.Services.AddKeyedSingleton(TablePersonalAgendaStore.TableKey, (sp, _) => CreateTableClient(Options(sp), Options(sp).PersonalAgendaTableName, retries: Options(sp).ReadRetries));
        builder.Services.AddSingleton<IPersonalAgendaStore, TablePersonalAgendaStore>();
        builder.Services.AddSingleton<AgendaSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AgendaSeeder>());
        builder.Services.AddHealthChecks().AddCheck<AgendaStorageHealthCheck>("agenda-storage");
        builder.Services.TryAddSingleton(new AgendaServiceSettings());
        builder.Services.TryAddSingleton<ChangeFeed>();
        // One agenda cache per instance, shared by the service and the health check (which says when it serves from memory).
        builder.Services.TryAddSingleton(sp => new AgendaCache(
            sp.GetRequiredService<IAgendaStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AgendaServiceSettings>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<AgendaCache>>()));
        builder.Services.TryAddSingleton(sp => new AgendaService(
            sp.GetRequiredService<AgendaCache>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ChangeFeed>(), sp.GetRequiredService<AgendaServiceSettings>()));
        builder.Services.TryAddSingleton<PersonalAgendaService>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Followed sources and their fetch leases: conditional writes only, so the SDK's retries are safe.
        builder.Services.AddKeyedSingleton(TableSourceFollowStore.TableKey, (sp, _) => CreateTableClient(Options(sp), Options(sp).TableName + "Follows", retries: 1));
        builder.Services.AddSingleton<ISourceFollowStore, TableSourceFollowStore>();
        return builder;
    }

    /// <summary>
    /// Reads are retried by the SDK; writes are not (retries only where idempotent): a write whose answer is lost
    /// may have landed, so the caller reads again, and its etag keeps a blind repeat from applying twice.
    /// </summary>
    private static AgendaStorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<AgendaStorageOptions>>().Value;

    private static TableClient CreateTableClient(AgendaStorageOptions options, string tableName, int retries)
    {
        var clientOptions = new TableClientOptions
        {
            Retry =
            {
                Mode = RetryMode.Exponential,
                MaxRetries = retries,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(1),
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            },
        };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableClient(options.ConnectionString, tableName, clientOptions);
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
        return new TableServiceClient(options.TableServiceUri, credential, clientOptions).GetTableClient(tableName);
    }
}
