namespace NetconfCloud.Feeds;

/// <summary>Where a feed is published: its http(s) URL and the webcal:// URL that opens a calendar app's subscribe dialog.</summary>
public static class FeedUrls
{
    public static Uri Https(FeedOptions options, FeedKey key) =>
        new($"{options.PublicBaseUrl.ToString().TrimEnd('/')}/{key.Path}");

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
