using System.Globalization;

namespace NetconfCloud.Feeds;

public enum FeedKind
{
    Event,
    Day,
    Speaker,
    Session,
    Sponsors,
    Index,
}

/// <summary>
/// Which feed a request asks for. <see cref="Parse"/> checks the shape of the parameters (a malformed date or id is a
/// bad request); whether the conference, day, speaker or session exists is decided against the agenda.
/// </summary>
public sealed record FeedKey(FeedKind Kind, string ConferenceId, string Argument = "")
{
    public static FeedKey Parse(FeedKind kind, string conferenceId, string argument = "")
    {
        if (!Slug.IsValid(conferenceId))
        {
            throw new FeedRequestException("conference", "is not a conference id.");
        }

        switch (kind)
        {
            case FeedKind.Day when !DateOnly.TryParseExact(argument, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                throw new FeedRequestException("day", "must be a date as YYYY-MM-DD.");
            case FeedKind.Speaker or FeedKind.Session when !Slug.IsValid(argument):
                throw new FeedRequestException(kind == FeedKind.Speaker ? "speaker" : "session", "is not an id (lower-case letters, digits and hyphens).");
        }

        return new FeedKey(kind, conferenceId, argument);
    }

    public DateOnly Day => DateOnly.ParseExact(Argument, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The feed's path below the API root, e.g. <c>netconf-2015/days/2015-02-12.ics</c>.</summary>
    public string Path => Kind switch
    {
        FeedKind.Event => $"{ConferenceId}/calendar.ics",
        FeedKind.Day => $"{ConferenceId}/days/{Argument}.ics",
        FeedKind.Speaker => $"{ConferenceId}/speakers/{Argument}.ics",
        FeedKind.Session => $"{ConferenceId}/sessions/{Argument}.ics",
        FeedKind.Sponsors => $"{ConferenceId}/sponsors",
        _ => $"{ConferenceId}/feeds",
    };

    /// <summary>The file name a browser or calendar app saves the feed as.</summary>
    public string FileName => Kind switch
    {
        FeedKind.Event => $"{ConferenceId}.ics",
        FeedKind.Sponsors => $"{ConferenceId}-sponsors.json",
        FeedKind.Index => $"{ConferenceId}-feeds.json",
        _ => $"{ConferenceId}-{Argument}.ics",
    };
}

/// <summary>A request parameter is malformed (HTTP 400).</summary>
public sealed class FeedRequestException(string parameter, string problem) : Exception($"{parameter} {problem}")
{
    public string Parameter { get; } = parameter;
}
