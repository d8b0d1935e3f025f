using System.Globalization;

namespace NetconfCloud.Bench.Scale;

/// <summary>A process's resident memory as Linux reports it in /proc/PID/status: VmRSS now, VmHWM its peak (kB).</summary>
internal static class ProcessMemory
{
    public static (long RssKb, long PeakKb) Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmRSS:", pid), Field(status, "VmHWM:", pid));
    }

    private static long Field(string[] status, string name, int pid) =>
        status.FirstOrDefault(line => line.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"/proc/{pid}/status has no {name} line.");
}
