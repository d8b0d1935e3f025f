using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetconfCloud.Testing;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// The feed functions as the host would call them: the app's own container (built by the same
/// <see cref="Extensions.AddFeeds"/> as Program.cs), a real request, the result executed into a real response, and
/// the gRPC client pointed at the real schedule service over Azurite.
/// </summary>
public sealed class FeedsFixture : IAsyncLifetime
{
    public ScheduleFixture Schedule { get; } = new();

    public FeedsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Schedule.InitializeAsync();
        App = await FeedsApp.StartAsync(Schedule.Server.Address);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Schedule.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FeedsCollection : ICollectionFixture<FeedsFixture>
{
    public const string Name = "feed functions over the schedule service";
}

public sealed class FeedsApp : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://feeds.example.test/api";

    private readonly IHost host;

    private FeedsApp(IHost host) => this.host = host;

    public static async Task<FeedsApp> StartAsync(Uri scheduleService, int revalidateMilliseconds = 0)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["ScheduleService:Address"] = scheduleService.ToString();
        builder.Configuration["ScheduleService:DeadlineSeconds"] = "3";
        builder.Configuration["ScheduleService:RevalidateMilliseconds"] = revalidateMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Feeds:PublicBaseUrl"] = PublicBaseUrl;
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddFeeds();
        var host = HostBuilds.One(builder.Build);
        await host.StartAsync();
        return new FeedsApp(host);
    }

    /// <summary>Calls one feed function with a GET (or HEAD) request and executes its result into a response.</summary>
    public Task<FeedResponse> SendAsync(
        Func<FeedFunctions, HttpRequest, Task<IActionResult>> function, string path, string method = "GET", IDictionary<string, string>? headers = null) =>
        InvokeAsync((services, request) => function(ActivatorUtilities.CreateInstance<FeedFunctions>(services), request), path, method, headers);

    /// <summary>Calls one page function with a GET (or HEAD) request (the path may carry a query) and executes its result.</summary>
    public Task<FeedResponse> SendPageAsync(
        Func<PageFunctions, HttpRequest, Task<IActionResult>> function, string path, string method = "GET", IDictionary<string, string>? headers = null) =>
        InvokeAsync((services, request) => function(ActivatorUtilities.CreateInstance<PageFunctions>(services), request), path, method, headers);

    /// <summary>Calls a static function (one that needs no services) and executes its result into a response.</summary>
    public Task<FeedResponse> SendAsync(Func<HttpRequest, IActionResult> function, string path, string method = "GET") =>
        InvokeAsync((_, request) => Task.FromResult(function(request)), path, method, headers: null);

    /// <summary>Calls a function of any function class with a request of any method and body.</summary>
    public Task<FeedResponse> CallAsync<TFunctions>(
        Func<TFunctions, HttpRequest, Task<IActionResult>> function, string path, string method = "GET", string? body = null, string? contentType = null,
        IDictionary<string, string>? headers = null) =>
        InvokeAsync((services, request) => function(ActivatorUtilities.CreateInstance<TFunctions>(services), request), path, method, headers, body, contentType);

    private async Task<FeedResponse> InvokeAsync(
        Func<IServiceProvider, HttpRequest, Task<IActionResult>> function, string path, string method, IDictionary<string, string>? headers,
        string? body = null, string? contentType = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("feeds.example.test");
        var query = path.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? path : path[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        if (body is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = contentType;
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        var result = await function(scope.ServiceProvider, context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        return new FeedResponse(context.Response.StatusCode, context.Response.Headers, responseBody.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}

public sealed record FeedResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string Header(string name) => Headers[name].ToString();
}
