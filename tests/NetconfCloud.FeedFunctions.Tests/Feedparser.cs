using System.Diagnostics;
using System.Text.Json;

namespace NetconfCloud.FeedFunctions.Tests;

/// <summary>
/// Python's feedparser (Debian python3-feedparser), a feed parser we did not write, reading a feed from stdin and
/// answering what it understood as JSON. ./test installs it and sets <see cref="RequiredVariable"/>, so that a missing
/// parser fails the tests there instead of skipping them.
/// </summary>
internal static class Feedparser
{
    public const string RequiredVariable = "NETCONF_REQUIRE_FEEDPARSER";

    private const string Script = """
        import json, sys, feedparser
        d = feedparser.parse(sys.stdin.buffer.read())
        def links(x): return [{"rel": l.get("rel", ""), "type": l.get("type", ""), "href": l.get("href", "")} for l in x.get("links", [])]
        print(json.dumps({
            "bozo": bool(d.bozo), "problem": str(d.get("bozo_exception", "")), "version": d.version,
            "feed": {"id": d.feed.get("id", ""), "title": d.feed.get("title", ""), "updated": d.feed.get("updated", ""),
                     "author": d.feed.get("author", ""), "links": links(d.feed)},
            "entries": [{"id": e.get("id", ""), "title": e.get("title", ""), "updated": e.get("updated", ""),
                         "link": e.get("link", ""), "content": (e.get("content") or [{"value": ""}])[0]["value"],
                         "updated_parsed": list(e.updated_parsed[:6]) if e.get("updated_parsed") else []} for e in d.entries]}))
        """;

    /// <summary>The Python that has feedparser: the one on the PATH, else Debian's (a pyenv Python has not got it).</summary>
    private static readonly Lazy<string?> Python = new(() => new[] { "python3", "/usr/bin/python3" }.FirstOrDefault(Imports));

    /// <summary>Why feedparser cannot run here, or null when it can.</summary>
    public static string? Missing() => Python.Value is null ? "no python3 here has the feedparser module (apt-get install python3-feedparser)" : null;

    private static bool Imports(string python)
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(python, ["-c", "import feedparser"]) { RedirectStandardError = true })!;
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public static void SkipUnlessAvailable()
    {
        var missing = Missing();
        Skip.If(missing is not null && Environment.GetEnvironmentVariable(RequiredVariable) != "1", $"feedparser cannot run here: {missing}.");
    }

    public static async Task<JsonElement> ParseAsync(byte[] feed)
    {
        using var python = Process.Start(new ProcessStartInfo(Python.Value ?? "python3", ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await python.StandardInput.BaseStream.WriteAsync(feed);
        python.StandardInput.Close();
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"feedparser failed: {await errors}");
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
