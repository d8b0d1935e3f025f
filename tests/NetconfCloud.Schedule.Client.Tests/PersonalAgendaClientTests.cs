using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NetconfCloud.Testing;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client.Tests;

/// <summary>The feeds' client of personal agendas against the real service: domain errors back, reads kept briefly.</summary>
[Collection(ClientCollection.Name)]
public class PersonalAgendaClientTests(ScheduleFixture fixture)
{
    private const string Conference = "netconf-2015";

    private static IPersonalAgendas Client(Uri address, TimeProvider time, int revalidateMilliseconds = 1000)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ScheduleService:Address"] = address.ToString(),
            ["ScheduleService:RevalidateMilliseconds"] = revalidateMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ScheduleService:DeadlineSeconds"] = "5",
        });
        builder.Services.AddSingleton(time);
        builder.AddScheduleServiceAgendaSource();
        return builder.Build().Services.GetRequiredService<IPersonalAgendas>();
    }

    [Fact]
    public async Task RefusalsComeBackAsTheDomainsErrors()
    {
        var client = Client(fixture.Server.Address, TimeProvider.System);
        var created = await client.CreateAsync(Conference, ["bpf-updates"], CancellationToken.None);

        var invalid = await Assert.ThrowsAsync<InvalidArgumentException>(() => client.CreateAsync(Conference, ["bpf-updates", "thursday-lunch"], CancellationToken.None));
        await Assert.ThrowsAsync<NotFoundException>(() => client.GetAsync(Conference, new string('b', 26), CancellationToken.None));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => client.UpdateAsync(Conference, created.Id, ["rhashtable"], "W/\"stale\"", CancellationToken.None));
        await client.RevokeAsync(Conference, created.Id, CancellationToken.None);
        await Assert.ThrowsAsync<PersonalAgendaRevokedException>(() => client.UpdateAsync(Conference, created.Id, ["rhashtable"], "", CancellationToken.None));

        Assert.Equal("session_ids[1]", Assert.Single(invalid.Violations).Field);
    }

    [Fact]
    public async Task AReadIsKeptForTheIntervalAndAChangeThroughTheClientIsSeenAtOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = Client(fixture.Server.Address, time);
        var created = await client.CreateAsync(Conference, ["bpf-updates"], CancellationToken.None);

        // Changed behind the client's back (another instance): not seen until the interval has passed.
        await fixture.Server.PersonalAgendas.UpdatePersonalAgendaAsync(new Proto.UpdatePersonalAgendaRequest
        {
            ConferenceId = Conference,
            Id = created.Id,
            SessionIds = { "rhashtable" },
        });
        var kept = await client.GetAsync(Conference, created.Id, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var fresh = await client.GetAsync(Conference, created.Id, CancellationToken.None);
        var revoked = await client.RevokeAsync(Conference, created.Id, CancellationToken.None);
        var afterRevoke = await client.GetAsync(Conference, created.Id, CancellationToken.None);

        Assert.Equal(["bpf-updates"], kept.SessionIds);
        Assert.Equal(["rhashtable"], fresh.SessionIds);
        Assert.True(afterRevoke.IsRevoked);
        Assert.Equal(revoked.RevokeTime, afterRevoke.RevokeTime);
    }
}
