namespace NetconfCloud.Docs.Tests;

[Collection(LocalSystemCollection.Name)]
public class DocumentedCommandsTests(LocalSystem system)
{
    public static TheoryData<string> Files => DocumentationFiles.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryLocalCommandOfTheFileDoesWhatTheFileShows(string file)
    {
        var commands = DocumentationFiles.BlocksOf(file).Where(b => b.Mode == BlockMode.Run).SelectMany(b => b.Commands).ToList();

        var problems = await CommandRunner.RunAsync(system, commands);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task ACommandThatFailsIsReportedWithItsFileAndLine()
    {
        var commands = Commands("```sh\n./netconf session bpf-updates\n./netconf session no-such-talk\n./netconf conference\n```\n");

        var problems = await CommandRunner.RunAsync(system, commands);

        var problem = Assert.Single(problems);
        Assert.StartsWith("example.md:3: exited 1, expected 0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommentSayingExitsHoldsTheCommandToThatExitCode()
    {
        var refused = Commands("```sh\n./netconf session no-such-talk   # exits 1: not found\n```\n");
        var wrongly = Commands("```sh\n./netconf session bpf-updates   # exits 1\n```\n");

        Assert.Empty(await CommandRunner.RunAsync(system, refused));
        Assert.Contains("exited 0, expected 1", Assert.Single(await CommandRunner.RunAsync(system, wrongly)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputShownInAConsoleBlockMustBePrinted()
    {
        var shown = Commands("```console\n$ curl -s http://127.0.0.1:7071/api/health\nok\n```\n");
        var wrong = Commands("```console\n$ curl -s http://127.0.0.1:7071/api/health\nall good\n```\n");

        Assert.Empty(await CommandRunner.RunAsync(system, shown));
        Assert.Contains("missing: all good", Assert.Single(await CommandRunner.RunAsync(system, wrong)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommandThatRunsUntilCtrlCPassesOnlyWhileItKeepsRunning()
    {
        var running = Commands("```sh\n./netconf watch --after 0 --token \"$(./netconf token)\"   # until Ctrl+C\n```\n");
        var stopping = Commands("```sh\n./netconf watch --after 0 --address http://127.0.0.1:9   # until Ctrl+C\n```\n");

        Assert.Empty(await CommandRunner.RunAsync(system, running));
        Assert.Contains("exited 3, expected 0", Assert.Single(await CommandRunner.RunAsync(system, stopping)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsHoldForTheRestOfTheFile()
    {
        var commands = Commands("```sh\nexport NETCONF_TOKEN=$(./netconf token)\n```\n\ntext\n\n```sh\n./netconf retitle bpf-updates \"BPF updates\"\n```\n");

        Assert.Empty(await CommandRunner.RunAsync(system, commands));
    }

    private static List<DocumentedCommand> Commands(string markdown) =>
        [.. ShellBlocks.Read("example.md", markdown).SelectMany(b => b.Commands)];
}
