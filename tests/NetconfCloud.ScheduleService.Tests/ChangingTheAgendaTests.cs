using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

[Collection(ScheduleCollection.Name)]
public class ChangingTheAgendaTests(ScheduleFixture fixture) : IAsyncLifetime
{
    private ScheduleServer server = null!;
    private Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client = null!;

    public async Task InitializeAsync()
    {
        server = await fixture.StartServerAsync();
        client = server.WriterClient;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Timestamp Toronto(int day, int hour, int minute = 0) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(2015, 2, day, hour, minute, 0, TimeSpan.FromHours(-5)));

    private Task<Session> Get(string id) => client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = id }).ResponseAsync;

    private Task<long> Version() => client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" }).ResponseAsync.ContinueWith(t => t.Result.AgendaVersion, TaskScheduler.Default);

    private static Session NewTalk() => new()
    {
        Kind = SessionKind.Talk,
        Title = "XDP: eXpress Data Path",
        SpeakerIds = { "tom-herbert" },
        StartTime = Toronto(13, 17, 30),
        EndTime = Toronto(13, 18),
    };

    [Fact]
    public async Task ACreatedTalkCanBeReadBackAndRaisesTheAgendaVersion()
    {
        var before = await Version();

        var created = await client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = NewTalk() });

        Assert.Equal("xdp-express-data-path", created.Id);
        Assert.Equal(["Tom Herbert"], created.SpeakerNames);
        Assert.Equal(created.Etag, (await Get(created.Id)).Etag);
        Assert.Equal(before + 1, await Version());
    }

    [Fact]
    public async Task ACreateRetriedWithItsRequestIdCreatesOneSession()
    {
        var before = await Version();
        var request = new CreateSessionRequest { ConferenceId = "netconf-2015", Session = NewTalk(), RequestId = Guid.NewGuid().ToString() };

        var first = await client.CreateSessionAsync(request);
        var retried = await client.CreateSessionAsync(request);

        Assert.Equal("xdp-express-data-path", first.Id);
        Assert.Equal(first.Id, retried.Id);
        Assert.Equal(first.Etag, retried.Etag);
        Assert.Equal(before + 1, await Version());
        Assert.DoesNotContain((await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", PageSize = 100 })).Sessions, s => s.Id == "xdp-express-data-path-2");
    }

    [Fact]
    public async Task RetriesOfOneCreateSentAtOnceCreateOneSession()
    {
        var before = await Version();
        var request = new CreateSessionRequest { ConferenceId = "netconf-2015", Session = NewTalk(), RequestId = Guid.NewGuid().ToString() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.CreateSessionAsync(request).ResponseAsync));

        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Equal(before + 1, await Version());
    }

    [Fact]
    public async Task ARequestIdThatIsNotAUuidNamesRequestId() =>
        await RpcAssert.InvalidField("request_id", () => client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = NewTalk(), RequestId = "retry-1" }).ResponseAsync);

    [Fact]
    public async Task CreatingATalkThatEndsBeforeItStartsNamesEndTime()
    {
        var talk = NewTalk();
        talk.EndTime = Toronto(13, 17);

        await RpcAssert.InvalidField("session.end_time", () => client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = talk }).ResponseAsync);
    }

    [Fact]
    public async Task CreatingATalkWithAnUnknownSpeakerNamesSpeakerIds()
    {
        var talk = NewTalk();
        talk.SpeakerIds.Add("linus-torvalds");

        await RpcAssert.InvalidField("session.speaker_ids", () => client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = talk }).ResponseAsync);
    }

    [Fact]
    public async Task CreatingATalkWithNeitherTitleNorSpeakerNamesTitle()
    {
        var talk = NewTalk();
        talk.Title = "";
        talk.SpeakerIds.Clear();

        await RpcAssert.InvalidField("session.title", () => client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = talk }).ResponseAsync);
    }

    [Fact]
    public async Task CreatingASessionWithATakenIdIsAlreadyExists()
    {
        var talk = NewTalk();
        talk.Id = "bpf-updates";

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => client.CreateSessionAsync(new CreateSessionRequest { ConferenceId = "netconf-2015", Session = talk }).ResponseAsync);
    }

    [Fact]
    public async Task MovingATalkRaisesItsSequenceAndGivesItANewETag()
    {
        var before = await Get("bpf-updates");
        var change = new Session { Id = "bpf-updates", Etag = before.Etag, StartTime = Toronto(13, 17, 30), EndTime = Toronto(13, 18) };

        var moved = await client.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = change, UpdateMask = FieldMask.FromString("start_time,end_time") });

        Assert.Equal(before.Sequence + 1, moved.Sequence);
        Assert.NotEqual(before.Etag, moved.Etag);
        Assert.Equal("2015-02-13", moved.Day);
        Assert.Equal(before.Title, moved.Title);
        Assert.True(moved.UpdateTime.ToDateTimeOffset() > before.UpdateTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task AStaleETagIsAFailedPreconditionAndOverwritesNothing()
    {
        var original = await Get("rhashtable");
        await client.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "rhashtable", Etag = original.Etag, Title = "First" }, UpdateMask = FieldMask.FromString("title") });

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "rhashtable", Etag = original.Etag, Title = "Second" },
            UpdateMask = FieldMask.FromString("title"),
        }).ResponseAsync);

        Assert.Equal("First", (await Get("rhashtable")).Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("etag")]
    [InlineData("sequence")]
    [InlineData("speakers")]
    public async Task AnUpdateMaskNamingNoChangeableFieldNamesUpdateMask(string paths) =>
        await RpcAssert.InvalidField("update_mask", () => client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "rhashtable", Title = "x" },
            UpdateMask = FieldMask.FromString(paths),
        }).ResponseAsync);

    [Fact]
    public async Task UpdatingAnUnknownSessionIsNotFound() =>
        await RpcAssert.FailsWith(StatusCode.NotFound, () => client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "no-such-talk", Title = "x" },
            UpdateMask = FieldMask.FromString("title"),
        }).ResponseAsync);

    [Fact]
    public async Task DeletingATalkLeavesACancelledRecordWithAHigherSequence()
    {
        var before = await Get("user-space-dma");

        var deleted = await client.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "user-space-dma", Etag = before.Etag });

        Assert.Equal(SessionStatus.Cancelled, deleted.Status);
        Assert.Equal(before.Sequence + 1, deleted.Sequence);
        Assert.Equal(SessionStatus.Cancelled, (await Get("user-space-dma")).Status);
        var friday = await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", Day = "2015-02-13" });
        Assert.Contains(friday.Sessions, s => s.Id == "user-space-dma" && s.Status == SessionStatus.Cancelled);
    }

    [Fact]
    public async Task ACancelledTalkCanBeRestored()
    {
        var cancelled = await client.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "userspace-api" });

        var restored = await client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "userspace-api", Etag = cancelled.Etag, Status = SessionStatus.Scheduled },
            UpdateMask = FieldMask.FromString("status"),
        });

        Assert.Equal(SessionStatus.Scheduled, restored.Status);
        Assert.Equal(cancelled.Sequence + 1, restored.Sequence);
    }

    [Fact]
    public async Task OfTwoWritersWithTheSameETagExactlyOneWins()
    {
        var original = await Get("tcp-pipe-size-probing");
        Task<Session> Write(string title) => client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = original.Id, Etag = original.Etag, Title = title },
            UpdateMask = FieldMask.FromString("title"),
        }).ResponseAsync;

        var writes = new[] { Write("Writer A"), Write("Writer B") };
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return (await w).Title;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await Get(original.Id)).Title);
    }

    [Fact]
    public async Task StartingTheServiceAgainKeepsEditsAndAddsNoDuplicates()
    {
        var original = await Get("inter-fe-action");
        await client.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "inter-fe-action", Etag = original.Etag, Title = "Inter-FE actions (edited)" },
            UpdateMask = FieldMask.FromString("title"),
        });
        var table = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Schedule.Storage.AgendaStorageOptions>>().Value.TableName;

        await using var again = new ScheduleServer(fixture.Azurite.ConnectionString, table);
        await again.WaitUntilServingAsync();

        var sessions = await again.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015" });
        Assert.Equal(30, sessions.Sessions.Count);
        Assert.Equal("Inter-FE actions (edited)", sessions.Sessions.Single(s => s.Id == "inter-fe-action").Title);
    }
}
