namespace NetconfCloud.Schedule.Import;

/// <summary>
/// Where something is in the file that was read: a 1-based line and column for XML (and for JSON that does not
/// parse), or a JSON Pointer (RFC 6901) such as <c>/schedule/conference/days/1/rooms/Saal 1/3</c>.
/// </summary>
public sealed record SourceLocation
{
    private SourceLocation(int? line, int? column, string? jsonPointer)
    {
        Line = line;
        Column = column;
        JsonPointer = jsonPointer;
    }

    public int? Line { get; }

    public int? Column { get; }

    public string? JsonPointer { get; }

    public static SourceLocation At(int line, int column) => new(line, column, null);

    public static SourceLocation AtPointer(string jsonPointer) => new(null, null, jsonPointer);

    /// <summary>One reference token of a JSON Pointer: '~' becomes "~0" and '/' becomes "~1" (RFC 6901 §3).</summary>
    public static string EscapeToken(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public override string ToString() => JsonPointer ?? FormattableString.Invariant($"{Line}:{Column}");
}
