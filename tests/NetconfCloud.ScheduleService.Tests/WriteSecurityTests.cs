using System.Security.Claims;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Cli;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>Who may change the agenda: every write needs a token with the write permission; reads need none.</summary>
[Collection(ScheduleCollection.Name)]
public class WriteSecurityTests(ScheduleFixture fixture)
{
    private static readonly Func<Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient, Task>[] Writes =
    [
        c => c.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Kind = SessionKind.Talk, Title = "Sneaky", StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2015, 2, 13, 18, 0, 0, TimeSpan.FromHours(-5))), EndTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2015, 2, 13, 18, 30, 0, TimeSpan.FromHours(-5))) } }).ResponseAsync,
        c => c.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "bpf-updates", Title = "Defaced" }, UpdateMask = FieldMask.FromString("title") }).ResponseAsync,
        c => c.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" }).ResponseAsync,
    ];

    public static TheoryData<int> WriteKinds => [0, 1, 2];

    [Theory]
    [MemberData(nameof(WriteKinds))]
    public async Task AWriteWithoutATokenIsUnauthenticatedAndChangesNothing(int write)
    {
        var before = await fixture.Server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });

        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Writes[write](fixture.Server.Client));

        var after = await fixture.Server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });
        Assert.Equal(before.AgendaVersion, after.AgendaVersion);
    }

    [Theory]
    [MemberData(nameof(WriteKinds))]
    public async Task AWriteWithATokenWithoutTheWritePermissionIsPermissionDenied(int write)
    {
        var reader = fixture.Server.ClientWithToken(DevelopmentTokens.Mint("Just A Reader", canWrite: false, TimeSpan.FromHours(1)));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Writes[write](reader));
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKeyIsUnauthenticated()
    {
        var forged = DevelopmentTokens.Mint("Mallory", canWrite: true, TimeSpan.FromHours(1), signingKey: Convert.ToBase64String(new byte[48]));

        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Writes[1](fixture.Server.ClientWithToken(forged)));
    }

    [Fact]
    public async Task ATokenForAnotherAudienceIsUnauthenticated()
    {
        var elsewhere = DevelopmentTokens.Mint("Organiser", canWrite: true, TimeSpan.FromHours(1), audience: "api://some-other-service");

        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Writes[1](fixture.Server.ClientWithToken(elsewhere)));
    }

    [Fact]
    public async Task AGarbledAuthorizationHeaderIsUnauthenticated() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Writes[1](fixture.Server.ClientWithToken("not-a-jwt")));

    [Fact]
    public void TheDelegatedScopeAloneDoesNotGrantWritingTheAppRoleDoes()
    {
        var delegated = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scp", "openid schedule.write")], "Bearer"));
        var assigned = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scp", "schedule.write"), new Claim("roles", "Schedule.Write")], "Bearer"));

        Assert.False(WriterAuthentication.CanWrite(delegated));
        Assert.True(WriterAuthentication.CanWrite(assigned));
    }

    [Fact]
    public async Task TheChangeLogNamesTheWriterAndTokensNeverReachTheLogs()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, $"Agenda{Guid.NewGuid():N}") { Logs = logs };
        await server.WaitUntilServingAsync();
        var token = DevelopmentTokens.Mint("Ada Organiser", canWrite: true, TimeSpan.FromHours(1));
        var writer = server.ClientWithToken(token);

        await writer.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "bpf-updates", Title = "BPF" }, UpdateMask = FieldMask.FromString("title") });
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => Writes[1](server.ClientWithToken(token + "x")));

        var change = Assert.Single((await server.ReaderClient.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015" })).Changes);
        Assert.Equal("Ada Organiser", change.Actor);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(token[..40], StringComparison.Ordinal) || line.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }
}
