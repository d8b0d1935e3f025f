using System.Net.Sockets;
using Azure;

namespace NetconfCloud.Schedule.Storage;

/// <summary>How a storage failure is told from an answer, for every store of this project.</summary>
internal static class StorageErrors
{
    /// <summary>
    /// No answer from storage: refused or reset connections, time-outs (the SDK's network time-out is a
    /// <see cref="TaskCanceledException"/> the caller did not ask for), server errors, and the SDK's retries of them
    /// (an <see cref="AggregateException"/>). A cancellation the caller asked for is not one of them.
    /// </summary>
    public static bool IsUnreachable(Exception ex, CancellationToken callerToken) => ex switch
    {
        HttpRequestException or TimeoutException or SocketException or IOException => true,
        RequestFailedException { Status: 0 or 408 or >= 500 } => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsUnreachable(inner, callerToken)),
        _ => ex.InnerException is { } inner && IsUnreachable(inner, callerToken),
    };
}
