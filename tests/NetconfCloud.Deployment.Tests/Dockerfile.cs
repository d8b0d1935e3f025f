using System.Globalization;
using System.Text;

namespace NetconfCloud.Deployment.Tests;

/// <summary>The final stage of a Dockerfile as far as the running app sees it: its ENV and EXPOSE instructions.</summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyDictionary<string, string> environment, IReadOnlyList<int> exposedPorts)
    {
        Environment = environment;
        ExposedPorts = exposedPorts;
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public IReadOnlyList<int> ExposedPorts { get; }

    public static Dockerfile Load(string path)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var ports = new List<int>();
        foreach (var instruction in Instructions(File.ReadAllText(path)))
        {
            var words = Words(instruction);
            switch (words[0].ToUpperInvariant())
            {
                case "FROM":
                    // A new stage: only the last one is the image.
                    environment.Clear();
                    ports.Clear();
                    break;
                case "ENV" when words.Count == 3 && !words[1].Contains('=', StringComparison.Ordinal):
                    environment[words[1]] = words[2];
                    break;
                case "ENV":
                    foreach (var pair in words.Skip(1))
                    {
                        var equals = pair.IndexOf('=', StringComparison.Ordinal);
                        environment[pair[..equals]] = pair[(equals + 1)..];
                    }

                    break;
                case "EXPOSE":
                    ports.AddRange(words.Skip(1).Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture)));
                    break;
            }
        }

        return new Dockerfile(environment, ports);
    }

    /// <summary>Instructions, with continuation lines joined and comments dropped.</summary>
    private static IEnumerable<string> Instructions(string text)
    {
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current.Append(line[..^1]).Append(' ');
                continue;
            }

            current.Append(line);
            yield return current.ToString().Trim();
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }

    /// <summary>Splits on white space outside double quotes, and removes the quotes (key="a b" is one word, key=a b).</summary>
    private static List<string> Words(string instruction)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var c in instruction)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
