using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace NetconfCloud.FunctionsHost;

/// <summary>
/// The HTTP functions as ASP.NET Core endpoints, published once the worker has indexed them. Matching a request is
/// then ASP.NET Core routing itself: the route prefix, templates with constraints ({id:int}) and the methods, the
/// same rules the worker's own router applies, so that a request we accept is one the worker accepts.
/// </summary>
internal sealed class FunctionEndpointDataSource : EndpointDataSource, IDisposable
{
    private readonly Lock gate = new();
    private IReadOnlyList<Endpoint> endpoints = [];
    private CancellationTokenSource changed = new();

    public override IReadOnlyList<Endpoint> Endpoints => endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(changed.Token);

    public void Publish(IEnumerable<FunctionDescriptor> functions, string routePrefix, Func<FunctionDescriptor, RequestDelegate> handler)
    {
        var built = functions.Select(function =>
        {
            var builder = new RouteEndpointBuilder(handler(function), RoutePatternFactory.Parse(function.RoutePattern(routePrefix)), order: 0)
            {
                DisplayName = $"Function {function.Name}",
            };
            builder.Metadata.Add(new HttpMethodMetadata(function.Methods));
            builder.Metadata.Add(function);
            return builder.Build();
        }).ToArray();

        CancellationTokenSource previous;
        lock (gate)
        {
            endpoints = built;
            previous = changed;
            changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose() => changed.Dispose();
}
