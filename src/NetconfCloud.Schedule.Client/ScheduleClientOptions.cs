using System.ComponentModel.DataAnnotations;

namespace NetconfCloud.Schedule.Client;

public sealed class ScheduleClientOptions
{
    public const string SectionName = "ScheduleService";

    /// <summary>The schedule service's gRPC address.</summary>
    [Required]
    public Uri Address { get; set; } = new("http://127.0.0.1:5100");

    /// <summary>Deadline of every call to the service.</summary>
    [Range(1, 120)]
    public int DeadlineSeconds { get; set; } = 5;

    /// <summary>
    /// For this long after asking whether the agenda changed, the feeds take the answer as still true: under load,
    /// one small call per conference per interval instead of one per request. 0 asks on every request. Half a second:
    /// the service replica asked revalidates against storage at most once a second, so a change written through any
    /// replica reaches every feeds instance within 1.5 s and the time of the calls, inside the 2 s we promise.
    /// </summary>
    [Range(0, 60_000)]
    public int RevalidateMilliseconds { get; set; } = 500;
}
