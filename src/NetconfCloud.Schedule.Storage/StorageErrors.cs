using Azure;

namespace NetconfCloud.Schedule.Storage;

/// <summary>How a storage failure is told from an answer, for every store of this project.</summary>
internal static class StorageErrors
{
    /// <summary>No answer from storage: refused or reset connections, time-outs, and the SDK's retries of them.</summary>
    public static bool IsUnreachable(Exception ex) => ex switch
    {
        HttpRequestException or TimeoutException => true,
        RequestFailedException { Status: 0 or >= 500 } => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnreachable),
        _ => ex.InnerException is { } inner && IsUnreachable(inner),
    };
}
