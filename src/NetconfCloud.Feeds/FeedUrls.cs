namespace NetconfCloud.Feeds;

/// <summary>Where a feed is published: its http(s) URL and the webcal:// URL that opens a calendar app's subscribe dialog.</summary>
public static class FeedUrls
{
    public static Uri Https(FeedOptions options, FeedKey key) => Below(options, key.Path);

    /// <summary>The public address of a path below the API root (<see cref="FeedOptions.PublicBaseUrl"/>).</summary>
    public static Uri Below(FeedOptions options, string path) => new($"{options.PublicBaseUrl.ToString().TrimEnd('/')}/{path}");

    public static Uri Webcal(FeedOptions options, FeedKey key) => Webcal(Https(options, key));

    /// <summary>The webcal:// form of a feed's http(s) address (default ports left out).</summary>
    public static Uri Webcal(Uri https)
    {
        var builder = new UriBuilder(https) { Scheme = "webcal" };
        if (builder.Uri.IsDefaultPort || builder.Port is 80 or 443)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }
}
