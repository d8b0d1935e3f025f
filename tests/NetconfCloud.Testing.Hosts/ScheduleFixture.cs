using Xunit;

namespace NetconfCloud.Testing;

/// <summary>
/// One Azurite for the test run, and a seeded schedule service that tests only read from. Tests that change the
/// agenda start a server of their own with <see cref="StartServerAsync"/>, on a fresh table.
/// </summary>
public sealed class ScheduleFixture : IAsyncLifetime
{
    private readonly List<ScheduleServer> servers = [];

    public Azurite Azurite { get; private set; } = null!;


    /// <summary>A seeded service that no test changes.</summary>
    public ScheduleServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartAsync();
        Server = await StartServerAsync();
    }

    public async Task<ScheduleServer> StartServerAsync(IDictionary<string, string?>? settings = null)
    {
        var server = new ScheduleServer(Azurite.ConnectionString, $"Agenda{Guid.NewGuid():N}", settings);
        servers.Add(server);
        await server.WaitUntilServingAsync();
        return server;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}
