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
    public long AgendaVersion { get; set; }
    public DateTimeOffset AgendaUpdateTime { get; set; }

    /// <summary>The id of a committed edit whose staged rows are not all in place yet; empty when none.</summary>
    public string PendingEdit { get; set; } = "";
}

internal sealed class SessionEntity : AgendaEntity
{
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Abstract { get; set; } = "";
    public string Notes { get; set; } = "";
    public string SpeakersJson { get; set; } = "[]";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public int SlideCount { get; set; }
    public string Status { get; set; } = "";
    public long Sequence { get; set; }
    public DateTimeOffset UpdateTime { get; set; }
    public string Subtitle { get; set; } = "";
    public string Language { get; set; } = "";
    public string LinksJson { get; set; } = "[]";
    public string RoomId { get; set; } = "";
    public string TrackId { get; set; } = "";
    public string SourceGuid { get; set; } = "";
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

internal sealed class ChangeEntity : AgendaEntity
{
    public long AgendaVersion { get; set; }
    public string Kind { get; set; } = "";
    public string SessionId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset Time { get; set; }

    /// <summary>The shape of <see cref="SessionJson"/> (<see cref="ChangeLogShapes"/>); absent on the first shape's rows.</summary>
    public int? Schema { get; set; }
    public string SessionJson { get; set; } = "";
}
