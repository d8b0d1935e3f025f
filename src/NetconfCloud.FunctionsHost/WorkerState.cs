namespace NetconfCloud.FunctionsHost;

/// <summary>Where the worker stands: starting, serving (at its HTTP address), or gone.</summary>
internal sealed class WorkerState
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri? WorkerHttpUri { get; set; }

    /// <summary>Completes when every HTTP function is loaded and routed; faults if the worker cannot start.</summary>
    public Task Ready => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    /// <summary>A worker is up and serves requests now (false while one is restarted).</summary>
    public bool IsServing => serving && Failure is null;

    private volatile bool serving;

    /// <summary>The worker went away and another is being started: requests get 503 meanwhile.</summary>
    public void SetRestarting() => serving = false;

    public string? Failure { get; private set; }

    public void SetReady()
    {
        serving = true;
        ready.TrySetResult();
    }

    public void SetFailed(string reason)
    {
        Failure ??= reason;
        serving = false;
        ready.TrySetException(new WorkerUnavailableException(reason));
    }
}
