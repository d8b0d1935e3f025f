using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// <c>GET /api/health</c>: "ok" without reading anything, the floor of the platform for feed load tests and a probe
/// that the worker answers. Anonymous, GET and HEAD, never cached.
/// </summary>
public static class HealthFunction
{
    public const string Route = "health";

    private static readonly byte[] Body = "ok\n"u8.ToArray();

    [Function("Health")]
    public static IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Route)] HttpRequest request) =>
        new Healthy();

    private sealed class Healthy : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/plain; charset=utf-8";
            response.ContentLength = Body.Length;
            response.Headers.CacheControl = "no-store";
            return HttpMethods.IsHead(context.HttpContext.Request.Method)
                ? Task.CompletedTask
                : response.Body.WriteAsync(Body, context.HttpContext.RequestAborted).AsTask();
        }
    }
}
