using NetconfCloud.Schedule.Seed;

namespace NetconfCloud.Schedule.Tests;

internal static class Netconf2015
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static AgendaSnapshot Agenda { get; } = AgendaSeed.LoadNetconf2015(SeededAt);

    public static ConferenceTimeZone Toronto { get; } = ConferenceTimeZone.FromId("America/Toronto");

    public static DateTimeOffset At(int day, int hour, int minute = 0) =>
        Toronto.ToInstant(new DateOnly(2015, 2, day), new TimeOnly(hour, minute));

    public static Session Session(string id) => Agenda.Sessions.Single(s => s.Id == id);
}
