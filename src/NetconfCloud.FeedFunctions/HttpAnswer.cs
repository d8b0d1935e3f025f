using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// An answer that is not a published document: JSON of a personal agenda, a redirect after a form, a short refusal.
/// Never stored by caches (personal agendas' addresses are their keys), never sent on as a Referer.
/// </summary>
internal sealed class HttpAnswer(int status, string? contentType, string body, Uri? location = null) : IActionResult
{
    public static HttpAnswer Json(int status, string json, Uri? location = null) => new(status, "application/json; charset=utf-8", json, location);

    public static HttpAnswer Text(int status, string message) => new(status, "text/plain; charset=utf-8", message + "\n");

    /// <summary>303: after a form post, the browser GETs the page it names.</summary>
    public static HttpAnswer SeeOther(Uri location) => new(StatusCodes.Status303SeeOther, null, "", location);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        if (location is not null)
        {
            response.Headers.Location = location.ToString();
        }

        if (contentType is null)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted);
        }
    }
}
