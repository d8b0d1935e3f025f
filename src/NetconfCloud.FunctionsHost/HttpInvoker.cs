using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace NetconfCloud.FunctionsHost;

/// <summary>
/// One HTTP invocation, as the real host does it with the ASP.NET Core integration: an InvocationRequest over the
/// event stream, and the request itself forwarded unchanged to the worker's own HTTP server with the
/// <c>x-ms-invocation-id</c> header that ties the two together (ours only: a caller's is dropped). The worker's
/// response streams back to the caller.
/// </summary>
internal sealed partial class HttpInvoker(
    WorkerChannels channels, WorkerState state, IHttpForwarder forwarder, IOptions<FunctionsHostOptions> options, ILogger<HttpInvoker> logger) : IDisposable
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly HttpMessageInvoker client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    public void Dispose() => client.Dispose();

    public async Task InvokeAsync(HttpContext context, FunctionDescriptor function)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.InvocationTimeoutSeconds);
        var invocationId = Guid.NewGuid().ToString();
        var invocation = channels.Current.RequestAsync(Invocation(context, function, invocationId), WorkerChannel.Keys.Invocation(invocationId), timeout, context.RequestAborted);

        var transformer = new InvocationTransformer(invocationId, invocation);
        var error = await forwarder.SendAsync(context, state.WorkerHttpUri!.ToString(), client, new ForwarderRequestConfig { ActivityTimeout = timeout }, transformer);
        if (error != ForwarderError.None && !context.RequestAborted.IsCancellationRequested)
        {
            var exception = context.GetForwarderErrorFeature()?.Exception;
            LogForwardFailed(function.Name, error, exception?.Message);
            if (error == ForwarderError.RequestBodyClient)
            {
                // The caller's own body failed: too large for this host (Kestrel's limit), or cut off.
                var tooLarge = Causes(exception).OfType<BadHttpRequestException>().Any(e => e.StatusCode == StatusCodes.Status413PayloadTooLarge);
                await Problem(
                    context,
                    tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    tooLarge ? "The body is larger than this host accepts." : "The request body could not be read.");
            }
            else
            {
                // The worker is gone (or going): the host restarts it, so the caller is asked back shortly, not told of a bad gateway.
                await Problem(context, StatusCodes.Status503ServiceUnavailable, "The Functions worker did not answer; try again shortly.", retryAfterSeconds: 1);
            }
        }

        try
        {
            var result = (await invocation).InvocationResponse.Result;
            if (result.Status != StatusResult.Types.Status.Success)
            {
                LogInvocationFailed(function.Name, result.Status, result.Exception?.Message);
            }
        }
        catch (Exception e) when (e is WorkerUnavailableException or TimeoutException or OperationCanceledException)
        {
            LogInvocationLost(function.Name, e.Message);
        }
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
    }

    private static StreamingMessage Invocation(HttpContext context, FunctionDescriptor function, string invocationId)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.Id,
            TraceContext = new RpcTraceContext { TraceParent = Activity.Current?.Id ?? "", TraceState = Activity.Current?.TraceStateString ?? "" },
        };
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not null)
            {
                request.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        request.InputData.Add(new ParameterBinding
        {
            Name = function.TriggerBindingName,
            Data = new TypedData { Http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetEncodedUrl() } },
        });
        return new StreamingMessage { RequestId = Guid.NewGuid().ToString("N"), InvocationRequest = request };
    }

    private static async Task Problem(HttpContext context, int status, string message, int? retryAfterSeconds = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n");
    }

    /// <summary>
    /// Replaces what the worker trusts from us: the invocation id (a caller's own value is dropped, never forwarded:
    /// the worker would wait for an invocation that never comes) and the X-Forwarded-* headers, which the worker's
    /// ForwardedHeaders middleware believes from a loopback peer, i.e. from this host: they say what this host saw
    /// of the caller, not what the caller claims. When the worker's answer has no body (a function that threw still
    /// gets an empty 200 from the worker's server), waits for the invocation's result and turns a failure into a
    /// 500. A response with a body is streamed at once: waiting there could block the worker's write.
    /// </summary>
    internal sealed class InvocationTransformer(string invocationId, Task<StreamingMessage> invocation) : HttpTransformer
    {
        /// <summary>Request headers the worker acts on: the caller's values never reach it.</summary>
        public static readonly string[] TrustedByWorker = [InvocationIdHeader, "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix"];

        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await Default.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            foreach (var header in TrustedByWorker)
            {
                proxyRequest.Headers.Remove(header);
            }

            proxyRequest.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
            if (httpContext.Connection.RemoteIpAddress is { } caller)
            {
                proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", caller.ToString());
            }

            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
            if (httpContext.Request.Host.HasValue)
            {
                proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", httpContext.Request.Host.Value);
            }
        }

        public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
        {
            var copy = await Default.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
            if (proxyResponse?.Content.Headers.ContentLength is not 0)
            {
                return copy;
            }

            StatusResult result;
            try
            {
                result = (await invocation).InvocationResponse.Result;
            }
            catch (WorkerUnavailableException e)
            {
                httpContext.Response.Headers.Clear();
                await Problem(httpContext, StatusCodes.Status503ServiceUnavailable, e.Message, retryAfterSeconds: 1);
                return false;
            }
            catch (TimeoutException e)
            {
                await Problem(httpContext, StatusCodes.Status502BadGateway, e.Message);
                return false;
            }

            if (result.Status == StatusResult.Types.Status.Success)
            {
                return copy;
            }

            httpContext.Response.Headers.Clear();
            await Problem(httpContext, StatusCodes.Status500InternalServerError, "The function failed.");
            return false;
        }
    }

    [LoggerMessage(LogLevel.Error, "Forwarding to function {Function} failed: {Error} {Detail}")]
    private partial void LogForwardFailed(string function, ForwarderError error, string? detail);

    [LoggerMessage(LogLevel.Error, "Function {Function} finished with {Status}: {Detail}")]
    private partial void LogInvocationFailed(string function, StatusResult.Types.Status status, string? detail);

    [LoggerMessage(LogLevel.Warning, "Function {Function}: no invocation result ({Reason}).")]
    private partial void LogInvocationLost(string function, string reason);
}
