using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>netconf import from a frab schedule.xml, an exported agenda, a URL; and what it refuses to read.</summary>
[Collection(CliCollection.Name)]
public class ImportCommandTests(ScheduleFixture fixture)
{
    [Fact]
    public async Task ADryRunPrintsThePlanWithTheClashAndWritesNothing()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await DemoSchedule.WriteAsync();

        var run = await Netconf.WriteAsync(server, "import", file, "--conference", DemoSchedule.ConferenceId, "--dry-run");

        var conferences = await server.Client.ListConferencesAsync(new ListConferencesRequest());
        Assert.Equal(0, run.Exit);
        Assert.Equal(
            [
                "demo-2026 (new conference): sessions will create 3, will update 0, will cancel 0, untouched 0; speakers new 2, updated 0",
                "warnings (1): kept as published, listed by 'netconf clashes'",
                "sessions[2].speaker_ids (at 28:8): speaker 'ada-lovelace' is in 'opening' and 'panel' at once",
                "dry run: nothing was changed",
            ],
            run.Lines);
        Assert.DoesNotContain(conferences.Conferences, c => c.Id == DemoSchedule.ConferenceId);
    }

    [Fact]
    public async Task AnImportCreatesTheConferenceWithItsSessions()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await DemoSchedule.WriteAsync();

        var run = await Netconf.WriteAsync(server, "import", file, "--conference", DemoSchedule.ConferenceId);

        var sessions = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = DemoSchedule.ConferenceId });
        Assert.Equal(0, run.Exit);
        Assert.Equal("applied: demo-2026 is now at agenda version 2", run.Lines[^1]);
        Assert.Equal(["opening", "panel", "closing"], sessions.Sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task ImportingTheSameScheduleAgainHasNothingToApply()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);
        var file = await DemoSchedule.WriteAsync();

        var again = await Netconf.WriteAsync(server, "import", file, "--conference", DemoSchedule.ConferenceId);

        var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = DemoSchedule.ConferenceId });
        Assert.Equal(0, again.Exit);
        Assert.StartsWith("demo-2026: sessions will create 0, will update 0, will cancel 0, untouched 3;", again.Lines[0], StringComparison.Ordinal);
        Assert.Equal("nothing to apply: the agenda already matches", again.Lines[^1]);
        Assert.Equal(2, conference.AgendaVersion);
    }

    [Fact]
    public async Task ANewRoomAloneIsImported()
    {
        await using var server = await DemoSchedule.ImportedAsync(fixture);
        var file = await DemoSchedule.WriteAsync(DemoSchedule.Xml.Replace("</day>", "<room name=\"Foyer\"></room></day>", StringComparison.Ordinal));

        var run = await Netconf.WriteAsync(server, "import", file, "--conference", DemoSchedule.ConferenceId);

        var conference = await server.Client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = DemoSchedule.ConferenceId });
        Assert.Equal(0, run.Exit);
        Assert.Equal("applied: demo-2026 is now at agenda version 3", run.Lines[^1]);
        Assert.Equal(["saal-1", "saal-2", "foyer"], conference.Rooms.Select(r => r.Id));
    }

    [Fact]
    public async Task MalformedXmlIsAUsageErrorNamingLineAndColumn()
    {
        var file = await DemoSchedule.WriteAsync("<schedule>\n  <conference>\n    <title>T</titel>\n</schedule>");

        var run = await Netconf.WriteAsync(fixture.Server, "import", file, "--conference", "broken-2026");

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains("document at 3:15: The file is not well-formed XML", run.Error, StringComparison.Ordinal);
        Assert.Contains("schedule.xml cannot be imported: 1 problems (listed above); nothing was changed.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduleUrlThatDoesNotAnswerIsAUsageError()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}/schedule.xml";

        var run = await Netconf.WriteAsync(fixture.Server, "import", url, "--conference", "nowhere-2026");

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains($"{url} does not answer", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsAUsageError()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "huge.xml");
        await using (var sparse = File.Create(file))
        {
            sparse.SetLength(ScheduleSource.MaxBytes + 1);
        }

        try
        {
            var run = await Netconf.WriteAsync(fixture.Server, "import", file, "--conference", "huge-2026");

            Assert.Equal(NetconfCommand.Usage, run.Exit);
            Assert.Contains("huge.xml is 32 MiB; schedules of at most 32 MiB are read.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AnExportedAgendaImportsBackWithNothingToApply()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await ExportAsync(server);

        var run = await Netconf.WriteAsync(server, "import", file);

        Assert.Equal(0, run.Exit);
        Assert.Equal(
            ["netconf-2015: sessions will create 0, will update 0, will cancel 0, untouched 30; speakers new 0, updated 0", "nothing to apply: the agenda already matches"],
            run.Lines);
    }

    [Fact]
    public async Task AnEditedExportUpdatesTheEditedSessionOnly()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await ExportAsync(server);
        var json = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, json.Replace("\"title\": \"Inter FE action\"", "\"title\": \"Inter-FE actions\"", StringComparison.Ordinal));

        var run = await Netconf.WriteAsync(server, "import", file);

        var talk = await server.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "inter-fe-action" });
        Assert.Equal(0, run.Exit);
        Assert.Equal(
            [
                "netconf-2015: sessions will create 0, will update 1, will cancel 0, untouched 29; speakers new 0, updated 0",
                "updated: inter-fe-action",
                "inter-fe-action.title: 'Inter FE action' → 'Inter-FE actions'",
                "applied: netconf-2015 is now at agenda version 2",
            ],
            run.Lines);
        Assert.Equal("Inter-FE actions", talk.Title);
    }

    private static string ScheduleFile(string name) => Path.Combine(AppContext.BaseDirectory, "Schedules", name);

    [Fact]
    public async Task ADryRunShowsEachChangedFieldOldAndNew()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await ExportAsync(server);
        var json = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, json.Replace("\"start\": \"13:30\"", "\"start\": \"13:35\"", StringComparison.Ordinal).Replace("\"title\": \"Inter FE action\"", "\"title\": \"Inter-FE actions\"", StringComparison.Ordinal));

        var run = await Netconf.WriteAsync(server, "import", file, "--dry-run");

        Assert.Equal(0, run.Exit);
        Assert.Contains("inter-fe-action.title: 'Inter FE action' → 'Inter-FE actions'", run.Rows);
        Assert.Contains("inter-fe-action.start_time: '2015-02-13T18:30Z' → '2015-02-13T18:35Z'", run.Rows);
        Assert.Equal("dry run: nothing was changed", run.Lines[^1]);
    }

    [Fact]
    public async Task EveryWarningOfTheFileIsWrittenWhereAsked()
    {
        await using var server = await fixture.StartServerAsync();
        var warnings = Path.Combine(Path.GetTempPath(), $"warnings-{Guid.NewGuid():N}.txt");

        var run = await Netconf.WriteAsync(server, "import", ScheduleFile("36c3-merged.xml"), "--conference", "congress-36c3", "--time-zone", "Europe/Berlin", "--dry-run", "--warnings", warnings);

        var lines = await File.ReadAllLinesAsync(warnings);
        File.Delete(warnings);
        Assert.Equal(0, run.Exit);
        Assert.Contains($"{lines.Length} warnings written to {warnings}", run.Rows);
        Assert.True(lines.Length > 500, $"{lines.Length} warnings");
        Assert.Contains(lines, l => l.Contains("Person id", StringComparison.Ordinal) && l.Contains("kept as two people", StringComparison.Ordinal));
        Assert.DoesNotContain("the first:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionLeftOutOfTheFileIsCancelled()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await WithoutFirstSessionAsync(await ExportAsync(server));

        var run = await Netconf.WriteAsync(server, "import", file);

        var talk = await server.Client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "introduction" });
        Assert.Equal(0, run.Exit);
        Assert.Contains("cancelled: introduction", run.Rows);
        Assert.Equal(SessionStatus.Cancelled, talk.Status);
    }

    [Fact]
    public async Task KeepMissingLeavesASessionLeftOutOfTheFileAlone()
    {
        await using var server = await fixture.StartServerAsync();
        var file = await WithoutFirstSessionAsync(await ExportAsync(server));

        var run = await Netconf.WriteAsync(server, "import", file, "--keep-missing");

        Assert.Equal(0, run.Exit);
        Assert.StartsWith("netconf-2015: sessions will create 0, will update 0, will cancel 0, untouched 29;", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal("nothing to apply: the agenda already matches", run.Lines[^1]);
    }

    [Fact]
    public async Task AJsonFileThatIsNotAnAgendaIsAUsageError()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "nonsense.json");
        await File.WriteAllTextAsync(file, "{\"hello\": 1}");

        var run = await Netconf.WriteAsync(fixture.Server, "import", file);

        Assert.Equal(NetconfCommand.Usage, run.Exit);
        Assert.Contains("nonsense.json is not an agenda in the seed format", run.Error, StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync(ScheduleServer server)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "agenda.json");
        var export = await Netconf.RunAsync(server, "export", "--output", file);
        Assert.Equal(0, export.Exit);
        return file;
    }

    private static async Task<string> WithoutFirstSessionAsync(string file)
    {
        var agenda = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var sessions = agenda["sessions"]!.AsArray();
        Assert.Equal("introduction", (string?)sessions[0]!["id"]);
        sessions.RemoveAt(0);
        await File.WriteAllTextAsync(file, agenda.ToJsonString());
        return file;
    }
}
