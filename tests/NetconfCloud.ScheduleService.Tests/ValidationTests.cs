using Google.Protobuf.WellKnownTypes;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>Every rule on writes, through the transport: InvalidArgument naming the field, and nothing written.</summary>
[Collection(ScheduleCollection.Name)]
public class ValidationTests(ScheduleFixture fixture)
{
    private static Timestamp At(int day, int hour, int minute = 0) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2015, 2, day, hour, minute, 0, TimeSpan.FromHours(-5)));

    private static Session Talk(Action<Session> change)
    {
        var talk = new Session { Kind = SessionKind.Talk, Title = "A valid talk", SpeakerIds = { "tom-herbert" }, StartTime = At(13, 18), EndTime = At(13, 18, 30) };
        change(talk);
        return talk;
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "session.end_time", "end-before-start" },
        { "session.start_time", "outside-the-conference" },
        { "session.end_time", "longer-than-a-day" },
        { "session.room_id", "unknown-room" },
        { "session.links[0].url", "link-not-http" },
        { "session.language", "not-a-language" },
        { "session.speaker_ids", "double-booked" },
        { "session.speaker_ids", "unknown-speaker" },
        { "session.kind", "no-kind" },
        { "session.kind", "kind-out-of-enum" },
        { "session.title", "crlf-begin-vevent" },
        { "session.title", "nul-byte" },
        { "session.title", "long-title" },
        { "session.id", "bad-id" },
        { "session.id", "table-key-characters" },
        { "session.start_time", "no-start" },
        { "session.slide_count", "negative-slides" },
        { "session.abstract", "control-characters-in-abstract" },
    };

    private static Session Case(string name) => name switch
    {
        "end-before-start" => Talk(t => t.EndTime = At(13, 17)),
        "outside-the-conference" => Talk(t => (t.StartTime, t.EndTime) = (At(16, 9), At(16, 10))),
        "longer-than-a-day" => Talk(t => t.EndTime = Timestamp.FromDateTimeOffset(t.StartTime.ToDateTimeOffset().AddHours(25))),
        "unknown-room" => Talk(t => t.RoomId = "ballroom"),
        "link-not-http" => Talk(t => t.Links.Add(new Link { Title = "Slides", Url = "ftp://example.org/slides.pdf" })),
        "not-a-language" => Talk(t => t.Language = "English please"),
        "double-booked" => Talk(t => (t.SpeakerIds[0], t.StartTime, t.EndTime) = ("jamal-hadi-salim", At(13, 13, 45), At(13, 14, 15))),
        "unknown-speaker" => Talk(t => t.SpeakerIds.Add("linus-torvalds")),
        "no-kind" => Talk(t => t.Kind = SessionKind.Unspecified),
        "kind-out-of-enum" => Talk(t => t.Kind = (SessionKind)42),
        "crlf-begin-vevent" => Talk(t => t.Title = "Talk\r\nBEGIN:VEVENT\r\nSUMMARY:Injected"),
        "nul-byte" => Talk(t => t.Title = "Nul\0byte"),
        "long-title" => Talk(t => t.Title = new string('x', 100_000)),
        "bad-id" => Talk(t => t.Id = "Not A Slug"),
        "table-key-characters" => Talk(t => t.Id = "a/b#c?d"),
        "no-start" => Talk(t => t.StartTime = null),
        "negative-slides" => Talk(t => t.SlideCount = -1),
        _ => Talk(t => t.Abstract = "bell\a"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ABadSessionIsRefusedNamingTheFieldAndNothingIsWritten(string field, string name)
    {
        var client = fixture.Server.WriterClient;
        var before = (await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion;

        await RpcAssert.InvalidField(field, () => client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = Case(name) }).ResponseAsync);

        Assert.Equal(before, (await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" })).AgendaVersion);
    }

    [Fact]
    public async Task AnUpdateToAStatusOutsideTheEnumNamesStatus() =>
        await RpcAssert.InvalidField("session.status", () => fixture.Server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "bpf-updates", Status = SessionStatus.Unspecified },
            UpdateMask = FieldMask.FromString("status"),
        }).ResponseAsync);

    [Fact]
    public async Task AMessageAboveTheSizeLimitIsRefused()
    {
        var huge = Talk(t => t.Abstract = new string('x', 300_000));

        await RpcAssert.FailsWith(Grpc.Core.StatusCode.ResourceExhausted, () => fixture.Server.WriterClient.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = huge }).ResponseAsync);
    }
}
