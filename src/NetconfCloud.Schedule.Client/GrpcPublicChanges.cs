using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule.Wire;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Client;

/// <summary>The public change log read over gRPC (ListPublicChanges, no token). Failures but "no such conference" are <see cref="AgendaSourceUnavailableException"/>.</summary>
internal sealed class GrpcPublicChanges(GrpcClientFactory clients, IOptions<ScheduleClientOptions> options, TimeProvider time) : IPublicChangeSource
{
    public async Task<PublicChangePage?> ListAsync(string conferenceId, PublicChangeQuery query, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient<Proto.ScheduleService.ScheduleServiceClient>(nameof(Proto.ScheduleService.ScheduleServiceClient));
        var request = new Proto.ListPublicChangesRequest
        {
            ConferenceId = conferenceId,
            PageSize = query.PageSize,
            PageToken = PublicChangeMapping.PageToken(query.OlderThan),
            AfterVersion = query.AfterVersion,
            SessionsPerVersion = query.SessionsPerVersion,
            SessionIds = { query.SessionIds },
        };
        try
        {
            var reply = await client.ListPublicChangesAsync(
                request, new CallOptions(deadline: time.GetUtcNow().UtcDateTime.AddSeconds(options.Value.DeadlineSeconds), cancellationToken: cancellationToken));
            return PublicChangeMapping.ToDomain(reply);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new AgendaSourceUnavailableException($"The schedule service answered {e.StatusCode}: {e.Status.Detail}", e);
        }
        catch (InvalidDataException e)
        {
            throw new AgendaSourceUnavailableException($"The schedule service sent changes that cannot be read: {e.Message}", e);
        }
    }
}
