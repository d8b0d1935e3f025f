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
}
