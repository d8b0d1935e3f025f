using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>Conferences, rooms, tracks, speakers and sponsors as resources: created, changed and removed through the RPCs.</summary>
[Collection(ScheduleCollection.Name)]
public class ConferenceResourcesTests(ScheduleFixture fixture)
{
    private static Conference Fosdem => new()
    {
        Id = "fosdem-2027",
        Name = "FOSDEM 2027",
        TimeZone = "Europe/Brussels",
        City = "Brussels",
        Country = "Belgium",
        Venue = "ULB",
        Url = "https://fosdem.org/2027/",
        Days = { new ConferenceDay { Date = "2027-02-06" }, new ConferenceDay { Date = "2027-02-07" } },
        Rooms = { new Room { Id = "janson", Name = "Janson" }, new Room { Id = "k-1-105", Name = "K.1.105 (La Fontaine)" } },
        Tracks = { new Track { Id = "kernel", Name = "Kernel", Color = "#336699" } },
    };

    [Theory]
    [InlineData("health")]
    [InlineData("assets")]
    public async Task AConferenceMayNotTakeAnIdThatIsTheAddressOfTheSiteItself(string id)
    {
        await using var server = await fixture.StartServerAsync();
        var conference = Fosdem;
        conference.Id = id;

        await RpcAssert.InvalidField("conference.id", () => server.WriterClient.CreateConferenceAsync(new CreateConferenceRequest { Conference = conference }).ResponseAsync);
    }

    [Fact]
    public async Task ANewConferenceIsListedBesideTheSeedAndStartsAtVersionOne()
    {
        await using var server = await fixture.StartServerAsync();

        var created = await server.WriterClient.CreateConferenceAsync(new CreateConferenceRequest { Conference = Fosdem });

        var listed = await server.Client.ListConferencesAsync(new ListConferencesRequest());
        Assert.Equal(["fosdem-2027", "netconf-2015"], listed.Conferences.Select(c => c.Id));
        Assert.Equal((1L, "Europe/Brussels", 2, "https://fosdem.org/2027/"), (created.AgendaVersion, created.TimeZone, created.Rooms.Count, created.Url));
        Assert.Equal("Saturday 6 February", created.Days[0].Title);
    }

    [Theory]
    [InlineData("conference.time_zone")]
    [InlineData("conference.id")]
    [InlineData("conference.days")]
    [InlineData("conference.rooms[1].id")]
    [InlineData("conference.tracks[0].color")]
    public async Task ABadConferenceIsRefusedNamingTheField(string field)
    {
        await using var server = await fixture.StartServerAsync();
        var conference = Fosdem;
        switch (field)
        {
            case "conference.time_zone": conference.TimeZone = "Mars/Olympus_Mons"; break;
            case "conference.id": conference.Id = "FOSDEM 2027"; break;
            case "conference.days": conference.Days.Add(new ConferenceDay { Date = "2027-02-06" }); break;
            case "conference.rooms[1].id": conference.Rooms[1].Id = "janson"; break;
            default: conference.Tracks[0].Color = "blue"; break;
        }

        await RpcAssert.InvalidField(field, () => server.WriterClient.CreateConferenceAsync(new CreateConferenceRequest { Conference = conference }).ResponseAsync);
        Assert.Single((await server.Client.ListConferencesAsync(new ListConferencesRequest())).Conferences);
    }

