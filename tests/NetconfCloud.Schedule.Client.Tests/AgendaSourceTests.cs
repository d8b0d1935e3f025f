using System.Net;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.Schedule.Client.Tests;

[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<ScheduleFixture>
{
    public const string Name = "agenda source against the schedule service over Azurite";
}

/// <summary>The feeds' agenda source, built as the feeds build it, against the real service over a real channel.</summary>
[Collection(ClientCollection.Name)]
public class AgendaSourceTests(ScheduleFixture fixture)
{
    private static IAgendaSource Source(Uri address, int revalidateMilliseconds = 0)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScheduleService:Address"] = address.ToString(),
            ["ScheduleService:RevalidateMilliseconds"] = revalidateMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ScheduleService:DeadlineSeconds"] = "5",
        });
        builder.AddScheduleServiceAgendaSource();
        return HostBuilds.One(builder.Build).Services.GetRequiredService<IAgendaSource>();
    }

    [Fact]
    public async Task TheWholeAgendaIsReadAtOneVersion()
    {
        var agenda = await Source(fixture.Server.Address).LoadAsync("netconf-2015", CancellationToken.None);

        var conference = await fixture.Server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });
        Assert.NotNull(agenda);
        Assert.Equal(conference.AgendaVersion, agenda.Conference.AgendaVersion);
        Assert.Equal(30, agenda.Sessions.Count);
        Assert.Equal(4, agenda.Sponsors.Count);
        Assert.Contains(agenda.Speakers, s => s.Id == "david-miller" && s.AlsoKnownAs.Contains("David Miller"));
        Assert.Equal(["Alexei Starovoitov"], agenda.Sessions.Single(s => s.Id == "bpf-updates").Speakers.Select(s => s.Name));
    }

    [Fact]
    public async Task AnUnchangedAgendaIsKeptAndAChangedOneIsReadAgain()
    {
        await using var server = await fixture.StartServerAsync();
        var source = Source(server.Address);
        var first = await source.LoadAsync("netconf-2015", CancellationToken.None);

        var again = await source.LoadAsync("netconf-2015", CancellationToken.None);
        var session = await server.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });
        await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Contracts.Schedule.V1.Session { Id = "bpf-updates", Etag = session.Etag, Title = "BPF, again" },
            UpdateMask = FieldMask.FromString("title"),
        });
        var changed = await source.LoadAsync("netconf-2015", CancellationToken.None);

        Assert.Same(first, again);
        Assert.Equal(first!.Conference.AgendaVersion + 1, changed!.Conference.AgendaVersion);
        Assert.Equal("BPF, again", changed.Sessions.Single(s => s.Id == "bpf-updates").Title);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNull() =>
        Assert.Null(await Source(fixture.Server.Address).LoadAsync("netconf-1999", CancellationToken.None));

    [Fact]
    public async Task AServiceThatCannotBeReachedIsUnavailable() =>
        await Assert.ThrowsAsync<AgendaSourceUnavailableException>(() =>
            Source(new Uri($"http://127.0.0.1:{FreePort.Next()}")).LoadAsync("netconf-2015", CancellationToken.None));

    /// <summary>An ingress that routes to something else answers 404 over HTTP/2, which gRPC reads as UNIMPLEMENTED.</summary>
    [Fact]
    public async Task AnAddressThatIsNotTheScheduleServiceIsUnavailableNotAnError()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        await using var other = HostBuilds.One(builder.Build);
        await other.StartAsync();
        var address = new Uri(other.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        var error = await Assert.ThrowsAsync<AgendaSourceUnavailableException>(() => Source(address).LoadAsync("netconf-2015", CancellationToken.None));

        Assert.Contains("Unimplemented", error.Message, StringComparison.Ordinal);
    }
}
