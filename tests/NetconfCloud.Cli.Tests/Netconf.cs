using NetconfCloud.Testing;

namespace NetconfCloud.Cli.Tests;

/// <summary>What a run of <c>netconf</c> gave: its exit code and what it wrote.</summary>
public sealed record NetconfRun(int Exit, string Output, string Error)
{
    public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The lines with the padding of columns squeezed to single spaces, e.g. "saal-1 Saal 1 2 sessions".</summary>
    public string[] Rows => [.. Lines.Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))];
}

/// <summary>Runs <c>netconf</c> in process against a real schedule service, as an organiser would from a shell.</summary>
internal static class Netconf
{
    /// <summary>A token with the write permission, as 'netconf token' mints it; the change log names "Ada".</summary>
    public static readonly string Token = DevelopmentTokens.Mint("Ada", canWrite: true, TimeSpan.FromHours(1));

    public static async Task<NetconfRun> RunAsync(ScheduleServer server, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await NetconfCommand.RunAsync([.. args, "--address", server.Address.ToString()], output, error);
        return new NetconfRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>A command that changes the agenda, with <see cref="Token"/>.</summary>
    public static Task<NetconfRun> WriteAsync(ScheduleServer server, params string[] args) => RunAsync(server, [.. args, "--token", Token]);
}

/// <summary>
/// A small frab schedule.xml, as pretalx publishes it: demo-2026 in Brussels on one day, two rooms, a track, three
/// events. Ada Lovelace opens in Saal 1 at 10:00 and is on the panel in Saal 2 at 10:30: one speaker clash.
/// </summary>
internal static class DemoSchedule
{
    public const string ConferenceId = "demo-2026";

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule>
          <version>1.0</version>
          <conference>
            <acronym>demo-2026</acronym>
            <title>Demo Days 2026</title>
            <start>2026-01-31</start>
            <end>2026-01-31</end>
            <time_zone_name>Europe/Brussels</time_zone_name>
          </conference>
          <tracks><track slug="kernel" color="#1f77b4">Kernel</track></tracks>
          <day index="1" date="2026-01-31">
            <room name="Saal 1">
              <event guid="6f1c2a4e-1d2b-4c3d-8e4f-5a6b7c8d9e01" id="101">
                <date>2026-01-31T10:00:00+01:00</date><start>10:00</start><duration>01:00</duration><room>Saal 1</room>
                <title>Opening</title><subtitle>Why we are here</subtitle><track>Kernel</track><language>en</language><type>talk</type>
                <persons><person id="1">Ada Lovelace</person></persons>
                <url>https://demo.example.org/2026/talks/opening</url>
                <links><link href="https://example.org/opening.pdf">Slides</link></links>
              </event>
              <event guid="6f1c2a4e-1d2b-4c3d-8e4f-5a6b7c8d9e03" id="103">
                <date>2026-01-31T12:00:00+01:00</date><start>12:00</start><duration>00:30</duration><room>Saal 1</room>
                <title>Closing</title><type>talk</type>
                <persons><person id="2">Grace Hopper</person></persons>
              </event>
            </room>
            <room name="Saal 2">
              <event guid="6f1c2a4e-1d2b-4c3d-8e4f-5a6b7c8d9e02" id="102">
                <date>2026-01-31T10:30:00+01:00</date><start>10:30</start><duration>01:00</duration><room>Saal 2</room>
                <title>Panel</title><type>talk</type>
                <persons><person id="1">Ada Lovelace</person></persons>
              </event>
            </room>
          </day>
        </schedule>
        """;

    /// <summary>The schedule written to a file of its own.</summary>
    public static async Task<string> WriteAsync(string content = Xml)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "schedule.xml");
        await File.WriteAllTextAsync(file, content);
        return file;
    }

    /// <summary>A service of its own with demo-2026 imported.</summary>
    public static async Task<ScheduleServer> ImportedAsync(ScheduleFixture fixture)
    {
        var server = await fixture.StartServerAsync();
        var import = await Netconf.WriteAsync(server, "import", await WriteAsync(), "--conference", ConferenceId);
        Assert.True(import.Exit == 0, import.Error);
        return server;
    }
}
