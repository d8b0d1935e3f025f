using System.Globalization;

namespace NetconfCloud.Schedule.Import.Internal;

/// <summary>Reads the whole input, but never more than the size limit.</summary>
internal static class InputBuffer
{
    public static ArraySegment<byte>? Read(Stream stream, long maxBytes, List<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
        {
            problems.Add(TooLarge(stream.Length - stream.Position, maxBytes));
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                problems.Add(TooLarge(null, maxBytes));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.TryGetBuffer(out var segment) ? segment : new ArraySegment<byte>(buffer.ToArray());
    }

    private static ImportProblem TooLarge(long? length, long maxBytes) => new(
        ProblemSeverity.Error,
        "document",
        null,
        length is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"The file is {n:N0} bytes; the limit is {maxBytes:N0} bytes (ScheduleReadOptions.MaxBytes). It was not read.")
            : string.Create(CultureInfo.InvariantCulture, $"The file is larger than the limit of {maxBytes:N0} bytes (ScheduleReadOptions.MaxBytes); reading stopped there."));
}
