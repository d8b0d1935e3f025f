using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>The real files under Schedules/ (see its README), read once per test run.</summary>
internal static class TestSchedules
{
    public static readonly ScheduleReadOptions Brussels = new() { TimeZone = "Europe/Brussels" };

    private static readonly ConcurrentDictionary<string, ScheduleReadResult> Cache = new();

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Schedules", file);

    /// <summary>The file read through <see cref="ScheduleReader"/> (format sniffed); fosdem-2007 with Europe/Brussels assumed.</summary>
    public static ScheduleReadResult Result(string file) => Cache.GetOrAdd(file, f => ReadFile(f, f == "fosdem-2007.xml" ? Brussels : null));

    public static ScheduleDocument Document(string file) => Result(file).Document ?? throw new InvalidOperationException($"{file} did not read: {string.Join("; ", Result(file).Problems)}");

    public static ScheduleReadResult ReadFile(string file, ScheduleReadOptions? options = null)
    {
        using var stream = File.OpenRead(PathOf(file));
        return ScheduleReader.Read(stream, null, options);
    }

    public static ScheduleReadResult ReadText(string text, ScheduleReadOptions? options = null) =>
        ScheduleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), null, options);

    public static XDocument Xml(string file) => XDocument.Load(PathOf(file));

    public static JsonDocument Json(string file) => JsonDocument.Parse(File.ReadAllBytes(PathOf(file)));

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    public static DateTimeOffset Local(DateTimeOffset instant, string zone) => TimeZoneInfo.ConvertTime(instant, Zone(zone));

    public static string LocalText(DateTimeOffset instant, string zone) =>
        Local(instant, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
