namespace NetconfCloud.Schedule;

/// <summary>
/// The one place where wall-clock times of the conference become instants and back.
/// The zone is an IANA id (America/Toronto for Netconf 2015); instants are stored, the zone is kept.
/// </summary>
public sealed class ConferenceTimeZone
{
    private ConferenceTimeZone(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public string Id => Zone.Id;

    public static ConferenceTimeZone FromId(string ianaId)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var zone))
        {
            throw new InvalidArgumentException("time_zone", $"Unknown IANA time zone '{ianaId}'.");
        }

        if (!zone.HasIanaId && TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
            && TimeZoneInfo.TryFindSystemTimeZoneById(iana, out var ianaZone))
        {
            zone = ianaZone;
        }

        return new ConferenceTimeZone(zone);
    }

    /// <summary>The instant of a wall-clock time on a conference day.</summary>
    public DateTimeOffset ToInstant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            throw new InvalidArgumentException("start_time", $"{day:yyyy-MM-dd} {time:HH:mm} does not exist in {Id}.");
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The wall-clock time of an instant at the conference.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The conference day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);
}
