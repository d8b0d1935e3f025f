using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetconfCloud.Schedule;

/// <summary>
/// The one serialised form of a <see cref="SessionContent"/>: JSON with camel-case names, enums by name, text as
/// written (not \u-escaped), empty and default fields left out. Storage rows, change-log entries and the seed format
/// hold it, so a field added to the content is kept by all three. Absent fields read as their defaults, so rows
/// written before a field existed still read.
/// </summary>
public static class SessionContentJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { OnlyContentFields, LeaveOutEmptyLists },
        },
    };

    public static string Serialize(SessionContent content) => JsonSerializer.Serialize(content.Content, Options);

    public static JsonElement ToElement(SessionContent content) => JsonSerializer.SerializeToElement(content.Content, Options);

    public static SessionContent Deserialize(string json) =>
        JsonSerializer.Deserialize<SessionContent>(json, Options) ?? throw new InvalidDataException("A session's content is empty.");

    public static SessionContent Deserialize(JsonElement json) =>
        json.Deserialize<SessionContent>(Options) ?? throw new InvalidDataException("A session's content is empty.");

    /// <summary>Only the content's own fields: what is computed from them (<see cref="SessionContent.SpeakerNames"/>) is not written.</summary>
    private static void OnlyContentFields(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        if (info.Type != typeof(SessionContent))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Set is null).ToArray())
        {
            info.Properties.Remove(property);
        }
    }

    private static void LeaveOutEmptyLists(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        foreach (var property in info.Properties.Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
        {
            property.ShouldSerialize = (_, value) => value is System.Collections.IEnumerable items && items.GetEnumerator().MoveNext();
        }
    }
}
