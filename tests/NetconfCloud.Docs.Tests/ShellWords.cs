using System.Text;

namespace NetconfCloud.Docs.Tests;

/// <summary>
/// Splits a documented command into simple commands and their words, as far as the checks need: quotes removed,
/// <c>&amp;&amp;</c>, <c>||</c>, <c>;</c> and <c>|</c> separate commands, redirections and comments are dropped, and
/// <c>$(...)</c> stays inside its word.
/// </summary>
public static class ShellWords
{
    public static IReadOnlyList<IReadOnlyList<string>> SimpleCommands(string command)
    {
        var commentAt = ShellBlocks.CommentStart(command);
        var text = commentAt < 0 ? command : command[..commentAt];
        var commands = new List<IReadOnlyList<string>>();
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var depth = 0;
        char? quote = null;
        var skipNext = false;

        void EndWord()
        {
            if (inWord)
            {
                var finished = word.ToString();
                if (skipNext)
                {
                    skipNext = false;
                }
                else if (finished is ">" or ">>" or "<" or "2>" or "&>")
                {
                    skipNext = true;
                }
                else if (!finished.StartsWith("2>", StringComparison.Ordinal) && !finished.StartsWith('>'))
                {
                    words.Add(finished);
                }
            }

            word.Clear();
            inWord = false;
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add(words);
            }

            words = [];
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (depth > 0)
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                word.Append(c);
                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '$' when i + 1 < text.Length && text[i + 1] == '(':
                    depth = 1;
                    word.Append("$(");
                    inWord = true;
                    i++;
                    break;
                case '\\' when i + 1 < text.Length:
                    word.Append(text[++i]);
                    inWord = true;
                    break;
                case ';':
                    EndCommand();
                    break;
                case '&' when i + 1 < text.Length && text[i + 1] == '&':
                case '|' when i + 1 < text.Length && text[i + 1] == '|':
                    EndCommand();
                    i++;
                    break;
                case '|':
                    EndCommand();
                    break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        EndWord();
                    }
                    else
                    {
                        word.Append(c);
                        inWord = true;
                    }

                    break;
            }
        }

        EndCommand();
        return commands;
    }

    /// <summary>Leading <c>NAME=value</c> words (the environment a command sets for itself).</summary>
    public static bool IsAssignment(string word)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && word[..equals].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(word[0]);
    }
}
