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

    public static string Category(SessionKind kind) => kind switch
    {
        SessionKind.Talk => "Talk",
        SessionKind.Break => "Break",
        _ => "Meal",
    };

    public static string Description(Session session, Conference conference)
    {
        var text = new StringBuilder();
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

        text.AppendLine().Append(conference.FullName).Append(", ").Append(conference.Location).Append('.');
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
