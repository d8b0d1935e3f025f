namespace NetconfCloud.Site;

/// <summary>
/// The pages' stylesheet and script, served by us (no CDN, no web font): embedded in this assembly, each with its
/// content type and a strong ETag, cached by browsers for a day.
/// </summary>
public static class PageAssets
{
    public const string Stylesheet = "site.css";
    public const string Script = "picks.js";
    public const string ServiceWorker = "sw.js";
    public const string Manifest = "manifest.webmanifest";
    public const string Icon = "icon.svg";

    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    private static readonly Dictionary<string, FeedDocument> Assets = new Dictionary<string, FeedDocument>(StringComparer.Ordinal)
    {
        [Stylesheet] = Load(Stylesheet, "text/css; charset=utf-8"),
        [Script] = Load(Script, "text/javascript; charset=utf-8"),
        [ServiceWorker] = Load(ServiceWorker, "text/javascript; charset=utf-8", PageHeaders.ServiceWorker),
        [Icon] = Load(Icon, "image/svg+xml"),
    }.Concat(SiteLanguage.All.Select(l => KeyValuePair.Create(ManifestOf(l), LoadManifest(l)))).ToDictionary(StringComparer.Ordinal);

    /// <summary>The web app manifest in <paramref name="language"/>: <c>manifest.webmanifest</c> in English, <c>manifest.de.webmanifest</c> in German.</summary>
    public static string ManifestOf(SiteLanguage language) => language == SiteLanguage.English ? Manifest : $"manifest.{language.Tag}.webmanifest";

    /// <summary>The names of the assets.</summary>
    public static IEnumerable<string> Names => Assets.Keys;

    /// <summary>The asset called <paramref name="file"/>, or null when there is none.</summary>
    public static FeedDocument? Get(string file) => Assets.GetValueOrDefault(file);

    /// <summary>The asset as a feed answer: the document, or "not found".</summary>
    public static FeedResult Find(string file) =>
        Get(file) is { } asset ? FeedResult.Ok(asset) : FeedResult.NotFound($"No asset '{(file.Length <= 40 ? file : file[..40])}'.");

    /// <summary>The asset's path from the root, as pages link to it.</summary>
    public static string Path(FeedOptions options, string file) => PageRoutes.LocalPath(options, PageRoutes.Asset.Replace("{file}", file, StringComparison.Ordinal));

    /// <summary>The embedded manifest with its name, short name, description and language from the language's texts.</summary>
    private static FeedDocument LoadManifest(SiteLanguage language)
    {
        var template = Load(Manifest, "application/manifest+json; charset=utf-8");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(template.Body)!.AsObject();
        manifest["name"] = language.Texts.AppName;
        manifest["short_name"] = language.Texts.AppShortName;
        manifest["description"] = language.Texts.AppDescription;
        manifest["lang"] = language.Tag;
        var body = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        return new FeedDocument(body, template.ContentType, "", template.LastModified, 0) { MaxAge = MaxAge, Headers = template.Headers };
    }

    private static FeedDocument Load(string name, string contentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        var assembly = typeof(PageAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream($"NetconfCloud.Site.Assets.{name}")
            ?? throw new InvalidOperationException($"The page asset {name} is not embedded.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        // The build's time: a new deployment may change an asset, so If-Modified-Since must not outlive it.
        var built = assembly.Location.Length > 0 ? File.GetLastWriteTimeUtc(assembly.Location) : DateTime.UtcNow;
        var lastModified = new DateTimeOffset(built.Year > 2000 ? built : DateTime.UtcNow, TimeSpan.Zero);
        return new FeedDocument(bytes.ToArray(), contentType, "", lastModified, 0)
        {
            // The service worker is asked for again on every visit (browsers check it at most daily anyway).
            MaxAge = name == ServiceWorker ? TimeSpan.Zero : MaxAge,
            Headers = headers ?? PageHeaders.Security,
        };
    }
}

/// <summary>The headers every page and asset carries.</summary>
public static class PageHeaders
{
    /// <summary>
    /// Nothing but our own stylesheet, script and images; forms post only to us; no framing; the script fetches only
    /// from us (the now-and-next page). Personal agenda addresses are secrets, so no page ever sends a Referer.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'";

    public static IReadOnlyDictionary<string, string> Security { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
    };

    private static readonly Dictionary<SiteLanguage, IReadOnlyDictionary<string, string>> Pages = SiteLanguage.All.ToDictionary(
        language => language,
        language => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Security, StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Language"] = language.Tag,
            ["Vary"] = "Accept-Language, Cookie",
        });

    /// <summary>
    /// A page's headers: <see cref="Security"/>, the page's language, and that the language was chosen by
    /// Accept-Language or by the cookie of an earlier choice (the host adds Accept-Encoding to Vary).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Page(SiteLanguage language) => Pages[language];

    /// <summary>
    /// The service worker's own headers: it fetches pages of its origin (its CSP governs its fetches), and it is served
    /// below <c>assets/</c> but looks after every page below the API root (Service-Worker-Allowed).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ServiceWorker { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = "default-src 'none'; connect-src 'self'",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Service-Worker-Allowed"] = "/",
    };
}
