using NetconfCloud.Schedule.Import.Internal;

namespace NetconfCloud.Schedule.Import;

/// <summary>
/// Reads a published schedule in either format. Never throws for a problem in the data: the result carries the
/// document (when the file could be read at all) and a list of problems. The stream is read to its end, up to
/// <see cref="ScheduleReadOptions.MaxBytes"/>, and is not closed.
/// </summary>
public static class ScheduleReader
{
    public static ScheduleReadResult Read(Stream stream, ScheduleFormat? format = null, ScheduleReadOptions? options = null)
    {
        options ??= ScheduleReadOptions.Default;
        var problems = new List<ImportProblem>();
        if (InputBuffer.Read(stream, options.MaxBytes, problems) is not { } bytes)
        {
            return new ScheduleReadResult(null, problems.ToValueList());
        }

        format ??= Sniff(bytes);
        return format switch
        {
            ScheduleFormat.FrabXml => FrabXmlReader.Read(bytes, options),
            ScheduleFormat.C3vocJson => C3vocJsonReader.Read(bytes, options),
            _ => new ScheduleReadResult(
                null,
                new[] { new ImportProblem(ProblemSeverity.Error, "document", SourceLocation.At(1, 1), "The file is neither XML (frab schedule.xml) nor JSON (c3voc schedule.json).") }.ToValueList()),
        };
    }

    /// <summary>The first character that is not a byte-order mark or white space: '&lt;' is XML, '{' is JSON.</summary>
    internal static ScheduleFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'<':
                    return ScheduleFormat.FrabXml;
                case (byte)'{':
                    return ScheduleFormat.C3vocJson;
                default:
                    return null;
            }
        }

        return null;
    }
}
