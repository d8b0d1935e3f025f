using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetconfCloud.Testing;
using OpenTelemetry.Trace;

namespace NetconfCloud.FeedFunctions.Tests;

public class TelemetryTests
{
    private static IHost Build(string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString;
        builder.AddFeeds();
        return HostBuilds.One(builder.Build);
    }

    [Fact]
    public void WithoutAConnectionStringNothingIsExported()
    {
        using var host = Build(null);

        Assert.Null(host.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void WithAConnectionStringTracesAreExported()
    {
        using var host = Build("InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/");

        Assert.NotNull(host.Services.GetService<TracerProvider>());
    }
}
