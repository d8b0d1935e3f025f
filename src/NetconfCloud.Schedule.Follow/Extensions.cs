using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Schedule.Follow;

public static class Extensions
{
    /// <summary>
    /// Following organisers' published schedules: options (checked at start), the guarded fetcher, the follow service
    /// and the background loop that fetches due sources. Needs an <see cref="ISourceFollowStore"/> and the <see cref="AgendaService"/>.
    /// </summary>
    public static IHostApplicationBuilder AddSourceFollowing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SourceFollowOptions>()
            .BindConfiguration(SourceFollowOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SourceFollowOptions>, SourceFollowOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new SourceFetcher(sp.GetRequiredService<IOptions<SourceFollowOptions>>().Value));
        builder.Services.AddSingleton<SourceFollowing>();
        builder.Services.AddHostedService<SourceFollowWorker>();
        return builder;
    }
}
