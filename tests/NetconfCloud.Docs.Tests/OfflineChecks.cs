using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetconfCloud.Testing;

namespace NetconfCloud.Docs.Tests;

/// <summary>
/// Checks a command without running it: for commands that need Azure or the internet (a block marked
/// <c>&lt;!-- not run: reason --&gt;</c>), and for <c>./run</c>, <c>./test</c> and <c>.ci/run</c>, which are never run
/// from inside a test. What is checked, by program, is listed in docs/documentation.md.
/// </summary>
public static partial class OfflineChecks
{
    /// <summary>Repository scripts a test never runs (they build or test the whole repository).</summary>
    public static readonly IReadOnlySet<string> NeverRun = new HashSet<string>(StringComparer.Ordinal) { "./run", "./test", ".ci/run" };

    /// <summary>azd commands our docs may name, as azd's reference lists them.</summary>
    private static readonly HashSet<string> AzdCommands = new(StringComparer.Ordinal)
    {
        "auth login", "env new", "env set", "env select", "env get-values", "up", "down", "provision", "deploy", "monitor",
    };

    private static readonly HashSet<string> AzdOptions = new(StringComparer.Ordinal)
    {
        "-e", "--environment", "--no-prompt", "--force", "--purge", "--debug",
    };

    private static readonly HashSet<string> GrpcurlOptions = new(StringComparer.Ordinal)
    {
        "-plaintext", "-d", "-H", "-rpc-header", "-proto", "-import-path", "-max-time", "-v", "-format", "-emit-defaults",
    };

    private static readonly ConcurrentDictionary<string, (int ExitCode, string Output)> Helps = new(StringComparer.Ordinal);

    /// <summary>True when the command's program is one a test never runs.</summary>
    public static bool IsNeverRun(DocumentedCommand command) =>
        ShellWords.SimpleCommands(command.Text) is [var words, ..]
        && words.SkipWhile(ShellWords.IsAssignment).FirstOrDefault() is { } program
        && NeverRun.Contains(program);

    /// <summary>What is wrong with the command's names and options (empty when nothing is).</summary>
    public static IReadOnlyList<string> Check(DocumentedCommand command)
    {
        var problems = new List<string>();
        var directory = Repository.Root;
        foreach (var words in ShellWords.SimpleCommands(command.Text))
        {
            var assignments = words.TakeWhile(ShellWords.IsAssignment).Select(w => w[..w.IndexOf('=', StringComparison.Ordinal)]).ToList();
            var rest = words.SkipWhile(ShellWords.IsAssignment).ToList();
            if (rest.Count == 0)
            {
                continue;
            }

            var program = rest[0];
            var arguments = rest.Skip(1).ToList();
            foreach (var path in arguments.Where(LooksLikeRepositoryPath))
            {
                if (!File.Exists(Path.Combine(directory, path)) && !Directory.Exists(Path.Combine(directory, path)))
                {
                    problems.Add($"'{path}' does not exist");
                }
            }

            switch (program)
            {
                case "cd":
                    var target = Path.GetFullPath(Path.Combine(directory, arguments.FirstOrDefault() ?? "."));
                    if (!Directory.Exists(target))
                    {
                        problems.Add($"cd: no folder {arguments.FirstOrDefault()}");
                    }
                    else
                    {
                        directory = target;
                    }

                    break;
                case "export":
                    break;
                case var script when NeverRun.Contains(script):
                    problems.AddRange(CheckRepositoryScript(script, assignments));
                    break;
                case "./netconf":
                    problems.AddRange(CheckNetconf(arguments));
                    break;
                case "azd":
                    problems.AddRange(CheckAzd(arguments));
                    break;
                case "curl":
                    problems.AddRange(CheckCurl(arguments));
                    break;
                case "grpcurl":
                    problems.AddRange(CheckGrpcurl(arguments));
                    break;
                case "func":
                    problems.AddRange(CheckFunc(arguments, directory));
                    break;
                case "dotnet":
                    problems.AddRange(CheckDotnet(arguments));
                    break;
                case var script when script.Contains('/', StringComparison.Ordinal) && File.Exists(Path.Combine(directory, script)):
                    problems.AddRange(CheckRepositoryScript(Path.GetRelativePath(Repository.Root, Path.Combine(directory, script)), assignments));
                    break;
                default:
                    problems.Add($"no offline check for '{program}': run the block, or add a check to OfflineChecks");
                    break;
            }
        }

        return [.. problems.Select(p => $"{command.Where}: {p} (in: {command.Text})")];
    }

