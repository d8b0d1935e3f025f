using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace NetconfCloud.Feeds;

public static class Extensions
{
    /// <summary>The feed rules and the feed publisher; an <see cref="IAgendaSource"/> must be added too.</summary>
    public static IHostApplicationBuilder AddFeedPublishing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedOptions>()
            .BindConfiguration(FeedOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<FeedPublisher>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }
}
