using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetconfCloud.Schedule.Seed;
using NetconfCloud.Testing;
using Xunit.Abstractions;

namespace NetconfCloud.Schedule.Storage.Tests;

/// <summary>
/// The storage edge with its default settings (2 s a try, one retry of a read, none of a write) against an Azurite of
/// each test's own, stopped (SIGSTOP: it accepts connections and answers nothing) or killed (the port closed).
/// </summary>
public class StorageEdgeTests(ITestOutputHelper output)
{
    /// <summary>≈ 4.1 s for a read as configured; the rest is room for a busy test machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AHungStorageIsStorageUnavailableForAReadWithinTheBound()
    {
        await using var azurite = await Azurite.StartAsync();
        var store = StoreOver(azurite);
        await store.ListConferencesAsync(CancellationToken.None);
        await azurite.PauseAsync();

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.LoadAsync("netconf-2015", CancellationToken.None));
        clock.Stop();
        await azurite.ResumeAsync();

        output.WriteLine($"read given up after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < Bound, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AHungStorageIsStorageUnavailableForAWriteAfterOneTry()
    {
        await using var azurite = await Azurite.StartAsync();
        var store = StoreOver(azurite);
        await store.ListConferencesAsync(CancellationToken.None);
        await azurite.PauseAsync();

        var clock = Stopwatch.StartNew();
        var conference = AgendaSeed.LoadNetconf2015(DateTimeOffset.UnixEpoch).Conference with { Id = "hung-2026" };
        await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            store.CreateConferenceAsync(conference, new AgendaChange(ChangeKind.Created, "", "organiser", DateTimeOffset.UnixEpoch), CancellationToken.None));
        clock.Stop();
        await azurite.ResumeAsync();

        output.WriteLine($"write given up after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < Bound / 2, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ACallerThatGivesUpOnAHungStorageGetsACancellationNotAnOutage()
    {
        await using var azurite = await Azurite.StartAsync();
        var store = StoreOver(azurite);
        await store.ListConferencesAsync(CancellationToken.None);
        await azurite.PauseAsync();
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Record.ExceptionAsync(() => store.LoadAsync("netconf-2015", caller.Token));
        await azurite.ResumeAsync();

        Assert.IsAssignableFrom<OperationCanceledException>(error);
    }

    [Fact]
    public async Task AStorageWhosePortIsClosedIsStorageUnavailable()
    {
        await using var azurite = await Azurite.StartAsync();
        var store = StoreOver(azurite);
        await store.ListConferencesAsync(CancellationToken.None);
        await azurite.StopAsync();

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.LoadAsync("netconf-2015", CancellationToken.None));
    }

    private static IAgendaStore StoreOver(Azurite azurite)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TableName"] = "AgendaEdge",
            ["Storage:Seed"] = "false",
        });
        builder.AddAgendaTableStorage();
        return builder.Build().Services.GetRequiredService<IAgendaStore>();
    }
}
