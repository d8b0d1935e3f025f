using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NetconfCloud.Feeds;
using NetconfCloud.Site;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// The attendee pages: the index of conferences at the API root, a conference's page, what is on now and next, and
/// the pages' stylesheet and script. Anonymous, GET and HEAD; routes from <see cref="PageRoutes"/>; pages in the
/// visitor's language (<see cref="PageLanguage"/>); written as HTTP by <see cref="FeedHttpResult"/> (validators, 304,
/// the pages' security headers).
/// </summary>
public sealed class PageFunctions(PagePublisher publisher)
{
    [Function("ConferenceIndexPage")]
    public async Task<IActionResult> ConferenceIndexPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Index)] HttpRequest request) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetIndexAsync(language, request.HttpContext.RequestAborted));

    [Function("ConferencePage")]
    public async Task<IActionResult> ConferencePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Conference)] HttpRequest request, string conference) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetConferencePageAsync(conference, name => request.Query[name].FirstOrDefault(), language, request.HttpContext.RequestAborted));

    [Function("SessionPage")]
    public async Task<IActionResult> SessionPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Session)] HttpRequest request, string conference, string session) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetSessionPageAsync(conference, session, language, request.HttpContext.RequestAborted));

    [Function("SpeakerPage")]
    public async Task<IActionResult> SpeakerPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Speaker)] HttpRequest request, string conference, string speaker) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetSpeakerPageAsync(conference, speaker, language, request.HttpContext.RequestAborted));

    [Function("NowAndNext")]
    public async Task<IActionResult> NowAndNext(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.NowAndNext)] HttpRequest request, string conference) =>
        new FeedHttpResult(await publisher.GetNowAndNextAsync(conference, request.Query["at"], request.HttpContext.RequestAborted));

    [Function("SubscribePage")]
    public async Task<IActionResult> SubscribePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Subscribe)] HttpRequest request, string conference, string feed) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetSubscribePageAsync(conference, feed, language, request.HttpContext.RequestAborted));

    [Function("NowPage")]
    public async Task<IActionResult> NowPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.NowPage)] HttpRequest request, string conference) =>
        await PageLanguage.AnswerAsync(request, language => publisher.GetNowPageAsync(conference, request.Query["at"], language, request.HttpContext.RequestAborted));

    [Function("PageAsset")]
    public static IActionResult PageAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = PageRoutes.Asset)] HttpRequest request, string file) =>
        new FeedHttpResult(PageAssets.Find(file));
}
