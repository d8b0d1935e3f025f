using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NetconfCloud.Contracts;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// Bearer tokens for writers. In Azure: Entra ID access tokens of one tenant, v1 or v2 (<c>Auth:Authority</c>,
/// <c>Auth:TenantId</c>, <c>Auth:ClientId</c>, <c>Auth:Audience</c>). Locally: a symmetric key and the development
/// issuer (<c>netconf token</c> mints such tokens).
/// </summary>
public sealed class WriterAuthenticationOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>Where the signing keys are published: https://login.microsoftonline.com/{tenant}/v2.0 in Azure.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The directory (tenant) ID whose tokens are accepted; by default the tenant named in <see cref="Authority"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>The API app registration's Application (client) ID: the audience of v2 access tokens.</summary>
    public string? ClientId { get; set; }

    /// <summary>The API's Application ID URI: the audience of v1 access tokens (and of development tokens).</summary>
    [Required]
    public string Audience { get; set; } = ScheduleAuthorization.DefaultAudience;

    /// <summary>Base64 HMAC key for locally minted tokens; the development key is used in Development and Testing when nothing is set.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = ScheduleAuthorization.DevelopmentIssuer;

    /// <summary>
    /// The signing key is the development key published in this repository: anyone can mint writer tokens with it,
    /// so only Development and Testing accept it.
    /// </summary>
    public bool IsDevelopmentKey =>
        !string.IsNullOrWhiteSpace(SigningKey) && IsKey(SigningKey)
        && Convert.FromBase64String(SigningKey.Trim()).AsSpan().SequenceEqual(Convert.FromBase64String(ScheduleAuthorization.DevelopmentSigningKey));

    /// <summary>The tenant as issuers spell it (a lower-case GUID), or null when none can be told.</summary>
    public string? Tenant =>
        Guid.TryParse(TenantId, out var configured) ? configured.ToString("D")
        : string.IsNullOrWhiteSpace(TenantId) && TenantOf(Authority) is { } named ? named.ToString("D")
        : null;

    /// <summary>The issuers of the tenant's v1 and v2 access tokens; no other tenant's.</summary>
    public IReadOnlyList<string> EntraIssuers => Tenant is { } tenant
        ? [$"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0"]
        : [];

    /// <summary>Plain-HTTP metadata is allowed for a loopback authority only (a local test endpoint), in any environment.</summary>
    public bool AuthorityIsLoopback => Authority is { IsLoopback: true };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Authority is null) == string.IsNullOrWhiteSpace(SigningKey))
        {
            yield return new ValidationResult("Set exactly one of Auth:Authority (Entra ID) or Auth:SigningKey (local tokens).", [nameof(Authority), nameof(SigningKey)]);
        }

        if (!string.IsNullOrWhiteSpace(SigningKey) && !IsKey(SigningKey))
        {
            yield return new ValidationResult("Auth:SigningKey must be base64 of at least 32 bytes.", [nameof(SigningKey)]);
        }

        if (Authority is null)
        {
            yield break;
        }

        if (Authority.Scheme != Uri.UriSchemeHttps && !AuthorityIsLoopback)
        {
            yield return new ValidationResult($"Auth:Authority must be an https address (plain http only for a loopback address); got '{Authority}'.", [nameof(Authority)]);
        }

        if (!Guid.TryParse(ClientId, out _))
        {
            yield return new ValidationResult(
                "Auth:ClientId must be the API app registration's Application (client) ID, a GUID: Entra ID v2 access tokens carry it as their audience.",
                [nameof(ClientId)]);
        }

        if (Tenant is null)
        {
            yield return new ValidationResult(
                "Auth:TenantId must be the directory (tenant) ID, a GUID, unless Auth:Authority names it (https://login.microsoftonline.com/{tenant-id}/v2.0).",
                [nameof(TenantId)]);
        }
        else if (TenantOf(Authority) is { } named && named.ToString("D") != Tenant)
        {
            yield return new ValidationResult("Auth:TenantId and Auth:Authority name different tenants.", [nameof(TenantId), nameof(Authority)]);
        }
    }

    private static Guid? TenantOf(Uri? authority) =>
        authority?.Segments.Skip(1).FirstOrDefault()?.TrimEnd('/') is { } segment && Guid.TryParse(segment, out var tenant) ? tenant : null;

    private static bool IsKey(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= 32;
    }
}

public static class WriterAuthentication
{
    public const string WriterPolicy = "AgendaWriter";

    /// <summary>The start-up error when a deployed environment is given the published development key.</summary>
    public const string DevelopmentKeyRefused =
        "Auth:SigningKey (Auth__SigningKey) is the development key published in the repository; anyone can mint writer tokens with it. Outside Development, set Auth:Authority (Entra ID) or a secret key of your own.";

    /// <summary>JWT bearer authentication and the writer policy (the app role, for users and applications alike).</summary>
    public static WebApplicationBuilder AddWriterAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WriterAuthenticationOptions.SectionName);
        if ((builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
            && string.IsNullOrWhiteSpace(section["Authority"]) && string.IsNullOrWhiteSpace(section["SigningKey"]))
        {
            section["SigningKey"] = ScheduleAuthorization.DevelopmentSigningKey;
        }

        var mayUseDevelopmentKey = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddOptions<WriterAuthenticationOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(auth => mayUseDevelopmentKey || !auth.IsDevelopmentKey, DevelopmentKeyRefused)
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<WriterAuthenticationOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        builder.Services.AddAuthorizationBuilder().AddPolicy(WriterPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CanWrite(context.User)));
        return builder;
    }

    /// <summary>
    /// Writing takes the app role in <c>roles</c>, which Entra ID puts there only for an identity assigned the role,
    /// user or application. A delegated scope (<c>scp</c>) says what a client app may ask for on a user's behalf,
    /// not what the user may do: alone it grants nothing.
    /// </summary>
    public static bool CanWrite(ClaimsPrincipal user) =>
        user.FindAll("roles").Any(c => c.Value == ScheduleAuthorization.WriteRole);

    private static void Configure(JwtBearerOptions jwt, WriterAuthenticationOptions auth)
    {
        jwt.MapInboundClaims = false;
        var validation = jwt.TokenValidationParameters;
        validation.NameClaimType = "name";
        validation.RoleClaimType = "roles";
        validation.ValidAudiences = auth.ClientId is { Length: > 0 } clientId ? [auth.Audience, clientId] : [auth.Audience];
        if (auth.Authority is not null)
        {
            jwt.Authority = auth.Authority.ToString();
            jwt.RequireHttpsMetadata = !auth.AuthorityIsLoopback;
            validation.ValidIssuers = auth.EntraIssuers;
            validation.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            return;
        }

        validation.ValidIssuer = auth.Issuer;
        validation.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        validation.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(auth.SigningKey!));
    }
}
