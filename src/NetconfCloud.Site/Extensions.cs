using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        builder.Services.AddSingleton<ChangesPublisher>();
        return builder;
    }
}
