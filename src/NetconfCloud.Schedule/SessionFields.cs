using System.Reflection;
using System.Text;

namespace NetconfCloud.Schedule;

/// <summary>
/// The one table of a session's fields, read off <see cref="SessionContent"/>: each field's name on the wire and in
/// an update mask (<c>title</c>, <c>speaker_ids</c>, <c>start_time</c>), whether a writer may change it, how two
/// contents are told apart on it and how a patch copies it. A field added to the content is in this table.
/// </summary>
public static class SessionFields
{
    /// <summary>The fields whose wire name is not their name in snake case.</summary>
    private static readonly Dictionary<string, string> WireNames = new(StringComparer.Ordinal)
    {
        [nameof(SessionContent.Speakers)] = "speaker_ids",
        [nameof(SessionContent.Start)] = "start_time",
        [nameof(SessionContent.End)] = "end_time",
    };

    /// <summary>Fields that come from the source schedule and identify the session in it: an import sets them, a writer does not.</summary>
    private static readonly HashSet<string> SetByImportOnly = new(StringComparer.Ordinal) { nameof(SessionContent.SourceGuid) };

    public sealed record Field(string Path, PropertyInfo Property, bool Editable)
    {
        public object? ValueOf(SessionContent content) => Property.GetValue(content);

        public bool Differs(SessionContent a, SessionContent b) => !Equals(ValueOf(a), ValueOf(b));
    }

    /// <summary>Every field of the content, in declaration order.</summary>
    public static IReadOnlyList<Field> All { get; } =
    [
        .. typeof(SessionContent).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == typeof(SessionContent) && p.SetMethod is not null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => new Field(WireNames.GetValueOrDefault(p.Name) ?? SnakeCase(p.Name), p, !SetByImportOnly.Contains(p.Name))),
    ];

    /// <summary>The fields a writer may change, by their update-mask paths.</summary>
    public static IReadOnlyList<Field> Editable { get; } = [.. All.Where(f => f.Editable)];

    private static readonly Dictionary<string, Field> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);

    public static Field Named(string path) => ByPath[path];

    public static bool TryFind(string path, out Field field) => ByPath.TryGetValue(path, out field!);

    /// <summary>The wire name of a content property, e.g. <c>start_time</c> for <c>Start</c>.</summary>
    public static string PathOf(string propertyName) => All.First(f => f.Property.Name == propertyName).Path;

    /// <summary>The paths of the editable fields in which <paramref name="wanted"/> differs from <paramref name="current"/>.</summary>
    public static IReadOnlyList<string> Differences(SessionContent current, SessionContent wanted) =>
        [.. Editable.Where(f => f.Differs(current, wanted)).Select(f => f.Path)];

    /// <summary><paramref name="target"/> with the named fields as <paramref name="source"/> has them.</summary>
    public static T CopyFields<T>(T target, SessionContent source, IEnumerable<string> paths)
        where T : SessionContent
    {
        var copy = target with { };
        foreach (var path in paths)
        {
            var field = Named(path);
            field.Property.SetValue(copy, field.ValueOf(source));
        }

        return copy;
    }

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
