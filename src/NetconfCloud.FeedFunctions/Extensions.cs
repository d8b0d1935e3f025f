using Microsoft.Extensions.Hosting;
using NetconfCloud.Feeds;
using NetconfCloud.Schedule.Client;
using NetconfCloud.Site;

namespace NetconfCloud.FeedFunctions;

public static class Extensions
{
    /// <summary>Everything the feed functions need; shared by Program.cs and the tests, so both use one container.</summary>
    public static IHostApplicationBuilder AddFeeds(this IHostApplicationBuilder builder)
    {
        builder.AddFeedTelemetry();
        builder.AddAttendeeSite();
        builder.AddScheduleServiceAgendaSource();
        return builder;
    }
}
