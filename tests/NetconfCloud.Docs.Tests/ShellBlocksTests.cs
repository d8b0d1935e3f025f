namespace NetconfCloud.Docs.Tests;

public class ShellBlocksTests
{
    [Fact]
    public void ShBashShellAndConsoleBlocksAreReadWithTheLineOfEachCommand()
    {
        var markdown = "# Title\n\n```sh\n./netconf conference\n\n# a comment\n./netconf speakers\n```\n\n```bash\nls docs\n```\n";

        var blocks = ShellBlocks.Read("x.md", markdown);

        Assert.Equal(["sh", "bash"], blocks.Select(b => b.Language));
        Assert.Equal([(4, "./netconf conference"), (7, "./netconf speakers"), (11, "ls docs")], blocks.SelectMany(b => b.Commands).Select(c => (c.Line, c.Text)));
        Assert.All(blocks, b => Assert.Equal(BlockMode.Run, b.Mode));
    }

    [Fact]
    public void BlocksInOtherLanguagesAreText()
    {
        var markdown = "```json\n{\"a\": 1}\n```\n\n```\nplain\n```\n\n```mermaid\nflowchart LR\n```\n";

        Assert.Empty(ShellBlocks.Read("x.md", markdown));
    }

    [Fact]
    public void ANotRunMarkerBeforeABlockMakesItCheckOnlyWithItsReason()
    {
        var markdown = "Deploy:\n\n<!-- not run: needs Azure -->\n\n```sh\nazd up\n```\n";

        var block = Assert.Single(ShellBlocks.Read("x.md", markdown));

        Assert.Equal(BlockMode.CheckOnly, block.Mode);
        Assert.Equal("needs Azure", block.Reason);
    }

    [Fact]
    public void ContinuationLinesMakeOneCommand()
    {
        var markdown = "```sh\n./netconf import a.xml \\\n  --conference x \\\n  --dry-run\n```\n";

        var command = Assert.Single(Assert.Single(ShellBlocks.Read("x.md", markdown)).Commands);

        Assert.Equal("./netconf import a.xml --conference x --dry-run", command.Text);
        Assert.Equal(2, command.Line);
    }

    [Fact]
    public void AConsoleBlockSeparatesCommandsFromTheOutputShownUnderThem()
    {
        var markdown = "```console\n$ curl -s http://127.0.0.1:7071/api/health\nok\n$ ./netconf conference\nNetconf 2015 ...\n```\n";

        var commands = Assert.Single(ShellBlocks.Read("x.md", markdown)).Commands;

        Assert.Equal(["curl -s http://127.0.0.1:7071/api/health", "./netconf conference"], commands.Select(c => c.Text));
        Assert.Equal(["ok"], commands[0].ExpectedOutput);
        Assert.Equal(["Netconf 2015 ..."], commands[1].ExpectedOutput);
    }

    [Fact]
    public void IndentedBlocksInListsAreRead()
    {
        var markdown = "- step:\n\n  ```sh\n  ./netconf conference\n  ```\n";

        Assert.Equal("./netconf conference", Assert.Single(Assert.Single(ShellBlocks.Read("x.md", markdown)).Commands).Text);
    }

    [Fact]
    public void ACommentSaysTheExpectedExitCodeOrThatTheCommandRunsUntilCtrlC()
    {
        var markdown = "```sh\n./netconf session nope   # exits 1: not found\n./netconf watch --after 0   # runs until Ctrl+C\n./netconf conference\n```\n";

        var commands = Assert.Single(ShellBlocks.Read("x.md", markdown)).Commands;

        Assert.Equal([1, 0, 0], commands.Select(c => c.ExpectedExitCode));
        Assert.Equal([false, true, false], commands.Select(c => c.RunsUntilStopped));
    }

    [Theory]
    [InlineData("./netconf retitle x \"a # b\"", -1)]
    [InlineData("./netconf retitle x 'a # b'   # note", 30)]
    [InlineData("curl http://h/a#b", -1)]
    [InlineData("# all comment", 0)]
    public void ACommentStartsAtAHashAfterABlankOutsideQuotes(string command, int expected)
    {
        Assert.Equal(expected, ShellBlocks.CommentStart(command));
    }

    [Fact]
    public void ShownOutputMatchesAroundElisions()
    {
        Assert.True(CommandRunner.Shows("x\nETag: \"abc\"\n", "ETag: \"...\""));
        Assert.True(CommandRunner.Shows("anything", "..."));
        Assert.False(CommandRunner.Shows("ETag: \"abc\"\n", "Last-Modified: ..."));
    }

    [Fact]
    public void ShellWordsSplitCommandsAndDropQuotesRedirectionsAndComments()
    {
        var commands = ShellWords.SimpleCommands("cd src/x && FOO=1 ./netconf export -o \"a b.json\" > out.txt 2>&1 | tail -1   # note");

        Assert.Equal(3, commands.Count);
        Assert.Equal(["cd", "src/x"], commands[0]);
        Assert.Equal(["FOO=1", "./netconf", "export", "-o", "a b.json"], commands[1]);
        Assert.Equal(["tail", "-1"], commands[2]);
    }
}
