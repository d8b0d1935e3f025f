using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Site;

public static class Extensions
{
    /// <summary>The attendee site (conference pages, personal agendas) over the feed rules; an <see cref="IAgendaSource"/>
    /// and <see cref="IPersonalAgendas"/> must be added too.</summary>
    public static IHostApplicationBuilder AddAttendeeSite(this IHostApplicationBuilder builder)
    {
        builder.AddFeedPublishing();
        builder.Services.AddSingleton<PersonalAgendaPublisher>();
        builder.Services.AddSingleton<PagePublisher>();
        builder.Services.AddOptions<CreationLimits>().BindConfiguration(CreationLimits.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // The feeds' peer is always their Functions host on loopback, which passes on what it saw of the caller in
        // X-Forwarded-For (Azure's front end, or the local functions-host); more proxies can be named.
        builder.Services.AddOptions<ClientAddressRules>().BindConfiguration(ClientAddressRules.SectionName)
            .PostConfigure(rules => rules.TrustedProxies.AddRange(["127.0.0.1", "::1"]));
        builder.Services.AddSingleton(services => new CreationLimiter(services.GetRequiredService<IOptions<CreationLimits>>().Value));
        builder.Services.AddSingleton(services => new ClientAddresses(services.GetRequiredService<IOptions<ClientAddressRules>>().Value));
        builder.Services.AddSingleton<ChangesPublisher>();
        return builder;
    }
}
