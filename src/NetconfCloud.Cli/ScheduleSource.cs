using System.Net;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Seed;

namespace NetconfCloud.Cli;

/// <summary>Where an import comes from: a file or an http(s) URL, in one of the formats we read, within the size limit.</summary>
internal static class ScheduleSource
{
    /// <summary>The largest schedule read: FOSDEM's ~900 events are ~2 MiB, a four-day congress ~6 MiB.</summary>
    public const long MaxBytes = ScheduleReadOptions.DefaultMaxBytes;

    public static async Task<byte[]> ReadAsync(string source, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return await DownloadAsync(url, cancellationToken);
        }

        var file = new FileInfo(source);
        if (!file.Exists)
        {
            throw new CommandLineException($"{source}: no such file.");
        }

        if (file.Length > MaxBytes)
        {
            throw new CommandLineException($"{source} is {file.Length / (1024 * 1024)} MiB; schedules of at most {MaxBytes / (1024 * 1024)} MiB are read.");
        }

        return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
    }

    private static async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = MaxBytes };
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new CommandLineException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw new CommandLineException($"{url} is larger than {MaxBytes / (1024 * 1024)} MiB.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new CommandLineException($"{url} is larger than {MaxBytes / (1024 * 1024)} MiB.");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CommandLineException($"{url} does not answer: {e.Message}");
        }
    }

    /// <summary>The schedule as an agenda to import; problems that stop it are printed and end the command.</summary>
    /// <remarks>With <paramref name="listAll"/>, the warnings are returned, each as a line, to be written in full.</remarks>
    public static async Task<(IncomingAgenda Agenda, IReadOnlyList<string> Warnings)> ParseAsync(
        byte[] bytes, string source, string? format, string? zone, string conferenceId, TextWriter error, bool listAll = false)
    {
        var name = Path.GetFileName(source.TrimEnd('/')) is { Length: > 0 } file ? file : source;
        format ??= Sniff(bytes);
        if (format == "seed")
        {
            try
            {
                var agenda = AgendaSeed.Load(new MemoryStream(bytes), DateTimeOffset.UtcNow);
                return (IncomingAgenda.From(agenda with { Conference = agenda.Conference with { Id = conferenceId } }, name), []);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or AgendaException)
            {
                throw new CommandLineException($"{name} is not an agenda in the seed format: {e.Message}");
            }
        }

        var read = ScheduleReader.Read(
            new MemoryStream(bytes),
            format switch { "frab" => ScheduleFormat.FrabXml, "c3voc" => ScheduleFormat.C3vocJson, _ => null },
            new ScheduleReadOptions { TimeZone = zone, MaxBytes = MaxBytes });
        var problems = read.Problems.ToList();
        IncomingAgenda? incoming = null;
        if (read.Document is { } document)
        {
            var (mapped, mapping) = ScheduleMapping.ToIncoming(document, conferenceId, name);
            problems.AddRange(mapping);
            incoming = mapped;
        }

        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToArray();
        foreach (var problem in errors)
        {
            await error.WriteLineAsync($"  {problem.Path} at {problem.Location?.ToString() ?? "-"}: {problem.Message}");
        }

        if (errors.Length > 0 || incoming is null)
        {
            throw new CommandLineException($"{name} cannot be imported: {errors.Length} problems (listed above); nothing was changed.");
        }

        var warnings = problems.Where(p => p.Severity == ProblemSeverity.Warning).ToArray();
        if (warnings.Length > 0 && !listAll)
        {
            await error.WriteLineAsync($"{name}: read with {warnings.Length} warnings (duplicates, adjusted texts); the first: {warnings[0]}; --warnings FILE writes them all");
        }

        return (incoming, [.. warnings.Select(p => p.ToString())]);
    }

    /// <summary>XML is frab; JSON with a top-level "schedule" is c3voc; other JSON is the seed format.</summary>
    private static string Sniff(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') ? "frab" : text.Contains("\"schedule\"", StringComparison.Ordinal) ? "c3voc" : "seed";
    }
}
