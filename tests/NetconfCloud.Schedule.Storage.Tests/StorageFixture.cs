using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetconfCloud.Schedule.Seed;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Storage.Tests;

/// <summary>One Azurite for these tests; each test gets a store over a fresh table, built as the service builds it.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await Azurite.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();

    /// <summary>The store (as <c>AddAgendaTableStorage</c> registers it) and the raw table under it, seeded with Netconf 2015.</summary>
    public async Task<(IAgendaStore Store, TableClient Table, AgendaSnapshot Seed)> SeededStoreAsync()
    {
        var tableName = $"Agenda{Guid.NewGuid():N}";
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TableName"] = tableName,
            ["Storage:Seed"] = "false",
        });
        builder.AddAgendaTableStorage();
        var services = builder.Build().Services;
        var table = new TableClient(Azurite.ConnectionString, tableName);
        await table.CreateIfNotExistsAsync();
        var store = services.GetRequiredService<IAgendaStore>();
        var seed = AgendaSeed.LoadNetconf2015(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        await store.SeedAsync(seed, CancellationToken.None);
        return (store, table, seed);
    }
}

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<StorageFixture>
{
    public const string Name = "storage";
}
