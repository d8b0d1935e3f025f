using System.Text;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Import;
using NetconfCloud.Schedule.Wire;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>The real published schedules in the test output, and how a client imports one through the real RPC.</summary>
internal static class ScheduleFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Schedules", name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Reads a schedule as the CLI does and imports it; the reader's and mapper's problems must hold no error.</summary>
    public static Task<ImportAgendaResponse> ImportAsync(
        Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client, string conferenceId, string text, string sourceName, ImportOptions? options = null)
    {
        var read = ScheduleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.DoesNotContain(read.Problems, p => p.Severity == ProblemSeverity.Error);
        var (incoming, problems) = ScheduleMapping.ToIncoming(read.Document!, conferenceId, sourceName);
        Assert.DoesNotContain(problems, p => p.Severity == ProblemSeverity.Error);
        return ImportAsync(client, conferenceId, incoming, options ?? new ImportOptions());
    }

    public static Task<ImportAgendaResponse> ImportAsync(
        Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client, string conferenceId, IncomingAgenda incoming, ImportOptions options) =>
        client.ImportAgendaAsync(conferenceId, incoming, options, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(5)));

    public static async Task<AgendaSnapshot> ReadAsync(Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client, string conferenceId)
    {
        using var call = client.ReadAgenda(new ReadAgendaRequest { ConferenceId = conferenceId });
        return (await AgendaChunks.AssembleAsync(call.ResponseStream.ReadAllAsync(), CancellationToken.None))!;
    }
}
