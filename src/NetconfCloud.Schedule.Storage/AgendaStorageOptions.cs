using System.ComponentModel.DataAnnotations;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// Where the agenda table lives. Locally a connection string (Azurite); in Azure the table endpoint and a managed
/// identity (<c>Storage__TableServiceUri</c>), with no keys.
/// </summary>
public sealed class AgendaStorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:TableName must be 3–63 letters and digits, starting with a letter.")]
    public string TableName { get; set; } = "Agenda";

    /// <summary>The table of attendees' personal agendas (their picks, keyed by a hash of each agenda's id).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$", ErrorMessage = "Storage:PersonalAgendaTableName must be 3–63 letters and digits, starting with a letter.")]
    public string PersonalAgendaTableName { get; set; } = "PersonalAgendas";

    /// <summary>
    /// Seconds one try of a storage call may take (the SDK's network time-out) before it is given up. 2 s: a table
    /// operation normally answers in milliseconds, and a hung storage must be answered as UNAVAILABLE well within the
    /// feeds' 5 s deadline (<c>ScheduleService:DeadlineSeconds</c>): a read that hangs is given up after
    /// (1 + <see cref="ReadRetries"/>) × 2 s + 0.1 s back-off ≈ 4.1 s, a write (never retried) after 2 s.
    /// </summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 2;

    /// <summary>Times the SDK tries a read again after a time-out, refused connection or server error. Writes are never retried.</summary>
    [Range(0, 5)]
    public int ReadRetries { get; set; } = 1;

    /// <summary>Seed the Netconf 2015 agenda at start when the conference is not in storage yet.</summary>
    public bool Seed { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == (TableServiceUri is null))
        {
            yield return new ValidationResult(
                "Set exactly one of Storage:ConnectionString (Azurite, keys) or Storage:TableServiceUri (Azure, managed identity).",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
        }

        if (TableName?.Length > 63 - "Follows".Length)
        {
            yield return new ValidationResult("Storage:TableName must be at most 56 characters: followed sources are kept in TableName + \"Follows\".", [nameof(TableName)]);
        }
    }
}
