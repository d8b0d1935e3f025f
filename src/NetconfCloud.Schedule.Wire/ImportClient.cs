using Grpc.Core;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>The client side of <c>ImportAgenda</c>: an agenda sent as the stream of messages <see cref="ImportMapping.Split"/> makes.</summary>
public static class ImportClient
{
    public static Task<Proto.ImportAgendaResponse> ImportAgendaAsync(
        this Proto.ScheduleService.ScheduleServiceClient client, string conferenceId, IncomingAgenda agenda, ImportOptions options, CallOptions call = default) =>
        client.ImportAgendaAsync(ImportMapping.Split(ImportMapping.ToWire(conferenceId, agenda, options)), call);

    /// <summary>Sends messages already split (e.g. to count their size first) as one import.</summary>
    public static async Task<Proto.ImportAgendaResponse> ImportAgendaAsync(
        this Proto.ScheduleService.ScheduleServiceClient client, IEnumerable<Proto.ImportAgendaRequest> parts, CallOptions call = default)
    {
        using var stream = client.ImportAgenda(call);
        foreach (var part in parts)
        {
            await stream.RequestStream.WriteAsync(part, call.CancellationToken);
        }

        await stream.RequestStream.CompleteAsync();
        return await stream.ResponseAsync;
    }
}
