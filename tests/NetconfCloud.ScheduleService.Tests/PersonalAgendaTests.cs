using Azure.Data.Tables;
using Google.Rpc;
using Grpc.Core;
using NetconfCloud.Contracts;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>Personal agendas through the real transport into Azurite: made, read, changed, revoked, refused.</summary>
[Collection(ScheduleCollection.Name)]
public class PersonalAgendaTests(ScheduleFixture fixture)
{
    private const string Conference = "netconf-2015";

    private PersonalAgendaService.PersonalAgendaServiceClient Agendas => fixture.Server.PersonalAgendas;

    private Task<PersonalAgenda> Create(params string[] sessionIds) =>
        Agendas.CreatePersonalAgendaAsync(new CreatePersonalAgendaRequest { ConferenceId = Conference, SessionIds = { sessionIds } }).ResponseAsync;

    [Fact]
    public async Task APersonalAgendaIsMadeWithoutATokenAndReadBackByItsId()
    {
        var created = await Create("bpf-updates", "rhashtable", "nftables-updates");

        var read = await Agendas.GetPersonalAgendaAsync(new GetPersonalAgendaRequest { ConferenceId = Conference, Id = created.Id });

        Assert.Matches("^[a-z2-7]{26}$", created.Id);
        Assert.Equal(["bpf-updates", "rhashtable", "nftables-updates"], read.SessionIds);
        Assert.Equal((created.Etag, Conference), (read.Etag, read.ConferenceId));
        Assert.Null(read.RevokeTime);
    }

    [Fact]
    public async Task EveryPersonalAgendaGetsADifferentId()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Create("bpf-updates")));

        Assert.Equal(20, ids.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task StorageKeepsAHashOfTheIdAndNeverTheId()
    {
        await using var server = await fixture.StartServerAsync();
        var created = await server.PersonalAgendas.CreatePersonalAgendaAsync(
            new CreatePersonalAgendaRequest { ConferenceId = Conference, SessionIds = { "bpf-updates" } });

        var table = new TableClient(fixture.Azurite.ConnectionString, $"Personal{server.TableName}");
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal(Conference, row.PartitionKey);
        Assert.Equal(64, row.RowKey.Length);
        Assert.DoesNotContain(rows.SelectMany(r => r.Select(p => p.Value).Append(r.RowKey)), value => value?.ToString()?.Contains(created.Id, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PicksAreReplacedAndAStaleEtagIsRefused()
    {
        var created = await Create("bpf-updates", "rhashtable");

        var updated = await Agendas.UpdatePersonalAgendaAsync(new UpdatePersonalAgendaRequest
        {
            ConferenceId = Conference,
            Id = created.Id,
            SessionIds = { "rhashtable", "flow-table-api" },
            Etag = created.Etag,
        });

        Assert.Equal(["rhashtable", "flow-table-api"], updated.SessionIds);
        Assert.NotEqual(created.Etag, updated.Etag);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Agendas.UpdatePersonalAgendaAsync(new UpdatePersonalAgendaRequest
        {
            ConferenceId = Conference,
            Id = created.Id,
            SessionIds = { "bpf-updates" },
            Etag = created.Etag,
        }).ResponseAsync);
    }

    [Fact]
    public async Task OfTwoWritersWithTheSameEtagExactlyOneWinsAndNothingIsLost()
    {
        for (var round = 0; round < 10; round++)
        {
            var created = await Create("bpf-updates");
            var writers = new[] { "rhashtable", "flow-table-api" }.Select(pick => Agendas.UpdatePersonalAgendaAsync(new UpdatePersonalAgendaRequest
            {
                ConferenceId = Conference,
                Id = created.Id,
                SessionIds = { pick },
                Etag = created.Etag,
            }).ResponseAsync).ToList();

            var outcomes = await Task.WhenAll(writers.Select(async w =>
            {
                try
                {
                    return (await w).SessionIds.Single();
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    return null;
                }
            }));

            var winner = Assert.Single(outcomes, o => o is not null);
            var stored = await Agendas.GetPersonalAgendaAsync(new GetPersonalAgendaRequest { ConferenceId = Conference, Id = created.Id });
            Assert.Equal([winner!], stored.SessionIds);
        }
    }

    [Theory]
    [InlineData("no-such-talk", "session_ids[1]")]
    [InlineData("thursday-lunch", "session_ids[1]")]
    [InlineData("Not An Id", "session_ids[1]")]
    public async Task APickThatIsNotATalkIsRefusedNamingItsPlace(string pick, string field)
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Create("bpf-updates", pick));

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.Contains(pick, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPicksOrTooManyAreRefused()
    {
        await RpcAssert.InvalidField("session_ids", () => Create());

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Create([.. Enumerable.Range(0, 301).Select(i => $"talk-{i}")]));
        Assert.Contains("at most 300", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConferenceOrIdIsNotFoundAndAMalformedIdIsInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Agendas.CreatePersonalAgendaAsync(
            new CreatePersonalAgendaRequest { ConferenceId = "no-such-conference", SessionIds = { "bpf-updates" } }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Agendas.GetPersonalAgendaAsync(
            new GetPersonalAgendaRequest { ConferenceId = Conference, Id = new string('a', 26) }).ResponseAsync);
        await RpcAssert.InvalidField("id", () => Agendas.GetPersonalAgendaAsync(
            new GetPersonalAgendaRequest { ConferenceId = Conference, Id = "../../etc/passwd" }).ResponseAsync);
    }

    [Fact]
    public async Task AnAgendaOfOneConferenceIsNotFoundUnderAnother()
    {
        var created = await Create("bpf-updates");

        await RpcAssert.FailsWith(StatusCode.NotFound, () => Agendas.GetPersonalAgendaAsync(
            new GetPersonalAgendaRequest { ConferenceId = "fosdem-2026", Id = created.Id }).ResponseAsync);
    }

    [Fact]
    public async Task ARevokedAgendaKeepsNoPicksAndCannotBeChanged()
    {
        var created = await Create("bpf-updates", "rhashtable");

        var revoked = await Agendas.RevokePersonalAgendaAsync(new RevokePersonalAgendaRequest { ConferenceId = Conference, Id = created.Id });
        var again = await Agendas.RevokePersonalAgendaAsync(new RevokePersonalAgendaRequest { ConferenceId = Conference, Id = created.Id });

        Assert.NotNull(revoked.RevokeTime);
        Assert.Empty(revoked.SessionIds);
        Assert.Equal(revoked.RevokeTime, again.RevokeTime);
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Agendas.UpdatePersonalAgendaAsync(new UpdatePersonalAgendaRequest
        {
            ConferenceId = Conference,
            Id = created.Id,
            SessionIds = { "bpf-updates" },
        }).ResponseAsync);
        Assert.Equal(ScheduleErrors.PersonalAgendaRevoked, error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task ATalkCancelledAfterItWasPickedStaysPicked()
    {
        await using var server = await fixture.StartServerAsync();
        var created = await server.PersonalAgendas.CreatePersonalAgendaAsync(
            new CreatePersonalAgendaRequest { ConferenceId = Conference, SessionIds = { "bpf-updates" } });
        var talk = await server.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = Conference, SessionId = "bpf-updates" });

        await server.WriterClient.CancelSessionAsync(new CancelSessionRequest { ConferenceId = Conference, SessionId = "bpf-updates", Etag = talk.Etag });

        var read = await server.PersonalAgendas.GetPersonalAgendaAsync(new GetPersonalAgendaRequest { ConferenceId = Conference, Id = created.Id });
        Assert.Equal(["bpf-updates"], read.SessionIds);
    }
}
