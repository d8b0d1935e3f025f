using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NetconfCloud.Feeds;
using NetconfCloud.Site;

namespace NetconfCloud.FeedFunctions;

/// <summary>What changed at a conference, for everyone: the page and its Atom feed. Anonymous, GET and HEAD.</summary>
public sealed class ChangeFunctions(ChangesPublisher publisher)
{
    [Function("ChangesPage")]
    public async Task<IActionResult> ChangesPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Changes)] HttpRequest request, string conference) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetPageAsync(conference, request.Query["older"].FirstOrDefault(), language, request.HttpContext.RequestAborted));

    [Function("ChangesFeed")]
    public async Task<IActionResult> ChangesFeed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.ChangesFeed)] HttpRequest request, string conference) =>
        new FeedHttpResult(await publisher.GetFeedAsync(conference, request.HttpContext.RequestAborted));
}
