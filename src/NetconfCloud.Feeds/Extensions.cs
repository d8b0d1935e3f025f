using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NetconfCloud.Feeds;

public static class Extensions
{
    /// <summary>The feed rules and publishers (feeds, attendee pages, personal agendas); an <see cref="IAgendaSource"/> and
    /// <see cref="IPersonalAgendas"/> must be added too.</summary>
    public static IHostApplicationBuilder AddFeedPublishing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedOptions>()
            .BindConfiguration(FeedOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<FeedPublisher>();
        builder.Services.AddSingleton<PersonalAgendaPublisher>();
        builder.Services.AddSingleton<PagePublisher>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