    /// <summary>
    /// ./run, ./test, .ci/run and other scripts of the repository (bench/load.sh): the script exists and is executable,
    /// and every variable set for it is one it (or scripts/) reads.
    /// </summary>
    private static IEnumerable<string> CheckRepositoryScript(string script, IReadOnlyList<string> assignments)
    {
        var path = Repository.PathOf(script);
        if (!File.Exists(path))
        {
            yield return $"{script} does not exist";
            yield break;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            yield return $"{script} is not executable";
        }

        var read = string.Join('\n', new[] { path }.Concat(Directory.EnumerateFiles(Repository.PathOf("scripts"))).Select(File.ReadAllText));
        foreach (var name in assignments.Where(n => !read.Contains(n, StringComparison.Ordinal)))
        {
            yield return $"{script} reads no variable {name}";
        }
    }

    /// <summary>./netconf: the command exists (its --help shows its usage) and lists every option given.</summary>
    private static IEnumerable<string> CheckNetconf(IReadOnlyList<string> arguments)
    {
        var path = arguments.TakeWhile(a => CommandWord().IsMatch(a)).ToList();
        var dll = Repository.PathOf("src", "NetconfCloud.Cli", "bin", LocalSystem.Configuration, "net10.0", "netconf.dll");
        var (exitCode, help) = Help("dotnet", [dll, .. path, "--help"]);
        var usage = NetconfUsage().Match(help);
        if (exitCode != 0 || !usage.Success)
        {
            return [$"'netconf {string.Join(' ', path)} --help' does not answer: {help}"];
        }

        var command = usage.Groups["command"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (path.Count > 0 && (command.Length == 0 || !path.Take(command.Length).SequenceEqual(command)))
        {
            return [$"netconf has no command '{path[0]}'"];
        }

        return [.. Options(arguments).Where(o => !ListsOption(help, o)).Select(o => $"'netconf {string.Join(' ', command)} --help' lists no option {o}")];
    }

    private static IEnumerable<string> CheckAzd(IReadOnlyList<string> arguments)
    {
        if (!File.Exists(Repository.PathOf("azure.yaml")))
        {
            yield return "azd needs azure.yaml in the repository root";
        }

        var words = arguments.Where(a => !a.StartsWith('-')).ToList();
        var command = words.Count >= 2 && AzdCommands.Contains($"{words[0]} {words[1]}") ? $"{words[0]} {words[1]}" : words.FirstOrDefault() ?? "";
        if (!AzdCommands.Contains(command))
        {
            yield return $"'azd {command}' is not an azd command our docs use (see OfflineChecks.AzdCommands)";
        }

        foreach (var option in Options(arguments).Where(o => !AzdOptions.Contains(o)))
        {
            yield return $"azd option {option} is not one azd takes";
        }

        if (command == "env set" && words.Count >= 3)
        {
            var parameters = File.ReadAllText(Repository.PathOf("infra", "main.parameters.json"));
            if (!parameters.Contains("${" + words[2], StringComparison.Ordinal))
            {
                yield return $"infra/main.parameters.json reads no azd variable {words[2]}";
            }
        }
    }

    private static IEnumerable<string> CheckCurl(IReadOnlyList<string> arguments)
    {
        var (_, help) = Help("curl", ["--help", "all"]);
        return Options(arguments).Where(o => !ListsOption(help, o)).Select(o => $"'curl --help all' lists no option {o}");
    }

    /// <summary>grpcurl (not installed here): its options, and the method and request fields against protos/.</summary>
    private static IEnumerable<string> CheckGrpcurl(List<string> arguments)
    {
        foreach (var option in arguments.Where(a => a.StartsWith('-') && !GrpcurlOptions.Contains(a)))
        {
            yield return $"grpcurl option {option} is not one our docs use (see OfflineChecks.GrpcurlOptions)";
        }

        var protos = string.Join('\n', Directory.EnumerateFiles(Repository.PathOf("protos"), "*.proto", SearchOption.AllDirectories).Select(File.ReadAllText));
        var method = arguments.Select(a => GrpcMethod().Match(a)).FirstOrDefault(m => m.Success);
        if (method is null)
        {
            if (!arguments.Contains("list") && !arguments.Contains("describe"))
            {
                yield return "grpcurl names no service/method";
            }

            yield break;
        }

        var service = method.Groups["service"].Value.Split('.')[^1];
        var rpc = new Regex($@"service\s+{service}\s*\{{[^}}]*?rpc\s+{method.Groups["method"].Value}\s*\(\s*(stream\s+)?(?<request>[\w.]+)\s*\)", RegexOptions.Singleline, TimeSpan.FromSeconds(1)).Match(protos);
        if (!rpc.Success)
        {
            yield return $"protos/ has no rpc {method.Value}";
            yield break;
        }

        var index = arguments.IndexOf("-d");
        if (index < 0 || index + 1 >= arguments.Count)
        {
            yield break;
        }

        var message = new Regex($@"message\s+{rpc.Groups["request"].Value}\s*\{{(?<body>[^}}]*)\}}", RegexOptions.Singleline, TimeSpan.FromSeconds(1)).Match(protos);
        var fields = ProtoField().Matches(message.Groups["body"].Value).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(arguments[index + 1]);
        foreach (var property in json.RootElement.EnumerateObject().Where(p => !fields.Contains(p.Name) && !fields.Select(LowerCamel).Contains(p.Name)))
        {
            yield return $"{rpc.Groups["request"].Value} has no field {property.Name}";
        }
    }

    /// <summary>func (Core Tools, not installed here): a command it has, run in a Functions app folder.</summary>
    private static IEnumerable<string> CheckFunc(List<string> arguments, string directory)
    {
        var verb = arguments.Count > 0 ? arguments[0] : "";
        if (verb != "start")
        {
            yield return $"'func {verb}' is not a command our docs use";
        }

        if (!File.Exists(Path.Combine(directory, "host.json")))
        {
            yield return $"func runs in a Functions app folder (with host.json); {Path.GetRelativePath(Repository.Root, directory)} is not one";
        }

        foreach (var option in Options(arguments).Where(o => o is not ("--port" or "--verbose")))
        {
            yield return $"func start option {option} is not one our docs use";
        }
    }

    /// <summary>dotnet: the verb's --help lists each option given before <c>--</c>.</summary>
    private static IEnumerable<string> CheckDotnet(List<string> arguments)
    {
        var verb = arguments.Count > 0 ? arguments[0] : "";
        if (!CommandWord().IsMatch(verb))
        {
            return [$"dotnet {verb}: only dotnet's own commands are checked offline"];
        }

        var (exitCode, help) = Help("dotnet", [verb, "--help"]);
        if (exitCode != 0)
        {
            return [$"'dotnet {verb} --help' fails"];
        }

        return Options(arguments.TakeWhile(a => a != "--").ToList()).Where(o => !ListsOption(help, o)).Select(o => $"'dotnet {verb} --help' lists no option {o}");
    }

    private static string LowerCamel(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 || part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    private static IEnumerable<string> Options(IReadOnlyList<string> arguments) =>
        arguments.Where(a => a.StartsWith('-') && a.Length > 1 && a != "--").Select(a => a.Split('=')[0]).Distinct(StringComparer.Ordinal);

    private static bool ListsOption(string help, string option) =>
        Regex.IsMatch(help, $@"(^|[\s,|]){Regex.Escape(option)}(?=[\s,=|<\[]|$)", RegexOptions.Multiline, TimeSpan.FromSeconds(1));

    private static bool LooksLikeRepositoryPath(string word) =>
        RepositoryPath().IsMatch(word) && !word.Contains("/bin/", StringComparison.Ordinal) && !word.Contains('*', StringComparison.Ordinal);

    private static (int ExitCode, string Output) Help(string program, IReadOnlyList<string> arguments) =>
        Helps.GetOrAdd(program + " " + string.Join(' ', arguments), _ =>
        {
            var info = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Repository.Root,
                Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        });

    [GeneratedRegex(@"Usage:\s*\n\s*netconf(?<command>( [a-z][a-z-]*)*)")]
    private static partial Regex NetconfUsage();

    [GeneratedRegex(@"^[a-z][a-z-]*$")]
    private static partial Regex CommandWord();

    [GeneratedRegex(@"^(?<service>[\w.]+\.\w+)/(?<method>\w+)$")]
    private static partial Regex GrpcMethod();

    [GeneratedRegex(@"^\s*(?:repeated\s+|optional\s+)?(?:map<[^>]+>|[\w.]+)\s+(?<name>\w+)\s*=\s*\d+", RegexOptions.Multiline)]
    private static partial Regex ProtoField();

    [GeneratedRegex(@"^(\./)?(src|tests|docs|infra|protos|bench|scripts)/[\w./-]*$")]
    private static partial Regex RepositoryPath();
}
