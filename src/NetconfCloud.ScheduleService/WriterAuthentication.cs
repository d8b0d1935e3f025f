using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NetconfCloud.Contracts;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// Bearer tokens for writers. In Azure: <c>Auth:Authority</c> (Entra ID, e.g.
/// https://login.microsoftonline.com/{tenant}/v2.0) and <c>Auth:Audience</c>. Locally: a symmetric key and the
/// development issuer (<c>netconf token</c> mints such tokens).
/// </summary>
public sealed class WriterAuthenticationOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    public Uri? Authority { get; set; }

    [Required]
    public string Audience { get; set; } = ScheduleAuthorization.DefaultAudience;

    /// <summary>Base64 HMAC key for locally minted tokens; the development key is used in Development and Testing when nothing is set.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = ScheduleAuthorization.DevelopmentIssuer;

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
    }

    private static bool IsKey(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= 32;
    }
}

public static class WriterAuthentication
{
    public const string WriterPolicy = "AgendaWriter";

    /// <summary>JWT bearer authentication and the writer policy (app role or scope).</summary>
    public static WebApplicationBuilder AddWriterAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WriterAuthenticationOptions.SectionName);
        if ((builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
            && string.IsNullOrWhiteSpace(section["Authority"]) && string.IsNullOrWhiteSpace(section["SigningKey"]))
        {
            section["SigningKey"] = ScheduleAuthorization.DevelopmentSigningKey;
        }

        builder.Services.AddOptions<WriterAuthenticationOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<WriterAuthenticationOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        builder.Services.AddAuthorizationBuilder().AddPolicy(WriterPolicy, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CanWrite(context.User)));
        return builder;
    }

    public static bool CanWrite(ClaimsPrincipal user) =>
        user.FindAll("roles").Any(c => c.Value == ScheduleAuthorization.WriteRole)
        || user.FindAll("scp").SelectMany(c => c.Value.Split(' ')).Contains(ScheduleAuthorization.WriteScope, StringComparer.Ordinal);

    private static void Configure(JwtBearerOptions jwt, WriterAuthenticationOptions auth)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters.NameClaimType = "name";
        jwt.TokenValidationParameters.RoleClaimType = "roles";
        jwt.TokenValidationParameters.ValidAudience = auth.Audience;
        if (auth.Authority is not null)
        {
            jwt.Authority = auth.Authority.ToString();
            return;
        }

        jwt.TokenValidationParameters.ValidIssuer = auth.Issuer;
        jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(auth.SigningKey!));
    }
}
