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

    /// <summary>
    /// The zone's clock changes from <paramref name="from"/> to <paramref name="to"/>, each with the offsets before
    /// and after it and whether daylight-saving time follows; first the offset in force at <paramref name="from"/>
    /// (a change from that offset to itself). What a calendar needs to place times in this zone over a range, in any year.
    /// </summary>
    public IReadOnlyList<ClockChange> ClockChanges(DateTimeOffset from, DateTimeOffset to)
    {
        var changes = new List<ClockChange> { new(from, Zone.GetUtcOffset(from), Zone.GetUtcOffset(from), Zone.IsDaylightSavingTime(from)) };
        var step = TimeSpan.FromHours(1);
        for (var at = from; at < to; at += step)
        {
            var next = at + step > to ? to : at + step;
            var (before, after) = (Zone.GetUtcOffset(at), Zone.GetUtcOffset(next));
            if (before == after)
            {
                continue;
            }

            // The change is within this hour: find its minute.
            var (low, high) = (at, next);
            while (high - low > TimeSpan.FromMinutes(1))
            {
                var middle = low + ((high - low) / 2);
                (low, high) = Zone.GetUtcOffset(middle) == before ? (middle, high) : (low, middle);
            }

            var instant = new DateTimeOffset(high.UtcDateTime.Ticks - (high.UtcDateTime.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            changes.Add(new ClockChange(instant, before, after, Zone.IsDaylightSavingTime(instant)));
        }

        return changes;
    }

    /// <summary>The conference day an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);
}

/// <summary>A change of a zone's clock: at <see cref="At"/>, from one offset from UTC to another.</summary>
public sealed record ClockChange(DateTimeOffset At, TimeSpan OffsetBefore, TimeSpan OffsetAfter, bool IsDaylightSaving)
{
    /// <summary>The wall-clock time the change happens at, read on the clock before it.</summary>
    public DateTime LocalStart => (At.UtcDateTime + OffsetBefore).ToUnspecified();
}

internal static class DateTimeKinds
{
    public static DateTime ToUnspecified(this DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Unspecified);
}
