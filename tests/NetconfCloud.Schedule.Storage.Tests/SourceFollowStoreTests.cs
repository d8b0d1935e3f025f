using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NetconfCloud.Schedule.Storage.Tests;

/// <summary>Followed sources in their table: every field kept, and the lease taken by exactly one of two replicas.</summary>
[Collection(StorageCollection.Name)]
public class SourceFollowStoreTests(StorageFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    private static SourceFollow Follow => new("fosdem-2026", new Uri("https://fosdem.org/2026/schedule/xml"), TimeSpan.FromMinutes(10))
    {
        LastCheckTime = Now,
        LastSuccessTime = Now.AddMinutes(-10),
        LastSuccessVersion = 12,
        LastError = "the source answered 500",
        LastErrorTime = Now,
        NextFetchTime = Now.AddMinutes(10),
        SourceETag = "\"abc\"",
        SourceLastModified = "Sat, 31 Jan 2026 09:00:00 GMT",
        LeaseOwner = "replica-a",
        LeaseExpiry = Now.AddMinutes(3),
    };

    [Fact]
    public async Task AFollowIsReadBackWithEveryField()
    {
        var store = Store();

        var put = await store.PutAsync(Follow, CancellationToken.None);
        var read = await store.GetAsync("fosdem-2026", CancellationToken.None);

        Assert.Equal(put, read);
        Assert.NotEqual("", read!.ETag);
        Assert.Equal([put], await store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OfTwoReplicasTakingTheSameLeaseExactlyOneWins()
    {
        var store = Store();
        var seen = await store.PutAsync(Follow with { LeaseOwner = "", NextFetchTime = Now }, CancellationToken.None);

        var a = await store.TryReplaceAsync(seen with { LeaseOwner = "replica-a", LeaseExpiry = Now.AddMinutes(3) }, CancellationToken.None);
        var b = await store.TryReplaceAsync(seen with { LeaseOwner = "replica-b", LeaseExpiry = Now.AddMinutes(3) }, CancellationToken.None);

        Assert.NotNull(a);
        Assert.Null(b);
        Assert.Equal("replica-a", (await store.GetAsync("fosdem-2026", CancellationToken.None))!.LeaseOwner);
    }

    [Fact]
    public async Task AStoppedFollowIsGoneAndItsLeaseCannotBeTaken()
    {
        var store = Store();
        var seen = await store.PutAsync(Follow, CancellationToken.None);

        var deleted = await store.DeleteAsync("fosdem-2026", CancellationToken.None);
        var taken = await store.TryReplaceAsync(seen with { LeaseOwner = "replica-b" }, CancellationToken.None);

        Assert.True(deleted);
        Assert.Null(taken);
        Assert.Null(await store.GetAsync("fosdem-2026", CancellationToken.None));
        Assert.False(await store.DeleteAsync("fosdem-2026", CancellationToken.None));
    }

    /// <summary>The store as <c>AddAgendaTableStorage</c> registers it, over a fresh table (created on first use).</summary>
    private ISourceFollowStore Store()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = fixture.Azurite.ConnectionString,
            ["Storage:TableName"] = $"Agenda{Guid.NewGuid():N}",
            ["Storage:Seed"] = "false",
        });
        builder.AddAgendaTableStorage();
        return builder.Build().Services.GetRequiredService<ISourceFollowStore>();
    }
}
