namespace NetconfCloud.Feeds;

/// <summary>
/// Where the attendee pages live below the API root: constants, so that a function's trigger can name them. Literal
/// routes (health, assets) take precedence over <see cref="Conference"/> in ASP.NET Core routing, so a conference
/// id equal to one of them would be unreachable here.
/// </summary>
public static class PageRoutes
{
    /// <summary>
    /// The index of conferences at the route prefix itself (<c>/api/</c>). An optional parameter that must be empty is the
    /// only way to serve the prefix root from Azure Functions (Azure/Azure-Functions#2473).
    /// </summary>
    public const string Index = "{ignored:maxlength(0)?}";
    public const string Conference = "{conference}";
    public const string NowAndNext = "{conference}/now.json";
    public const string Asset = "assets/{file}";

    /// <summary>Every way to add one calendar feed (named by its path below the conference, e.g. <c>sessions/bpf-updates.ics</c>).</summary>
    public const string Subscribe = "{conference}/subscribe/{*feed}";

    /// <summary>A talk's own page (its calendar is <c>sessions/{session}.ics</c>, which routing prefers for that address).</summary>
    public const string Session = "{conference}/sessions/{session}";

    /// <summary>A speaker's own page (their calendar is <c>speakers/{speaker}.ics</c>).</summary>
    public const string Speaker = "{conference}/speakers/{speaker}";

    /// <summary>The path of a talk's page, from the root.</summary>
    public static string SessionPath(FeedOptions options, string conferenceId, string sessionId) => LocalPath(options, $"{conferenceId}/sessions/{sessionId}");

    /// <summary>The path of a speaker's page, from the root.</summary>
    public static string SpeakerPath(FeedOptions options, string conferenceId, string speakerId) => LocalPath(options, $"{conferenceId}/speakers/{speakerId}");

    /// <summary>The absolute URL of a talk's page (what exports may name as the talk's web page).</summary>
    public static Uri SessionUrl(FeedOptions options, string conferenceId, string sessionId) => FeedUrls.Below(options, $"{conferenceId}/sessions/{sessionId}");

    /// <summary>The path of a feed's subscribe page, from the root.</summary>
    public static string SubscribePath(FeedOptions options, FeedKey key) =>
        LocalPath(options, $"{key.ConferenceId}/subscribe/{key.Path[(key.ConferenceId.Length + 1)..]}");

    /// <summary>The absolute URL of a conference's page.</summary>
    public static Uri ConferenceUrl(FeedOptions options, string conferenceId) => FeedUrls.Below(options, conferenceId);

    public static Uri NowAndNextUrl(FeedOptions options, string conferenceId) => FeedUrls.Below(options, $"{conferenceId}/now.json");

    public static Uri IndexUrl(FeedOptions options) => FeedUrls.Below(options, "");

    /// <summary>What is on now and next, as a small page of its own (the conference page links it and its script loads it).</summary>
    public const string NowPage = "{conference}/now";

    /// <summary>The path of a conference's now-and-next page, from the root.</summary>
    public static string NowPagePath(FeedOptions options, string conferenceId) => LocalPath(options, $"{conferenceId}/now");

    /// <summary>
    /// The path (from the root, no host) of something below the API root: what pages link to, so that they work on
    /// whatever host serves them (and stay within the page's own origin, as the Content-Security-Policy asks).
    /// </summary>
    public static string LocalPath(FeedOptions options, string below) => $"{options.PublicBaseUrl.AbsolutePath.TrimEnd('/')}/{below}";

    /// <summary>What changed at a conference, for everyone (<c>?older=</c> pages back through older versions).</summary>
    public const string Changes = "{conference}/changes";

    /// <summary>The same changes as an Atom feed (RFC 4287).</summary>
    public const string ChangesFeed = "{conference}/changes.atom";

    public static string ChangesPath(FeedOptions options, string conferenceId) => LocalPath(options, $"{conferenceId}/changes");

    public static string ChangesFeedPath(FeedOptions options, string conferenceId) => LocalPath(options, $"{conferenceId}/changes.atom");

    public static Uri ChangesUrl(FeedOptions options, string conferenceId) => FeedUrls.Below(options, $"{conferenceId}/changes");

    public static Uri ChangesFeedUrl(FeedOptions options, string conferenceId) => FeedUrls.Below(options, $"{conferenceId}/changes.atom");
}
