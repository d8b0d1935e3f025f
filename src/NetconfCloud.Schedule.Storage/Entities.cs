using Azure;
using Azure.Data.Tables;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// One table, one partition per conference (PartitionKey = conference id), so that a session and the agenda
/// version change together in one entity-group transaction. Row keys:
/// <c>conference</c>, <c>session:{id}</c>, <c>speaker:{id}</c>, <c>sponsor:{order:D3}</c>, <c>change:{version:D12}</c>,
/// <c>request:{uuid}</c>, and <c>stage:{edit}:{row key}</c> for the rows of an edit too large for one transaction
/// (see <see cref="TableAgendaStore"/>).
/// </summary>
internal static class RowKeys
{
    public const string Conference = "conference";
    public const string SessionPrefix = "session:";
    public const string SpeakerPrefix = "speaker:";
    public const string SponsorPrefix = "sponsor:";
    public const string ChangePrefix = "change:";
    public const string RequestPrefix = "request:";
    public const string StagePrefix = "stage:";

    /// <summary>Just after every change row key (';' follows ':').</summary>
    public const string ChangeEnd = "change;";

    public static string Session(string id) => SessionPrefix + id;

    public static string Speaker(string id) => SpeakerPrefix + id;

    public static string Sponsor(int order) => SponsorPrefix + order.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    public static string Request(string requestId) => RequestPrefix + requestId;

    public static string Stage(string editId, string rowKey) => $"{StagePrefix}{editId}:{rowKey}";

    public static string StageOf(string editId) => $"{StagePrefix}{editId}:";

    public static string Change(long version) => ChangePrefix + version.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
}

internal abstract class AgendaEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
}

internal sealed class ConferenceEntity : AgendaEntity
{
    public string Name { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Subtitle { get; set; } = "";
    public string Description { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string City { get; set; } = "";
    public string Country { get; set; } = "";
    public string Venue { get; set; } = "";
    public string AgendaStatus { get; set; } = "";
    public string DaysJson { get; set; } = "[]";
    public string CommitteeJson { get; set; } = "[]";
    public string CoLocatedEventJson { get; set; } = "";
    public string Url { get; set; } = "";
    public string RoomsJson { get; set; } = "[]";
    public string TracksJson { get; set; } = "[]";

    /// <summary>"HH:mm"; empty (rows written before it existed too) is midnight.</summary>
    public string DayChange { get; set; } = "";
    public long AgendaVersion { get; set; }
    public DateTimeOffset AgendaUpdateTime { get; set; }

    /// <summary>The id of a committed edit whose staged rows are not all in place yet; empty when none.</summary>
    public string PendingEdit { get; set; } = "";
}

/// <summary>
/// The columns of a session row. A row holds the session's version columns and its content in the content's one
/// serialised form (<see cref="SessionContentJson"/>), split over <see cref="Content"/>, <c>Content2</c>, … when it is
/// longer than one column holds. Rows written before that (no <see cref="Schema"/>) hold one column per field; they
/// are read by <see cref="EntityMapping"/> and rewritten in the new form by the next write.
/// </summary>
internal static class SessionColumns
{
    public const string Schema = "Schema";
    public const string Content = "Content";
    public const string Sequence = "Sequence";
    public const string UpdateTime = "UpdateTime";

    /// <summary>The form written now: the content as JSON.</summary>
    public const int ContentJson = 2;
}

internal sealed class SpeakerEntity : AgendaEntity
{
    public string Name { get; set; } = "";
    public string AlsoKnownAsJson { get; set; } = "[]";
    public string Bio { get; set; } = "";
    public string LinksJson { get; set; } = "[]";
    public string SourceId { get; set; } = "";
}

internal sealed class SponsorEntity : AgendaEntity
{
    public string SponsorId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Tagline { get; set; } = "";
    public int Order { get; set; }
    public string Tier { get; set; } = "";
    public string Url { get; set; } = "";
}

/// <summary>A create that named a request id (AIP-155), and the session it made.</summary>
internal sealed class RequestEntity : AgendaEntity
{
    public string SessionId { get; set; } = "";
    public DateTimeOffset Time { get; set; }
}

/// <summary>The columns of a change row; the session as it stood after the change is a long column (<see cref="LongColumn"/>).</summary>
internal static class ChangeColumns
{
    public const string AgendaVersion = "AgendaVersion";
    public const string Kind = "Kind";
    public const string SessionId = "SessionId";
    public const string Subject = "Subject";
    public const string Summary = "Summary";
    public const string Actor = "Actor";
    public const string Time = "Time";

    /// <summary>The shape of the session column (<see cref="ChangeLogShapes"/>); absent on the first shape's rows.</summary>
    public const string Schema = "Schema";
    public const string SessionJson = "SessionJson";

    /// <summary>What attendees may learn of the change (<see cref="PublicUpdateShapes"/>); absent on rows written before it was kept.</summary>
    public const string PublicJson = "PublicJson";
}

/// <summary>
/// Text longer than one column holds (a string property is at most 64 KiB, 32,767 UTF-16 characters) split over
/// <c>Name</c>, <c>Name2</c>, <c>Name3</c>, …; read back by joining them.
/// </summary>
internal static class LongColumn
{
    public const int MaxChars = 30_000;

    public static void Write(TableEntity row, string name, string text)
    {
        var at = 0;
        var part = 1;
        do
        {
            var end = Math.Min(text.Length, at + MaxChars);
            // Never split a surrogate pair between two columns.
            if (end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            row[ColumnName(name, part++)] = text[at..end];
            at = end;
        }
        while (at < text.Length);
    }

    public static string Read(TableEntity row, string name)
    {
        var first = row.GetString(name) ?? "";
        if (!row.ContainsKey(ColumnName(name, 2)))
        {
            return first;
        }

        var text = new System.Text.StringBuilder(first);
        for (var part = 2; row.GetString(ColumnName(name, part)) is { } more; part++)
        {
            text.Append(more);
        }

        return text.ToString();
    }

    private static string ColumnName(string name, int part) => part == 1 ? name : name + part.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
