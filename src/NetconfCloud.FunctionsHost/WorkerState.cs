namespace NetconfCloud.FunctionsHost;

/// <summary>Where the worker stands: starting, serving (at its HTTP address), or gone.</summary>
internal sealed class WorkerState
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri? WorkerHttpUri { get; set; }

    /// <summary>Completes when every HTTP function is loaded and routed; faults if the worker cannot start.</summary>
    public Task Ready => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    public string? Failure { get; private set; }

    public void SetReady() => ready.TrySetResult();

    public void SetFailed(string reason)
    {
        Failure ??= reason;
        ready.TrySetException(new WorkerUnavailableException(reason));
    }
}
