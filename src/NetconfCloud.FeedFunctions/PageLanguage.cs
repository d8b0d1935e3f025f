using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetconfCloud.Feeds;
using NetconfCloud.Site;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// The language of a page request (<see cref="SiteLanguage.Choose"/> over <c>?hl=</c>, the <c>hl</c> cookie and
/// Accept-Language), and the cookie that remembers an explicit choice: a year, below the API root, not for scripts.
/// </summary>
internal static class PageLanguage
{
    public static LanguageChoice Of(HttpRequest request) =>
        SiteLanguage.Choose(
            request.Query[LanguageChoice.Parameter].FirstOrDefault(),
            request.Cookies[LanguageChoice.Cookie],
            request.Headers.AcceptLanguage.ToString());

    /// <summary>
    /// The page <paramref name="render"/> makes in the request's language; a choice by <c>?hl=</c> is remembered, an
    /// <c>hl</c> naming no language of the site is refused with a page saying so (400).
    /// </summary>
    public static async Task<IActionResult> AnswerAsync(HttpRequest request, Func<SiteLanguage, Task<FeedResult>> render)
    {
        var choice = Of(request);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<FeedOptions>>().Value;
        if (choice.Problem is { } problem)
        {
            return new FeedHttpResult(ErrorPage.Result(FeedStatus.BadRequest, options, choice.Language, choice.Language.Texts.PageRefused, problem, null, here: request.Path));
        }

        if (choice.Chosen)
        {
            request.HttpContext.Response.Cookies.Append(LanguageChoice.Cookie, choice.Language.Tag, new CookieOptions
            {
                Path = PageRoutes.LocalPath(options, "").TrimEnd('/') is { Length: > 0 } root ? root : "/",
                MaxAge = LanguageChoice.Remembered,
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                Secure = request.IsHttps,
                IsEssential = true,
            });
        }

        return new FeedHttpResult(await render(choice.Language));
    }
}
