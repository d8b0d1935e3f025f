using System.Globalization;

namespace NetconfCloud.Site;

/// <summary>
/// Every visible text of the change pages (the public page, its Atom feed, and the personal agenda's "what changed
/// in your picks"), in one place, so that they can move into the site's resource table as they are.
/// </summary>
public static class ChangeTexts
{
    public const string WhatChangedLink = "What changed: moves, cancellations, new talks";
    public const string FeedLink = "Follow these changes in a feed reader (Atom)";
    public const string Nothing = "Nothing has changed since the agenda was published.";
    public const string NothingHere = "No changes on this page.";
    public const string Older = "Older changes";
    public const string Newest = "Newest changes";
    public const string BackToAgenda = "Back to the agenda";
    public const string BadOlder = "older must be a version number from an \"Older changes\" link, e.g. ?older=12.";
    public const string BadSince = "since must be an agenda version number, e.g. ?since=12.";
    public const string PageTitleError = "These changes cannot be shown";
    public const string InPicksTitle = "What changed in your talks";
    public const string InPicksNothing = "None of your talks changed since you last looked.";
    public const string InPicksNothingYet = "None of your talks has changed.";
    public const string MoreOnTheChangesPage = "Every change to the agenda";

    public static string PageTitle(Conference conference) => $"What changed at {conference.Name}";

    public static string FeedTitle(Conference conference) => $"{conference.Name}: what changed";

    public static string FeedSubtitle(Conference conference) => $"Moves, cancellations, new and retitled talks at {conference.FullName}, newest first.";

    public static string Version(long version, string when) => $"{when} (agenda version {version.ToString(CultureInfo.InvariantCulture)})";

    public static string InPicksSince(long version) => $"Since agenda version {version.ToString(CultureInfo.InvariantCulture)}, when you last looked:";

    public static string BookmarkSince => "To see next time what changed in your talks since now, come back with this link:";

    public static string SinceLinkText(long version) => $"what changed since version {version.ToString(CultureInfo.InvariantCulture)}";

    public static string Kind(PublicChangeKind kind) => kind switch
    {
        PublicChangeKind.New => "New",
        PublicChangeKind.Cancelled => "Cancelled",
        PublicChangeKind.Restored => "Back on",
        PublicChangeKind.Moved => "Moved",
        PublicChangeKind.RoomChanged => "New room",
        PublicChangeKind.Retitled => "Retitled",
        _ => kind.ToString(),
    };

    /// <summary>"883 new talks, 2 cancelled, 1 moved": a version's counts, weightiest first.</summary>
    public static string Counts(PublicChangeSet set) => string.Join(", ", PublicChanges.ByWeight.Where(k => set.CountOf(k) > 0).Select(k => Count(k, set.CountOf(k))));

    private static string Count(PublicChangeKind kind, int n)
    {
        var number = n.ToString(CultureInfo.InvariantCulture);
        var sessions = n == 1 ? "session" : "sessions";
        return kind switch
        {
            PublicChangeKind.New => $"{number} new {sessions}",
            PublicChangeKind.Cancelled => $"{number} cancelled",
            PublicChangeKind.Restored => $"{number} back on",
            PublicChangeKind.Moved => $"{number} moved",
            PublicChangeKind.RoomChanged => $"{number} in another room",
            PublicChangeKind.Retitled => $"{number} retitled",
            _ => number,
        };
    }

    public static string AndMore(int more) => more == 1 ? "and 1 more session, on the agenda." : $"and {more.ToString(CultureInfo.InvariantCulture)} more sessions, on the agenda.";

    public static string Untitled => "Untitled session";

    public static string WhenWhere(string when, string room) => room.Length > 0 ? $"{when}, {room}" : when;

    public static string WasTitled(string title) => $"was titled “{title}”";

    public static string MovedFromTo(string from, string to) => $"moved from {from} to {to}";

    public static string RoomFromTo(string from, string to) => $"room changed from {(from.Length > 0 ? from : "no room")} to {(to.Length > 0 ? to : "no room")}";

    public static string EntryTitle(IEnumerable<PublicChangeKind> kinds, string title) => $"{string.Join(", ", kinds.Select(Kind))}: {title}";

    public static string SummaryTitle(PublicChangeSet set) => $"Agenda version {set.Version.ToString(CultureInfo.InvariantCulture)}: {Counts(set)}";
}
