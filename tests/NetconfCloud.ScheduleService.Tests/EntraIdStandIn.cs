using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>
/// Entra ID as the service sees it, on 127.0.0.1: the tenant's OpenID Connect metadata
/// (/{tenant}/v2.0/.well-known/openid-configuration) and its signing keys (JWKS), and access tokens shaped as Entra
/// issues them (v1 and v2, for applications and for users), signed with an RSA key only this test holds.
/// </summary>
public sealed class EntraIdStandIn : IAsyncDisposable
{
    public static readonly string Tenant = "3f2a6c1e-8b7d-4e2f-9a1c-5d6e7f8a9b0c";
    public static readonly string ApiClientId = "6e7b1c2d-9a44-4f5e-8a3b-0c1d2e3f4a5b";
    public static readonly string CallerClientId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private readonly WebApplication app;
    private readonly RSA rsa = RSA.Create(2048);
    private readonly string keyId = "test-key-" + Guid.NewGuid().ToString("N")[..8];

    private EntraIdStandIn(WebApplication app) => this.app = app;

    public Uri Authority { get; private set; } = null!;

    public static async Task<EntraIdStandIn> StartAsync()
    {
        // Explicitly HTTP/1.1: the service's appsettings.json (copied beside the tests) makes HTTP/2 the default.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        builder.Logging.ClearProviders();
        var standIn = new EntraIdStandIn(HostBuilds.One(builder.Build));
        standIn.app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (RequestDelegate)standIn.Metadata);
        standIn.app.MapGet("/{tenant}/discovery/v2.0/keys", (RequestDelegate)standIn.Keys);
        await standIn.app.StartAsync();
        var address = new Uri(standIn.app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        standIn.Authority = new Uri(address, $"/{Tenant}/v2.0");
        return standIn;
    }

    public static string V1Issuer(string tenant) => $"https://sts.windows.net/{tenant}/";

    public static string V2Issuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>An app-only token (client credentials): roles, no scp, no name.</summary>
    public string AppToken(int version, string[]? roles = null, string? tenant = null, string? audience = null) =>
        Sign(Claims(version, tenant, audience, roles, scope: null, userName: null), keyId, rsa);

    /// <summary>A delegated token for a signed-in user: scp, a name, and roles when the user is assigned one.</summary>
    public string UserToken(int version, string name, string scope, string[]? roles = null) =>
        Sign(Claims(version, null, null, roles, scope, name), keyId, rsa);

    public string TokenWithTimes(DateTime notBefore, DateTime expires) =>
        Sign(Claims(2, null, null, ["Schedule.Write"], null, null), keyId, rsa, notBefore, expires);

    /// <summary>A well-formed token signed by a key the metadata never published.</summary>
    public static string TokenSignedByAnUnknownKey()
    {
        using var other = RSA.Create(2048);
        return Sign(Claims(2, null, null, ["Schedule.Write"], null, null), "unknown-key", other);
    }

    /// <summary>A token that says <c>alg: none</c> and carries no signature.</summary>
    public static string UnsignedToken()
    {
        var header = Base64UrlEncoder.Encode("""{"typ":"JWT","alg":"none"}""");
        var now = DateTimeOffset.UtcNow;
        var claims = Claims(2, null, null, ["Schedule.Write"], null, null);
        claims["iat"] = now.ToUnixTimeSeconds();
        claims["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds();
        claims["exp"] = now.AddHours(1).ToUnixTimeSeconds();
        return $"{header}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.";
    }

    private static Dictionary<string, object> Claims(int version, string? tenant, string? audience, string[]? roles, string? scope, string? userName)
    {
        tenant ??= Tenant;
        var objectId = Guid.NewGuid().ToString();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = version == 1 ? V1Issuer(tenant) : V2Issuer(tenant),
            ["aud"] = audience ?? (version == 1 ? Contracts.ScheduleAuthorization.DefaultAudience : ApiClientId),
            ["ver"] = version == 1 ? "1.0" : "2.0",
            ["tid"] = tenant,
            ["oid"] = objectId,
            ["sub"] = objectId,
            [version == 1 ? "appid" : "azp"] = CallerClientId,
        };
        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        if (scope is not null)
        {
            claims["scp"] = scope;
        }

        if (userName is not null)
        {
            claims["name"] = userName;
            claims[version == 1 ? "upn" : "preferred_username"] = "ada@example.test";
        }

        return claims;
    }

    private static string Sign(Dictionary<string, object> claims, string keyId, RSA key, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = (notBefore ?? now).AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private Task Metadata(HttpContext context)
    {
        var tenant = (string)context.Request.RouteValues["tenant"]!;
        var self = $"{context.Request.Scheme}://{context.Request.Host}";
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object>
        {
            ["issuer"] = V2Issuer(tenant),
            ["jwks_uri"] = $"{self}/{tenant}/discovery/v2.0/keys",
            ["authorization_endpoint"] = $"{self}/{tenant}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{self}/{tenant}/oauth2/v2.0/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
    }

    private Task Keys(HttpContext context)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return context.Response.WriteAsJsonAsync(new
        {
            keys = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = keyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                },
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        rsa.Dispose();
    }
}
