using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetconfCloud.Feeds;

/// <summary>A personal agenda as JSON: its picks and every address it is reached at.</summary>
public static class PersonalAgendaDocuments
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Render(PersonalAgenda agenda, FeedOptions options)
    {
        var calendar = PersonalAgendaRoutes.CalendarUrl(options, agenda.ConferenceId, agenda.Id);
        return JsonSerializer.Serialize(
            new Document(
                agenda.Id,
                agenda.ConferenceId,
                agenda.SessionIds,
                PersonalAgendaRoutes.PageUrl(options, agenda.ConferenceId, agenda.Id),
                calendar,
                FeedUrls.Webcal(calendar),
                PersonalAgendaRoutes.QrUrl(options, agenda.ConferenceId, agenda.Id),
                agenda.CreateTime,
                agenda.UpdateTime,
                agenda.RevokeTime,
                agenda.ETag),
            Json);
    }

    /// <summary>The picks of a JSON request body: <c>{"sessionIds": ["a", "b"], "etag": "..."}</c>.</summary>
    /// <exception cref="JsonException">The body is not such a document.</exception>
    public static async Task<(IReadOnlyList<string> SessionIds, string ETag)> ReadPicksAsync(Stream body, CancellationToken cancellationToken)
    {
        var request = await JsonSerializer.DeserializeAsync<PicksRequest>(body, Json, cancellationToken)
            ?? throw new JsonException("The body is empty.");
        var picks = request.SessionIds ?? throw new JsonException("sessionIds is required.");
        return picks.Any(id => id is null) ? throw new JsonException("sessionIds must be strings.") : (picks, request.ETag ?? "");
    }

    private sealed record Document(
        string Id, string ConferenceId, IReadOnlyList<string> SessionIds, Uri Page, Uri Calendar, Uri Webcal, Uri Qr,
        DateTimeOffset CreateTime, DateTimeOffset UpdateTime, DateTimeOffset? RevokeTime, string Etag);

    private sealed record PicksRequest(IReadOnlyList<string>? SessionIds, string? ETag);
}
