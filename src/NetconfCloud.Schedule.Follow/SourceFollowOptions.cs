using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetconfCloud.Schedule.Follow;

/// <summary>How followed sources are fetched (section <c>Follow</c>). Checked at start.</summary>
public sealed class SourceFollowOptions
{
    public const string SectionName = "Follow";

    /// <summary>Fetch followed sources in this replica (every replica may; one fetches each source per interval).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The interval when a follow names none.</summary>
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest interval a follow may ask for: 1 minute; shorter only in Development and tests.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a replica looks for a source that is due.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a replica holds a source once it takes it; another replica takes over after it (a replica that died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The whole fetch, redirects included, must be done within this.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest schedule fetched, counted on the bytes read: 32 MiB, what the import reads.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = Import.ScheduleReadOptions.DefaultMaxBytes;

    /// <summary>
    /// Development and tests only: allow http sources and loopback addresses (a schedule served on 127.0.0.1). Private,
    /// link-local and the other refused ranges stay refused.
    /// </summary>
    public bool AllowHttpAndLoopback { get; set; }
}

/// <summary>What cannot be checked by attributes: the ranges, and what only Development (and tests) may have.</summary>
internal sealed class SourceFollowOptionsValidator(IHostEnvironment environment) : IValidateOptions<SourceFollowOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceFollowOptions options)
    {
        var failures = new List<string>();
        var development = environment.IsDevelopment() || environment.IsEnvironment("Testing");
        if (options.AllowHttpAndLoopback && !development)
        {
            failures.Add("Follow:AllowHttpAndLoopback is for Development only: elsewhere sources are https to public addresses.");
        }

        if (options.MinimumInterval < TimeSpan.FromMinutes(1) && !development)
        {
            failures.Add("Follow:MinimumInterval must be at least 00:01:00 outside Development.");
        }

        if (options.MinimumInterval <= TimeSpan.Zero || options.CheckEvery <= TimeSpan.Zero || options.FetchTimeout <= TimeSpan.Zero)
        {
            failures.Add("Follow:MinimumInterval, Follow:CheckEvery and Follow:FetchTimeout must be positive.");
        }

        if (options.DefaultInterval < options.MinimumInterval)
        {
            failures.Add("Follow:DefaultInterval must be at least Follow:MinimumInterval.");
        }

        if (options.Lease <= options.FetchTimeout)
        {
            failures.Add("Follow:Lease must be longer than Follow:FetchTimeout, so that a fetch ends while its replica holds the source.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