    [Fact]
    public async Task ATakenConferenceIdAlreadyExistsAndOnlyWritersMayCreate()
    {
        await using var server = await fixture.StartServerAsync();
        await server.WriterClient.CreateConferenceAsync(new CreateConferenceRequest { Conference = Fosdem });

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => server.WriterClient.CreateConferenceAsync(new CreateConferenceRequest { Conference = Fosdem }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => server.Client.CreateConferenceAsync(new CreateConferenceRequest { Conference = Fosdem }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => server.ReaderClient.ImportAgenda().ResponseAsync);
    }

    [Fact]
    public async Task ANewTalkByANewSpeakerInARoomOfANewConference()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        await client.CreateConferenceAsync(new CreateConferenceRequest { Conference = Fosdem });

        var speaker = await client.CreateSpeakerAsync(new CreateSpeakerRequest { ConferenceId = "fosdem-2027", Speaker = new Speaker { Name = "Ada Lovelace", Bio = "Wrote the first program.", Links = { new Link { Title = "Notes", Url = "https://example.org/notes" } } } });
        var talk = await client.CreateSessionAsync(new CreateSessionRequest
        {
            ConferenceId = "fosdem-2027",
            Session = new Session
            {
                Kind = SessionKind.Talk,
                Title = "Notes on the engine",
                Subtitle = "G",
                Language = "en",
                SpeakerIds = { speaker.Id },
                RoomId = "janson",
                TrackId = "kernel",
                StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 2, 6, 10, 0, 0, TimeSpan.FromHours(1))),
                EndTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 2, 6, 10, 50, 0, TimeSpan.FromHours(1))),
            },
        });

        Assert.Equal("ada-lovelace", speaker.Id);
        Assert.Equal(("janson", "kernel", "Ada Lovelace", "2027-02-06"), (talk.RoomId, talk.TrackId, talk.SpeakerNames.Single(), talk.Day));
        var inJanson = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "fosdem-2027", RoomId = "janson" });
        Assert.Equal(["notes-on-the-engine"], inJanson.Sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task TwoTalksInOneRoomAtOnceAreRefusedNamingTheRoom()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        await client.UpdateConferenceAsync(new UpdateConferenceRequest
        {
            Conference = new Conference { Id = "netconf-2015", Rooms = { new Room { Id = "main", Name = "Main room" } } },
            UpdateMask = FieldMask.FromString("rooms"),
        });
        await client.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "bpf-updates", RoomId = "main" }, UpdateMask = FieldMask.FromString("room_id") });
        var bpf = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });

        await RpcAssert.InvalidField("session.room_id", () => client.CreateSessionAsync(new CreateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Kind = SessionKind.Talk, Title = "Same room, same time", RoomId = "main", StartTime = bpf.StartTime, EndTime = bpf.EndTime },
        }).ResponseAsync);
        var inUse = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => client.UpdateConferenceAsync(new UpdateConferenceRequest
        {
            Conference = new Conference { Id = "netconf-2015" },
            UpdateMask = FieldMask.FromString("rooms"),
        }).ResponseAsync);
        Assert.Equal(["sessions/bpf-updates"], inUse.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations.Select(v => v.Subject));
    }

    [Fact]
    public async Task ARenamedSpeakerIsRenamedInTheirSessionsAndCannotBeRemovedWhileTheyHaveAny()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;

        await client.UpdateSpeakerAsync(new UpdateSpeakerRequest { ConferenceId = "netconf-2015", Speaker = new Speaker { Id = "jamal-hadi-salim", Name = "Jamal H. Salim" }, UpdateMask = FieldMask.FromString("name") });
        var error = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => client.DeleteSpeakerAsync(new DeleteSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = "jamal-hadi-salim" }).ResponseAsync);

        var talks = await server.Client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", SpeakerId = "jamal-hadi-salim" });
        Assert.All(talks.Sessions, s => Assert.Contains("Jamal H. Salim", s.SpeakerNames));
        var users = error.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations.Select(v => v.Subject);
        Assert.Equal(talks.Sessions.Select(s => $"sessions/{s.Id}").Order(), users.Order());
    }

    [Fact]
    public async Task ASpeakerWithoutSessionsIsRemovedAndTheChangeIsLogged()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        var speaker = await client.CreateSpeakerAsync(new CreateSpeakerRequest { ConferenceId = "netconf-2015", Speaker = new Speaker { Name = "Grace Hopper" } });

        var deleted = await client.DeleteSpeakerAsync(new DeleteSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = speaker.Id });

        await RpcAssert.FailsWith(StatusCode.NotFound, () => client.GetSpeakerAsync(new GetSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = speaker.Id }).ResponseAsync);
        var log = await client.ListChangesAsync(new ListChangesRequest { ConferenceId = "netconf-2015", AfterVersion = deleted.AgendaVersion - 2 });
        Assert.Equal([(ChangeKind.Created, "speakers/grace-hopper"), (ChangeKind.Deleted, "speakers/grace-hopper")], log.Changes.Select(c => (c.Kind, c.Subject)));
        Assert.All(log.Changes, c => Assert.Null(c.Session));
    }

    [Fact]
    public async Task SponsorsAreAddedMovedChangedAndRemovedInTheirPublishedOrder()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        var before = (await client.ListSponsorsAsync(new ListSponsorsRequest { ConferenceId = "netconf-2015" })).Sponsors.Select(s => s.Id).ToList();

        var added = await client.CreateSponsorAsync(new CreateSponsorRequest { ConferenceId = "netconf-2015", Sponsor = new Sponsor { Name = "Tux Corp", Tier = "Gold", Url = "https://tux.example" }, Position = 0 });
        await client.MoveSponsorAsync(new MoveSponsorRequest { ConferenceId = "netconf-2015", SponsorId = before[0], Position = before.Count });
        await client.UpdateSponsorAsync(new UpdateSponsorRequest { ConferenceId = "netconf-2015", Sponsor = new Sponsor { Id = added.Id, Tier = "Platinum" }, UpdateMask = FieldMask.FromString("tier") });
        await client.DeleteSponsorAsync(new DeleteSponsorRequest { ConferenceId = "netconf-2015", SponsorId = before[1] });

        var after = (await client.ListSponsorsAsync(new ListSponsorsRequest { ConferenceId = "netconf-2015" })).Sponsors;
        Assert.Equal(["tux-corp", .. before.Skip(2), before[0]], after.Select(s => s.Id));
        Assert.Equal(Enumerable.Range(0, after.Count), after.Select(s => s.Order));
        Assert.Equal(("Platinum", "https://tux.example"), (after[0].Tier, after[0].Url));
    }

    [Fact]
    public async Task TwoMovesIntoOneRoomAtOneTimeNeverBothLand()
    {
        await using var server = await fixture.StartServerAsync();
        var client = server.WriterClient;
        await client.UpdateConferenceAsync(new UpdateConferenceRequest
        {
            Conference = new Conference { Id = "netconf-2015", Rooms = { new Room { Id = "main", Name = "Main room" } } },
            UpdateMask = FieldMask.FromString("rooms"),
        });
        string[] talks = ["bpf-updates", "user-space-dma"];
        var landedTogether = 0;
        for (var race = 0; race < 10; race++)
        {
            var slot = new DateTimeOffset(2015, 2, 13, 17, 0, 0, TimeSpan.FromHours(-5)).AddMinutes(30 * (race % 2));
            await Task.WhenAll(talks.Select(id => client.UpdateSessionAsync(new UpdateSessionRequest
            {
                ConferenceId = "netconf-2015",
                Session = new Session { Id = id, RoomId = "" },
                UpdateMask = FieldMask.FromString("room_id"),
            }).ResponseAsync));
            var results = await Task.WhenAll(talks.Select(async id =>
            {
                try
                {
                    await client.UpdateSessionAsync(new UpdateSessionRequest
                    {
                        ConferenceId = "netconf-2015",
                        Session = new Session { Id = id, RoomId = "main", StartTime = Timestamp.FromDateTimeOffset(slot), EndTime = Timestamp.FromDateTimeOffset(slot.AddMinutes(30)) },
                        UpdateMask = FieldMask.FromString("room_id,start_time,end_time"),
                    });
                    return true;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
                {
                    return false;
                }
            }));
            landedTogether += results.All(r => r) ? 1 : 0;
            Assert.Contains(true, results);
        }

        Assert.Equal(0, landedTogether);
        using var call = server.Client.ReadAgenda(new ReadAgendaRequest { ConferenceId = "netconf-2015" });
        var agenda = await NetconfCloud.Schedule.Wire.AgendaChunks.AssembleAsync(call.ResponseStream.ReadAllAsync(), CancellationToken.None);
        Assert.DoesNotContain(NetconfCloud.Schedule.AgendaClashes.Find(agenda!.Sessions), c => c.Kind == NetconfCloud.Schedule.ClashKind.Room);
    }
}
