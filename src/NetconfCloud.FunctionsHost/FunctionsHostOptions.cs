using System.ComponentModel.DataAnnotations;

namespace NetconfCloud.FunctionsHost;

/// <summary>How the local host runs a Functions app. Bound from the "FunctionsHost" section (and command line).</summary>
public sealed class FunctionsHostOptions
{
    public const string SectionName = "FunctionsHost";

    /// <summary>The built Functions app: the folder with functions.metadata, host.json and worker.config.json.</summary>
    [Required]
    public string AppDirectory { get; set; } = "";

    /// <summary>Where HTTP triggers are served (the Functions default, 7071). 0 picks a free port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 7071;

    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>App settings for the worker, on top of local.settings.json's Values; they reach it as environment variables.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    [Range(1, 600)]
    public int StartTimeoutSeconds { get; set; } = 60;

    /// <summary>How long an HTTP invocation may take (the Functions HTTP limit is 230 s).</summary>
    [Range(1, 3600)]
    public int InvocationTimeoutSeconds { get; set; } = 230;

    [Range(1, 60)]
    public int ShutdownGraceSeconds { get; set; } = 5;

    /// <summary>A worker that dies is restarted (with a growing pause) up to this many times within <see cref="RestartWindowSeconds"/>; one more death stops the host with exit code 1.</summary>
    [Range(0, 100)]
    public int MaxRestarts { get; set; } = 5;

    [Range(1, 3600)]
    public int RestartWindowSeconds { get; set; } = 60;
}
