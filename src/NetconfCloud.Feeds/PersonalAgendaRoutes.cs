namespace NetconfCloud.Feeds;

/// <summary>
/// Where a personal agenda lives below the API root. <see cref="Create"/> takes a POST of picks; the others are
/// the agenda's own page (view, change, revoke), its calendar feed and a QR code of the feed's address.
/// </summary>
public static class PersonalAgendaRoutes
{
    public const string Create = "{conference}/my";
    public const string Page = "{conference}/my/{id}";
    public const string Calendar = "{conference}/my/{id}/calendar.ics";
    public const string Qr = "{conference}/my/{id}/qr.svg";

    public static Uri CreateUrl(FeedOptions options, string conferenceId) => Url(options, Create, conferenceId, "");

    public static Uri PageUrl(FeedOptions options, string conferenceId, string id) => Url(options, Page, conferenceId, id);

    public static Uri CalendarUrl(FeedOptions options, string conferenceId, string id) => Url(options, Calendar, conferenceId, id);

    public static Uri QrUrl(FeedOptions options, string conferenceId, string id) => Url(options, Qr, conferenceId, id);

    private static Uri Url(FeedOptions options, string route, string conferenceId, string id) =>
        FeedUrls.Below(options, route.Replace("{conference}", conferenceId, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal));
}
