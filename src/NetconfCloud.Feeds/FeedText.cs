using System.Globalization;
using System.Text;

namespace NetconfCloud.Feeds;

/// <summary>How sessions and feeds are named and described to people.</summary>
public static class FeedText
{
    /// <summary>The event title: the session's title, or for a talk without one, who gives it.</summary>
    public static string Summary(Session session) =>
        session.Status == SessionStatus.Cancelled ? $"Cancelled: {Title(session)}" : Title(session);

    /// <summary>What the session is called, cancelled or not: its title, or for a talk without one, who gives it.</summary>
    public static string Title(Session session) => session.HasTitle ? session.Title : $"Talk by {session.SpeakerNames}";

    /// <summary>
    /// The talk's web page, where calendars and schedule apps link it: its page in the schedule it was imported from,
    /// else its own feed.
    /// </summary>
    public static Uri WebPage(Session session, Conference conference, FeedOptions options) =>
        session.SourceUrl.Length > 0 && Uri.TryCreate(session.SourceUrl, UriKind.Absolute, out var page)
            ? page
            : FeedUrls.Https(options, FeedKey.Parse(FeedKind.Session, conference.Id, session.Id));

    public static string Category(SessionKind kind) => kind switch
    {
        SessionKind.Talk => "Talk",
        SessionKind.Break => "Break",
        _ => "Meal",
    };

    public static string Description(Session session, Conference conference)
    {
        var text = new StringBuilder();
        if (session.Subtitle.Length > 0)
        {
            text.AppendLine(session.Subtitle);
        }

        if (session.Speakers.Count > 0)
        {
            text.Append(session.Speakers.Count == 1 ? "Speaker: " : "Speakers: ").AppendLine(session.SpeakerNames);
        }

        if (session.Status == SessionStatus.Cancelled)
        {
            text.AppendLine("This session is cancelled.");
        }

        if (session.Abstract.Length > 0)
        {
            text.AppendLine().AppendLine(session.Abstract);
        }

        if (session.SlideCount > 0)
        {
            text.AppendLine().AppendLine(session.SlideCount == 1
                ? "Slides were published with the agenda (no link given)."
                : string.Create(CultureInfo.InvariantCulture, $"{session.SlideCount} slide decks were published with the agenda (no links given)."));
        }

        if (session.Notes.Length > 0)
        {
            text.AppendLine().AppendLine(session.Notes);
        }

        if (session.Links.Count > 0 || session.SourceUrl.Length > 0)
        {
            text.AppendLine();
            foreach (var link in session.Links)
            {
                text.Append(link.Title.Length > 0 ? link.Title : "Link").Append(": ").AppendLine(link.Url);
            }

            if (session.SourceUrl.Length > 0)
            {
                text.Append("Talk page: ").AppendLine(session.SourceUrl);
            }
        }

        if (conference.Tracks.FirstOrDefault(t => t.Id == session.TrackId) is { } track)
        {
            text.AppendLine().Append("Track: ").AppendLine(track.Name);
        }

        text.AppendLine().Append(conference.FullName).Append(", ").Append(conference.Location).Append('.');
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
