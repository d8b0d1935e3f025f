namespace NetconfCloud.Docs.Tests;

public class CheckOnlyCommandsTests
{
    public static TheoryData<string> Files => DocumentationFiles.Theory();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryCommandThatIsNotRunNamesCommandsOptionsAndFilesThatExist(string file)
    {
        var commands = DocumentationFiles.BlocksOf(file).Where(b => b.Mode == BlockMode.CheckOnly).SelectMany(b => b.Commands);

        var problems = commands.SelectMany(OfflineChecks.Check).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryCheckOnlyBlockSaysWhyItIsNotRun()
    {
        var unexplained = DocumentationFiles.All().SelectMany(DocumentationFiles.BlocksOf)
            .Where(b => b.Mode == BlockMode.CheckOnly && string.IsNullOrWhiteSpace(b.Reason))
            .Select(b => $"{b.File}:{b.Line}");

        Assert.Empty(unexplained);
    }

    [Fact]
    public void RunIsCheckedNeverRunAndTheVariablesSetForItMustBeOnesItReads()
    {
        Assert.Empty(Check("FEEDS_PORT=8071 AZURITE_TABLE_PORT=10012 ./run"));
        Assert.Contains("./run reads no variable FEEDS_PROT", Assert.Single(Check("FEEDS_PROT=8071 ./run")), StringComparison.Ordinal);
        Assert.True(OfflineChecks.IsNeverRun(Command("FEEDS_PORT=8071 ./run")));
        Assert.True(OfflineChecks.IsNeverRun(Command("./test")));
    }

    [Fact]
    public void ANetconfCommandOrOptionThatTheCliLacksIsReported()
    {
        Assert.Empty(Check("./netconf import https://example.org/schedule.xml --conference fosdem-2026 --dry-run"));
        Assert.Contains("lists no option --dry-runs", Assert.Single(Check("./netconf import https://example.org/schedule.xml --dry-runs")), StringComparison.Ordinal);
        Assert.Contains("netconf has no command 'imports'", Assert.Single(Check("./netconf imports https://example.org/schedule.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAzdVariableThatInfraDoesNotReadIsReported()
    {
        Assert.Empty(Check("azd env set NETCONF_WRITER_AUTHORITY https://login.microsoftonline.com/tenant/v2.0"));
        Assert.Contains("reads no azd variable NETCONF_WRITER_AUTHORITI", Assert.Single(Check("azd env set NETCONF_WRITER_AUTHORITI x")), StringComparison.Ordinal);
        Assert.Contains("'azd upp' is not an azd command", Assert.Single(Check("azd upp")), StringComparison.Ordinal);
    }

    [Fact]
    public void AGrpcurlMethodOrFieldThatTheContractLacksIsReported()
    {
        Assert.Empty(Check("""grpcurl -plaintext -d '{"conference_id":"netconf-2015","day":"2015-02-12"}' 127.0.0.1:5100 netconf.schedule.v1.ScheduleService/ListSessions"""));
        Assert.Contains("has no field date", Assert.Single(Check("""grpcurl -plaintext -d '{"date":"2015-02-12"}' 127.0.0.1:5100 netconf.schedule.v1.ScheduleService/ListSessions""")), StringComparison.Ordinal);
        Assert.Contains("protos/ has no rpc", Assert.Single(Check("grpcurl -plaintext 127.0.0.1:5100 netconf.schedule.v1.ScheduleService/ListTalks")), StringComparison.Ordinal);
    }

    [Fact]
    public void APathIntoTheRepositoryThatDoesNotExistIsReported()
    {
        Assert.Empty(Check("cd src/NetconfCloud.FeedFunctions && func start --port 7071"));
        Assert.Contains("'src/NetconfCloud.Feeds.Functions' does not exist", Check("cd src/NetconfCloud.Feeds.Functions && func start")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AProgramWithoutAnOfflineCheckIsReportedSoThatTheBlockIsRunOrTheCheckWritten()
    {
        Assert.Contains("no offline check for 'kubectl'", Assert.Single(Check("kubectl apply -f infra/")), StringComparison.Ordinal);
    }

    private static DocumentedCommand Command(string text) => new("example.md", 1, text, 0, false, []);

    private static IReadOnlyList<string> Check(string text) => OfflineChecks.Check(Command(text));
}
