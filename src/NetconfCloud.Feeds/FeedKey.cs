using System.Globalization;

namespace NetconfCloud.Feeds;

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

        var definition = FeedKinds.Of(kind);
        if (definition.Parameter.Length > 0 && !definition.IsValidArgument(argument))
        {
            throw new FeedRequestException(definition.Parameter, definition.ArgumentProblem);
        }

        return new FeedKey(kind, conferenceId, definition.Parameter.Length > 0 ? argument : "");
    }

    /// <summary>
    /// The calendar feed a path below the conference names (<c>sessions/bpf-updates.ics</c>, <c>calendar.ics</c>), or
    /// null when it names none.
    /// </summary>
    /// <exception cref="FeedRequestException">It names a feed kind with a malformed argument.</exception>
    public static FeedKey? FromPath(string conferenceId, string path)
    {
        foreach (var definition in FeedKinds.All.Where(d => d.IsCalendar))
        {
            var route = definition.Route["{conference}/".Length..];
            if (definition.Parameter.Length == 0)
            {
                if (path == route)
                {
                    return Parse(definition.Kind, conferenceId);
                }

                continue;
            }

            var (before, after) = (route[..route.IndexOf('{', StringComparison.Ordinal)], route[(route.IndexOf('}', StringComparison.Ordinal) + 1)..]);
            if (path.Length > before.Length + after.Length && path.StartsWith(before, StringComparison.Ordinal) && path.EndsWith(after, StringComparison.Ordinal))
            {
                return Parse(definition.Kind, conferenceId, path[before.Length..^after.Length]);
            }
        }

        return null;
    }

    internal FeedDefinition Definition => FeedKinds.Of(Kind);

    public DateOnly Day => DateOnly.ParseExact(Argument, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The feed's path below the API root, e.g. <c>netconf-2015/days/2015-02-12.ics</c>.</summary>
    public string Path
    {
        get
        {
            var path = Definition.Route.Replace("{conference}", ConferenceId, StringComparison.Ordinal);
            return Definition.Parameter.Length > 0 ? path.Replace($"{{{Definition.Parameter}}}", Argument, StringComparison.Ordinal) : path;
        }
    }

    /// <summary>The file name a browser or calendar app saves the feed as.</summary>
    public string FileName => Definition.FileName(this);
}

/// <summary>A request parameter is malformed (HTTP 400).</summary>
public sealed class FeedRequestException(string parameter, string problem) : Exception($"{parameter} {problem}")
{
    public string Parameter { get; } = parameter;
}
