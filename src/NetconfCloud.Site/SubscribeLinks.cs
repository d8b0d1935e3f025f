namespace NetconfCloud.Site;

/// <summary>
/// The ways to put one calendar feed into a calendar: its webcal:// address (calendar apps, Apple Calendar), Google
/// Calendar's and Outlook.com's subscribe pages, a plain download, and the https address to copy. The same for every
/// feed kind and for a personal agenda's feed.
/// </summary>
/// <param name="Https">The feed's https address.</param>
/// <param name="Name">What the calendar is called (Outlook.com names the subscription after it).</param>
public sealed record SubscribeLinks(Uri Https, string Name)
{
    /// <summary>What an Android user should do: Android has no webcal:// handler, but Google Calendar syncs to the phone (in English).</summary>
    public static string AndroidAdvice => SiteTexts.English.AndroidAdvice;

    /// <summary>What to do where the new Outlook for Windows drops the webcal: part of a link (in English).</summary>
    public static string OutlookAdvice => SiteTexts.English.OutlookAdvice;

    /// <summary>The webcal:// form, which opens the subscribe dialog of the visitor's calendar app.</summary>
    public Uri Webcal => FeedUrls.Webcal(Https);

    /// <summary>Google Calendar's add-by-URL page; <c>cid</c> takes the URL-encoded webcal:// address (an https one is refused).</summary>
    public Uri Google => new($"https://calendar.google.com/calendar/r?cid={Uri.EscapeDataString(Webcal.AbsoluteUri)}");

    /// <summary>
    /// Outlook.com's subscribe-from-web page, filled in. Microsoft documents no such link: the form
    /// <c>https://outlook.live.com/calendar/0/addfromweb?url=…&amp;name=…</c> (URL-encoded https address and name) is the
    /// one calendar publishers use and report working (the add-event-to-calendar-docs project and many published
    /// subscribe pages; see indico/indico#6075 on there being no official documentation), so it may change.
    /// </summary>
    public Uri Outlook => new($"https://outlook.live.com/calendar/0/addfromweb?url={Uri.EscapeDataString(Https.AbsoluteUri)}&name={Uri.EscapeDataString(Name)}");

    /// <summary>Apple Calendar (macOS, iOS) subscribes from the webcal:// address.</summary>
    public Uri Apple => Webcal;

    /// <summary>A one-off download of the feed as a file (no updates): the https address, linked with a <c>download</c> attribute.</summary>
    public Uri Download => Https;

    /// <summary>The links of one feed kind's feed, named as the feed names itself.</summary>
    public static SubscribeLinks For(FeedOptions options, FeedKey key, string name) => new(FeedUrls.Https(options, key), name);

    /// <summary>The links of a personal agenda's feed.</summary>
    public static SubscribeLinks ForPersonalAgenda(FeedOptions options, string conferenceId, string id, string name) =>
        new(PersonalAgendaRoutes.CalendarUrl(options, conferenceId, id), name);

    /// <summary>
    /// The links as markup: a list of links, the address in a read-only field with a Copy button (shown by the
    /// script), and a pointer to the Android advice. <paramref name="id"/> makes the field's id unique on the page.
    /// </summary>
    public void WriteTo(HtmlWriter html, SiteLanguage language, string id, string? androidAnchor = "#android")
    {
        var t = language.Texts;
        var field = $"url-{id}";
        html.Open("ul", ("class", "subscribe-links"))
            .Open("li").Link(Webcal.AbsoluteUri, t.SubscribeInApp).Close("li")
            .Open("li").Link(Google.AbsoluteUri, t.AddToGoogle, ("rel", "noopener")).Close("li")
            .Open("li").Link(Outlook.AbsoluteUri, t.AddToOutlook, ("rel", "noopener")).Close("li")
            .Open("li").Link(Apple.AbsoluteUri, t.AppleCalendar).Close("li")
            .Open("li").Link(Download.AbsoluteUri, t.DownloadIcs, ("download", "")).Close("li")
            .Close("ul")
            .Open("p", ("class", "copy-url"))
            .Element("label", t.CalendarAddress, ("for", field)).Raw(" ")
            .Open("input", ("id", field), ("type", "url"), ("readonly", ""), ("value", Https.AbsoluteUri))
            .Raw(" ").Element("button", t.Copy, ("type", "button"), ("class", "copy"), ("data-copy", field), ("hidden", ""))
            .Close("p");
        if (androidAnchor is not null)
        {
            html.Open("p", ("class", "hint")).Text(t.AndroidQuestion).Link(androidAnchor, t.SeeHowToAddIt).Text(".").Close("p");
        }
    }

    /// <summary>
    /// The links in one line, for the many small feeds of a page (each talk, each speaker): the webcal:// address
    /// (calendar apps, Apple Calendar), the download (whose address is the one to copy), and a link to
    /// <paramref name="otherWays"/>, the feed's own subscribe page with every way (Google, Outlook.com, Apple, the
    /// address to copy, what to do on Android).
    /// </summary>
    public void WriteCompactTo(HtmlWriter html, SiteLanguage language, string otherWays)
    {
        var t = language.Texts;
        html.Open("p", ("class", "add")).Text(t.AddToCalendarColon)
            .Link(Webcal.AbsoluteUri, t.CompactSubscribe).Text(" · ")
            .Link(Download.AbsoluteUri, t.CompactDownload, ("download", "")).Text(" · ")
            .Link(otherWays, t.MoreWays).Close("p");
    }
}
