using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NetconfCloud.Feeds;

namespace NetconfCloud.FeedFunctions;

/// <summary>
/// The HTTP face of the feeds: bind the route, ask the publisher, write the answer. Anonymous, GET and HEAD. One thin
/// function per entry of the feed kinds table (routes from <see cref="FeedRoutes"/>).
/// </summary>
public sealed class FeedFunctions(FeedPublisher publisher)
{
    [Function("ConferenceCalendar")]
    public Task<IActionResult> ConferenceCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Event)] HttpRequest request, string conference) =>
        Answer(request, FeedKind.Event, conference);

    [Function("DayCalendar")]
    public Task<IActionResult> DayCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Day)] HttpRequest request, string conference, string day) =>
        Answer(request, FeedKind.Day, conference, day);

    [Function("SpeakerCalendar")]
    public Task<IActionResult> SpeakerCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Speaker)] HttpRequest request, string conference, string speaker) =>
        Answer(request, FeedKind.Speaker, conference, speaker);

    [Function("RoomCalendar")]
    public Task<IActionResult> RoomCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Room)] HttpRequest request, string conference, string room) =>
        Answer(request, FeedKind.Room, conference, room);

    [Function("TrackCalendar")]
    public Task<IActionResult> TrackCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Track)] HttpRequest request, string conference, string track) =>
        Answer(request, FeedKind.Track, conference, track);

    [Function("SessionCalendar")]
    public Task<IActionResult> SessionCalendar(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Session)] HttpRequest request, string conference, string session) =>
        Answer(request, FeedKind.Session, conference, session);

    [Function("Sponsors")]
    public Task<IActionResult> Sponsors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Sponsors)] HttpRequest request, string conference) =>
        Answer(request, FeedKind.Sponsors, conference);

    [Function("FeedIndex")]
    public Task<IActionResult> FeedIndex(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Index)] HttpRequest request, string conference) =>
        Answer(request, FeedKind.Index, conference);

    [Function("C3vocSchedule")]
    public Task<IActionResult> C3vocSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.C3voc)] HttpRequest request, string conference) =>
        Answer(request, FeedKind.C3voc, conference);

    [Function("FrabSchedule")]
    public Task<IActionResult> FrabSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = FeedRoutes.Frab)] HttpRequest request, string conference) =>
        Answer(request, FeedKind.Frab, conference);

    private async Task<IActionResult> Answer(HttpRequest request, FeedKind kind, string conference, string argument = "") =>
        new FeedHttpResult(await publisher.GetAsync(kind, conference, argument, request.HttpContext.RequestAborted));
}
