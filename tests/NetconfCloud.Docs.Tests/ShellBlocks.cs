using System.Globalization;
using System.Text.RegularExpressions;

namespace NetconfCloud.Docs.Tests;

/// <summary>What the test does with a fenced shell block.</summary>
public enum BlockMode
{
    /// <summary>Every command runs against the local system and must end with its expected exit code.</summary>
    Run,

    /// <summary>Marked <c>&lt;!-- not run: reason --&gt;</c>: needs Azure or the internet; names and options are checked.</summary>
    CheckOnly,
}

/// <summary>One command of a documentation block, with what the block says about it.</summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The command's first line in that file (1-based).</param>
/// <param name="Text">The command as a shell reads it (continuation lines joined).</param>
/// <param name="ExpectedExitCode">0, or N when its comment says <c># exits N</c>.</param>
/// <param name="RunsUntilStopped">Its comment mentions Ctrl+C: it is run for a few seconds, then interrupted.</param>
/// <param name="ExpectedOutput">In a <c>console</c> block, the lines shown under the command.</param>
public sealed record DocumentedCommand(
    string File,
    int Line,
    string Text,
    int ExpectedExitCode,
    bool RunsUntilStopped,
    IReadOnlyList<string> ExpectedOutput)
{
    public string Where => $"{File}:{Line}";
}

/// <param name="Language">The fence's info string: sh, bash, shell or console.</param>
/// <param name="Reason">For a check-only block, the reason its marker gives.</param>
public sealed record ShellBlock(string File, int Line, string Language, BlockMode Mode, string? Reason, IReadOnlyList<DocumentedCommand> Commands);

/// <summary>
/// Reads the fenced shell blocks of a Markdown file. The convention (docs/documentation.md): a block whose info
/// string is <c>sh</c>, <c>bash</c>, <c>shell</c> or <c>console</c> is run, unless the last non-blank line before it is
/// <c>&lt;!-- not run: reason --&gt;</c>. Blocks of any other language are text.
/// </summary>
public static partial class ShellBlocks
{
    private static readonly HashSet<string> ShellLanguages = new(StringComparer.OrdinalIgnoreCase) { "sh", "bash", "shell", "console" };

    public static IReadOnlyList<ShellBlock> Read(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<ShellBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var fence = open.Groups["fence"].Value;
            var language = open.Groups["info"].Value;
            var body = new List<(int Line, string Text)>();
            var close = i + 1;
            for (; close < lines.Length; close++)
            {
                var candidate = lines[close].TrimStart();
                if (candidate.StartsWith(fence, StringComparison.Ordinal) && candidate.TrimEnd().Trim(fence[0]).Length == 0)
                {
                    break;
                }

                body.Add((close + 1, Unindent(lines[close], indent)));
            }

            if (ShellLanguages.Contains(language))
            {
                var reason = NotRunReason(lines, i);
                var commands = language.Equals("console", StringComparison.OrdinalIgnoreCase)
                    ? ConsoleCommands(file, body)
                    : ScriptCommands(file, body);
                blocks.Add(new ShellBlock(file, i + 1, language, reason is null ? BlockMode.Run : BlockMode.CheckOnly, reason, commands));
            }

            i = close;
        }

        return blocks;
    }

    /// <summary>Where a shell comment starts in <paramref name="command"/> (a <c>#</c> after a blank, outside quotes), or -1.</summary>
    public static int CommentStart(string command)
    {
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else if (c == '\\' && quote == '"')
                {
                    i++;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(command[i - 1])))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? NotRunReason(string[] lines, int fenceIndex)
    {
        for (var j = fenceIndex - 1; j >= 0; j--)
        {
            if (lines[j].Trim().Length == 0)
            {
                continue;
            }

            var marker = NotRunMarker().Match(lines[j]);
            return marker.Success ? marker.Groups["reason"].Value.Trim() : null;
        }

        return null;
    }

    private static List<DocumentedCommand> ScriptCommands(string file, List<(int Line, string Text)> body)
    {
        var commands = new List<DocumentedCommand>();
        for (var k = 0; k < body.Count; k++)
        {
            var (line, text) = body[k];
            if (text.Trim().Length == 0 || text.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var joined = text;
            while (EndsWithContinuation(joined) && k + 1 < body.Count)
            {
                joined = joined.TrimEnd()[..^1].TrimEnd() + " " + body[++k].Text.Trim();
            }

            commands.Add(Command(file, line, joined, []));
        }

        return commands;
    }

    private static List<DocumentedCommand> ConsoleCommands(string file, List<(int Line, string Text)> body)
    {
        var commands = new List<DocumentedCommand>();
        for (var k = 0; k < body.Count; k++)
        {
            var (line, text) = body[k];
            if (!text.StartsWith("$ ", StringComparison.Ordinal))
            {
                if (text.Trim().Length > 0)
                {
                    throw new FormatException($"{file}:{line}: a console block shows output before any '$ ' command.");
                }

                continue;
            }

            var joined = text[2..];
            while (EndsWithContinuation(joined) && k + 1 < body.Count)
            {
                var next = body[++k].Text.TrimStart();
                joined = joined.TrimEnd()[..^1].TrimEnd() + " " + (next.StartsWith("> ", StringComparison.Ordinal) ? next[2..] : next).Trim();
            }

            var output = new List<string>();
            while (k + 1 < body.Count && !body[k + 1].Text.StartsWith("$ ", StringComparison.Ordinal))
            {
                output.Add(body[++k].Text);
            }

            commands.Add(Command(file, line, joined, output));
        }

        return commands;
    }

    private static DocumentedCommand Command(string file, int line, string text, List<string> output)
    {
        var commentAt = CommentStart(text);
        var comment = commentAt < 0 ? "" : text[(commentAt + 1)..];
        var exits = ExitsComment().Match(comment);
        var expected = exits.Success ? int.Parse(exits.Groups["code"].Value, CultureInfo.InvariantCulture) : 0;
        var untilStopped = comment.Contains("Ctrl+C", StringComparison.OrdinalIgnoreCase);
        return new DocumentedCommand(file, line, text.Trim(), expected, untilStopped, output);
    }

    private static bool EndsWithContinuation(string text) => text.TrimEnd().EndsWith('\\') && CommentStart(text) < 0;

    private static string Unindent(string line, int indent)
    {
        var blanks = 0;
        while (blanks < indent && blanks < line.Length && line[blanks] == ' ')
        {
            blanks++;
        }

        return line[blanks..];
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})\s*(?<info>[\w+-]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*not run:(?<reason>.+?)-->\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex NotRunMarker();

    [GeneratedRegex(@"\bexits (?<code>\d+)\b")]
    private static partial Regex ExitsComment();
}
