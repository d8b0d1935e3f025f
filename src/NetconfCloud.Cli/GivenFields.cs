using System.CommandLine;
using FieldMask = Google.Protobuf.WellKnownTypes.FieldMask;

namespace NetconfCloud.Cli;

/// <summary>
/// What an edit command changes: the fields whose options were given, and no others. An option given with an
/// empty value clears its field; an option not given leaves it as it is.
/// </summary>
internal static class GivenFields
{
    public static bool IsGiven(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>The update mask of the fields given; a command line that gives none is refused (exit 2).</summary>
    public static FieldMask Mask(ParseResult parse, params (Option Option, string Path)[] fields)
    {
        var paths = fields.Where(f => parse.IsGiven(f.Option)).Select(f => f.Path).Distinct(StringComparer.Ordinal).ToArray();
        return paths.Length > 0
            ? new FieldMask { Paths = { paths } }
            : throw new CommandLineException($"nothing to change: give at least one of {string.Join(", ", fields.Select(f => f.Option.Name))}.");
    }

    /// <summary>The values of a repeatable option, blanks left out: giving it once with an empty value clears the list.</summary>
    public static IEnumerable<string> Values(this ParseResult parse, Option<string[]> option) =>
        (parse.GetValue(option) ?? []).Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value.Trim());

    /// <summary>Links given as TITLE=URL, or a bare http(s) URL with no title.</summary>
    public static IEnumerable<Contracts.Schedule.V1.Link> Links(this ParseResult parse, Option<string[]> option) =>
        parse.Values(option).Select(text =>
        {
            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return new Contracts.Schedule.V1.Link { Url = text };
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            return equals > 0
                ? new Contracts.Schedule.V1.Link { Title = text[..equals].Trim(), Url = text[(equals + 1)..].Trim() }
                : throw new CommandLineException($"'{text}' is not a link as TITLE=URL (e.g. 'Slides=https://example.org/slides.pdf').");
        });
}
