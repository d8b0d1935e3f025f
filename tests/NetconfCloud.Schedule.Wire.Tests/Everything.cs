namespace NetconfCloud.Schedule.Wire.Tests;

/// <summary>Domain records with every field set to something other than its default, so that a field left unmapped shows.</summary>
internal static class Everything
{
    public static readonly ConferenceTimeZone Zone = ConferenceTimeZone.FromId("America/Toronto");

    public static Conference Conference => new(
        "netconf-2015", "Netconf 2015", "Netconf 2015: the Linux networking workshop", "Linux kernel networking",
        "Two days of talks.", "America/Toronto", "Ottawa", "Canada", "Château Laurier", "Tentative",
        [new DateOnly(2015, 2, 12), new DateOnly(2015, 2, 13)],
        [new CommitteeMember("jamal-hadi-salim", "Jamal Hadi Salim", "Chair")],
        new CoLocatedEvent("netdev 0.1", new DateOnly(2015, 2, 14), new DateOnly(2015, 2, 17), "Ottawa"),
        AgendaVersion: 42,
        AgendaUpdateTime: new DateTimeOffset(2015, 2, 1, 12, 30, 15, TimeSpan.Zero).AddTicks(1230))
    {
        Url = "https://netconf.example/2015",
        Rooms = [new Room("main-room", "Main room"), new Room("hack-room", "Hack room")],
        Tracks = [new Track("bpf", "BPF", "#1f77b4")],
        DayChange = new TimeOnly(4, 0),
        ETag = "W/\"datetime'2015-02-01'\"",
        PendingEdit = "0f3c",
        Follow = Follow,
    };

    /// <summary>A follow with its published fields set; the validators and the lease stay server-side (not set here).</summary>
    public static SourceFollow Follow => new("netconf-2015", new Uri("https://pretalx.example.org/netconf-2015/schedule/export/schedule.xml"), TimeSpan.FromMinutes(10))
    {
        LastCheckTime = new DateTimeOffset(2015, 2, 1, 12, 40, 0, TimeSpan.Zero),
        LastSuccessTime = new DateTimeOffset(2015, 2, 1, 12, 30, 0, TimeSpan.Zero),
        LastSuccessVersion = 41,
        LastError = "the source answered 500",
        LastErrorTime = new DateTimeOffset(2015, 2, 1, 12, 40, 0, TimeSpan.Zero),
        NextFetchTime = new DateTimeOffset(2015, 2, 1, 12, 50, 0, TimeSpan.Zero),
    };

    /// <summary>The session of <see cref="NetconfCloud.Testing.EveryField"/>, as storage gives it (with an etag).</summary>
    public static Session Session => NetconfCloud.Testing.EveryField.Session with { ETag = "W/\"datetime'2015'\"" };

    public static Speaker Speaker => new("david-miller", "David S. Miller", ["David Miller", "davem"])
    {
        Bio = "Maintains the networking subsystem.",
        Links = [new Link("Home", "https://davemloft.example")],
        SourceId = "1234",
    };

    public static Sponsor Sponsor => new("noiro-networks", "Noiro Networks", "a Cisco Project", 3) { Tier = "Gold", Url = "https://noiro.example" };

    /// <summary>The record's own fields: its settable properties (derived ones, without a setter, follow from these).</summary>
    public static IEnumerable<System.Reflection.PropertyInfo> Fields(Type record) =>
        record.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    /// <summary>The fields of a record that hold their type's default (lists: empty).</summary>
    public static IEnumerable<string> DefaultProperties(object record, params string[] except) =>
        Fields(record.GetType())
            .Where(p => !except.Contains(p.Name))
            .Where(p => p.GetValue(record) switch
            {
                null => true,
                string text => text.Length == 0,
                System.Collections.IEnumerable list => !list.Cast<object>().Any(),
                var value => value.Equals(p.PropertyType.IsValueType ? Activator.CreateInstance(p.PropertyType) : null),
            })
            .Select(p => p.Name);
}
