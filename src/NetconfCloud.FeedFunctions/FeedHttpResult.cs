using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NetconfCloud.Feeds;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// Writes a feed answer as HTTP: validators (strong ETag, Last-Modified) and 304 on a conditional request, caching
/// for as long as calendar apps are told to wait (or the document's own max-age), the document's own headers, CORS
/// for any origin, Brotli or gzip when the client takes it, no body on HEAD, and short text bodies for 400, 404, 409,
/// 410, 429 and 503 (both with Retry-After), or the page
/// a refusal carries for people.
/// </summary>
internal sealed class FeedHttpResult(FeedResult result) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = "ETag, Last-Modified, Retry-After";

        if (result.Document is not { } document || result.Status != FeedStatus.Ok)
        {
            response.StatusCode = result.Status switch
            {
                FeedStatus.BadRequest => StatusCodes.Status400BadRequest,
                FeedStatus.NotFound => StatusCodes.Status404NotFound,
                FeedStatus.Gone => StatusCodes.Status410Gone,
                FeedStatus.Conflict => StatusCodes.Status409Conflict,
                FeedStatus.TooManyRequests => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            if (result.Status == FeedStatus.Unavailable)
            {
                response.Headers.RetryAfter = FeedResult.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
            else if (result.RetryAfter is { } retryAfter)
            {
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            response.Headers.CacheControl = "no-store";
            if (result.Document is { } page)
            {
                // A refusal as a page for people (the same sentence as the text a program gets), with the pages' headers.
                foreach (var (name, value) in page.Headers)
                {
                    response.Headers[name] = value;
                }

                await WriteAsync(response, request, page.ContentType, page.Body);
                return;
            }

            await WriteAsync(response, request, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(result.Message + "\n"));
            return;
        }

        var refresh = document.MaxAge ?? context.HttpContext.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value.RefreshInterval;
        foreach (var (name, value) in document.Headers)
        {
            response.Headers[name] = value;
        }

        var coding = ContentCodings.Choose(request.Headers.AcceptEncoding, document.ContentType, document.Body.Length);
        // Pages add what else they vary by (the visitor's language: Accept-Language, Cookie).
        response.Headers.Vary = document.Headers.TryGetValue("Vary", out var vary) ? $"Accept-Encoding, {vary}" : "Accept-Encoding";
        response.Headers.ETag = ContentCodings.ETag(document.ETag, coding);
        response.Headers.LastModified = document.LastModifiedHttpDate;
        // A stale rendering (the agenda could not be read) is served, but clients are asked back soon.
        var maxAge = result.Stale ? Math.Min(FeedResult.RetryAfterSeconds, (int)refresh.TotalSeconds) : (int)refresh.TotalSeconds;
        // An answer that sets a cookie (a remembered language) is the visitor's own: no shared cache keeps it.
        var isPrivate = document.IsPrivate || response.Headers.SetCookie.Count > 0;
        response.Headers.CacheControl = $"{(isPrivate ? "private" : "public")}, max-age={maxAge.ToString(CultureInfo.InvariantCulture)}";
        if (document.IsNotModified(request.Headers.IfNoneMatch, request.Headers.IfModifiedSince))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        if (document.FileName.Length > 0)
        {
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileName = document.FileName }.ToString();
        }

        if (ContentCodings.Token(coding) is { } token)
        {
            response.Headers.ContentEncoding = token;
        }

        await WriteAsync(response, request, document.ContentType, document.Encoded(coding));
    }

    private static async Task WriteAsync(HttpResponse response, HttpRequest request, string contentType, byte[] body)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, request.HttpContext.RequestAborted);
        }
    }
}
