using System.Net;
using System.Net.Sockets;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Personal agendas are made anonymously, so making them is limited per caller and in all, over the real channel.
/// Callers come from different loopback addresses (127.0.0.x), as different machines would.
/// </summary>
[Collection(ScheduleCollection.Name)]
public class CreationLimitTests(ScheduleFixture fixture)
{
    private const string RelayedHeader = "x-netconf-client-address";

    private Task<ScheduleServer> ServerAsync(int perAddressBurst, int globalBurst = 1000, string? relay = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CreationLimits:PerAddressBurst"] = perAddressBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CreationLimits:PerAddressPerMinute"] = "1",
            ["CreationLimits:GlobalBurst"] = globalBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CreationLimits:GlobalPerMinute"] = "1",
        };
        if (relay is not null)
        {
            settings["ClientAddresses:Relays:0"] = relay;
        }

        return fixture.StartServerAsync(settings);
    }

    /// <summary>A client whose connections leave from <paramref name="from"/> (any 127.0.0.x is this machine).</summary>
    private static PersonalAgendaService.PersonalAgendaServiceClient ClientFrom(ScheduleServer server, string from)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new PersonalAgendaService.PersonalAgendaServiceClient(GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler }));
    }

    private static Task<PersonalAgenda> Create(PersonalAgendaService.PersonalAgendaServiceClient client, string? endUser = null) =>
        client.CreatePersonalAgendaAsync(
            new CreatePersonalAgendaRequest { ConferenceId = "netconf-2015", SessionIds = { "bpf-updates" } },
            endUser is null ? null : new Metadata { { RelayedHeader, endUser } }).ResponseAsync;

    [Fact]
    public async Task BeyondItsBurstAnAddressIsResourceExhaustedWithRetryInfo()
    {
        await using var server = await ServerAsync(perAddressBurst: 3);
        var client = ClientFrom(server, "127.0.0.2");
        for (var i = 0; i < 3; i++)
        {
            await Create(client);
        }

        var error = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => Create(client));

        var retry = error.GetRpcStatus()?.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero, $"retry delay {retry.RetryDelay}");
        Assert.Contains("your address", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAddressIsStillServedWhenOneIsRefused()
    {
        await using var server = await ServerAsync(perAddressBurst: 1);
        var first = ClientFrom(server, "127.0.0.3");
        await Create(first);
        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => Create(first));

        var created = await Create(ClientFrom(server, "127.0.0.4"));

        Assert.Matches("^[a-z2-7]{26}$", created.Id);
    }

    [Fact]
    public async Task TheGlobalCeilingHoldsAcrossAddresses()
    {
        await using var server = await ServerAsync(perAddressBurst: 10, globalBurst: 3);
        for (var i = 10; i < 13; i++)
        {
            await Create(ClientFrom(server, $"127.0.0.{i}"));
        }

        var error = await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => Create(ClientFrom(server, "127.0.0.13")));

        Assert.Contains("right now", error.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(error.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task ACallerThatIsNoRelayCannotChooseItsBucketByNamingAnAddress()
    {
        await using var server = await ServerAsync(perAddressBurst: 2, relay: "127.0.0.20");
        var client = ClientFrom(server, "127.0.0.21");
        await Create(client, "203.0.113.1");
        await Create(client, "203.0.113.2");

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => Create(client, "203.0.113.3"));
    }

    [Fact]
    public async Task ARelaysCallsCountAgainstTheEndUsersItNames()
    {
        await using var server = await ServerAsync(perAddressBurst: 2, relay: "127.0.0.20");
        var relay = ClientFrom(server, "127.0.0.20");
        await Create(relay, "203.0.113.1");
        await Create(relay, "203.0.113.1");
        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => Create(relay, "203.0.113.1"));

        var another = await Create(relay, "203.0.113.2");

        Assert.Matches("^[a-z2-7]{26}$", another.Id);
    }
}
