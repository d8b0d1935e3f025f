using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using NetconfCloud.Cli;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// The service configured for Entra ID as infra configures it (authority, tenant, the API's client id and App ID
/// URI), its keys from a stand-in on 127.0.0.1, and a storage of its own.
/// </summary>
public sealed class EntraServiceFixture : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;

    public EntraIdStandIn Entra { get; private set; } = null!;

    public ScheduleServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await Azurite.StartAsync();
        Entra = await EntraIdStandIn.StartAsync();
        Server = new ScheduleServer(Azurite.ConnectionString, "AgendaEntra", Settings(Entra.Authority));
        await Server.WaitUntilServingAsync();
    }

    public static Dictionary<string, string?> Settings(Uri authority) => new()
    {
        ["Auth:Authority"] = authority.ToString(),
        ["Auth:ClientId"] = EntraIdStandIn.ApiClientId,
    };

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Entra.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>
/// Entra ID access tokens through a real gRPC write: v1 and v2 tokens of the configured tenant for the API's App ID
/// URI or client id are accepted; only the app role Schedule.Write permits writing; anything not issued by that
/// tenant for this API, out of its time, unsigned or signed by another key is unauthenticated.
/// </summary>
[Collection(StartUpCollection.Name)]
public class EntraTokenTests(EntraServiceFixture fixture) : IClassFixture<EntraServiceFixture>
{
    private static readonly string[] WriteRole = ["Schedule.Write"];

    private Task<Session> RetitleAsync(string token, string title = "BPF") =>
        fixture.Server.ClientWithToken(token).UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "bpf-updates", Title = title },
            UpdateMask = FieldMask.FromString("title"),
        }).ResponseAsync;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WriteWithAnAppTokenCarryingTheWriteRoleSucceeds(int version)
    {
        var session = await RetitleAsync(fixture.Entra.AppToken(version, WriteRole), $"BPF, by app v{version}");

        Assert.Equal($"BPF, by app v{version}", session.Title);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WriteWithAUserTokenCarryingTheWriteRoleSucceedsAndNamesTheUser(int version)
    {
        var token = fixture.Entra.UserToken(version, $"Ada v{version}", "schedule.write", WriteRole);

        var session = await RetitleAsync(token, $"BPF, by Ada v{version}");

        var changes = await fixture.Server.ClientWithToken(token).ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015" });
        Assert.Contains(changes.Changes, c => c.Actor == $"Ada v{version}" && c.Session.Title == session.Title);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WriteWithAUserTokenWithTheScopeButNotTheRoleIsPermissionDenied(int version) =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => RetitleAsync(fixture.Entra.UserToken(version, "Scope Only", "schedule.write")));

    [Fact]
    public async Task WriteWithAnAppTokenWithoutRolesIsPermissionDenied() =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => RetitleAsync(fixture.Entra.AppToken(2)));

    [Fact]
    public async Task WriteWithAnAppTokenCarryingAnotherRoleIsPermissionDenied() =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => RetitleAsync(fixture.Entra.AppToken(2, ["Schedule.Read"])));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WriteWithATokenFromAnotherTenantIsUnauthenticated(int version) =>
        // Entra signs every tenant's tokens with the same keys: only the issuer tells tenants apart.
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(fixture.Entra.AppToken(version, WriteRole, tenant: "9c3e5b7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d")));

    [Theory]
    [InlineData(1, "api://some-other-api")]
    [InlineData(2, "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f")]
    public async Task WriteWithATokenForAnotherAudienceIsUnauthenticated(int version, string audience) =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(fixture.Entra.AppToken(version, WriteRole, audience: audience)));

    [Fact]
    public async Task WriteWithAnExpiredTokenIsUnauthenticated() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(fixture.Entra.TokenWithTimes(DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1))));

    [Fact]
    public async Task WriteWithATokenNotYetValidIsUnauthenticated() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(fixture.Entra.TokenWithTimes(DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(2))));

    [Fact]
    public async Task WriteWithAnUnsignedAlgNoneTokenIsUnauthenticated() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(EntraIdStandIn.UnsignedToken()));

    [Fact]
    public async Task WriteWithATokenSignedByAnUnknownKeyIsUnauthenticated() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(EntraIdStandIn.TokenSignedByAnUnknownKey()));

    [Fact]
    public async Task WithEntraConfiguredADevelopmentTokenIsUnauthenticated() =>
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => RetitleAsync(DevelopmentTokens.Mint("Local Dev", canWrite: true, TimeSpan.FromHours(1))));

    [Fact]
    public async Task WithoutTheApisClientIdTheServiceStopsAtStartSayingSo()
    {
        var settings = EntraServiceFixture.Settings(fixture.Entra.Authority);
        settings.Remove("Auth:ClientId");
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.Services);

        Assert.Contains("Auth:ClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorityThatDoesNotNameTheTenantByIdNeedsATenantId()
    {
        var settings = EntraServiceFixture.Settings(new Uri("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0"));
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.Services);

        Assert.Contains("Auth:TenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlainHttpAuthorityIsRefusedUnlessItIsLoopback()
    {
        var settings = EntraServiceFixture.Settings(new Uri($"http://login.example.test/{EntraIdStandIn.Tenant}/v2.0"));
        await using var server = new ScheduleServer(fixture.Azurite.ConnectionString, "AgendaConfig", settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.Services);

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }
}
