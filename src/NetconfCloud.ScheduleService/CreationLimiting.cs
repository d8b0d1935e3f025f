using Microsoft.Extensions.Options;
using NetconfCloud.Schedule;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// The gRPC edge of <see cref="CreationLimiter"/>: a call counts against its peer's address (through the proxies
/// <c>ClientAddresses:TrustedProxies</c> names, such as Container Apps' ingress), or, when the peer is a relay named in
/// <c>ClientAddresses:Relays</c> (the feeds app, which serves the attendees' HTTP), against the end user's address the
/// relay passes in <c>x-netconf-client-address</c>. So the feeds are not one address for everybody, and nobody else
/// can pick their own bucket.
/// </summary>
internal sealed class CreationLimiting(CreationLimiter limiter, ClientAddresses addresses)
{
    /// <summary>Takes one creation from the caller's budget, or throws <see cref="RateLimitedException"/>.</summary>
    public void Acquire(HttpContext context)
    {
        var address = addresses.Resolve(
            context.Connection.RemoteIpAddress, context.Request.Headers["X-Forwarded-For"], context.Request.Headers[ClientAddresses.RelayedHeader].ToString());
        if (limiter.TryAcquire(address) is { } refusal)
        {
            throw new RateLimitedException(refusal.Message, refusal.RetryAfter);
        }
    }
}

internal static class CreationLimitingExtensions
{
    public static WebApplicationBuilder AddCreationLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CreationLimits>().BindConfiguration(CreationLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ClientAddressRules>().BindConfiguration(ClientAddressRules.SectionName)
            .Validate(Parses, "ClientAddresses:TrustedProxies and ClientAddresses:Relays must be networks (CIDR such as 10.40.2.0/24) or addresses.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new CreationLimiter(services.GetRequiredService<IOptions<CreationLimits>>().Value));
        builder.Services.AddSingleton(services => new ClientAddresses(services.GetRequiredService<IOptions<ClientAddressRules>>().Value));
        builder.Services.AddSingleton<CreationLimiting>();
        return builder;
    }

    private static bool Parses(ClientAddressRules rules)
    {
        try
        {
            _ = new ClientAddresses(rules);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
