using System.Globalization;
using NetconfCloud.Schedule;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Cli;

/// <summary>How a session reads on one line: local day and times with the zone's offset, title, speakers, status.</summary>
internal static class SessionLine
{
    public static string Format(Proto.Session s, ConferenceTimeZone zone)
    {
        var start = zone.ToLocal(s.StartTime.ToDateTimeOffset());
        var end = zone.ToLocal(s.EndTime.ToDateTimeOffset());
        var title = s.Title.Length > 0 ? s.Title : "(no title published)";
        var speakers = s.SpeakerNames.Count > 0 ? $" — {string.Join(", ", s.SpeakerNames)}" : "";
        var cancelled = s.Status == Proto.SessionStatus.Cancelled ? " [CANCELLED]" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{start:ddd yyyy-MM-dd HH:mm}–{end:HH:mm} {start:zzz}  {title}{speakers}{cancelled}");
    }
}
