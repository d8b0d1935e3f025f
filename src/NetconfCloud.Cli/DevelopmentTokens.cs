using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetconfCloud.Contracts;

namespace NetconfCloud.Cli;

/// <summary>Mints bearer tokens that a schedule service running in Development accepts. Not for Azure.</summary>
public static class DevelopmentTokens
{
    public static string Mint(
        string name,
        bool canWrite,
        TimeSpan lifetime,
        string signingKey = ScheduleAuthorization.DevelopmentSigningKey,
        string audience = ScheduleAuthorization.DefaultAudience,
        string issuer = ScheduleAuthorization.DevelopmentIssuer)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Schedule.Slug.From(name) is { Length: > 0 } subject ? subject : "developer",
            ["name"] = name,
        };
        if (canWrite)
        {
            claims["roles"] = new[] { ScheduleAuthorization.WriteRole };
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
