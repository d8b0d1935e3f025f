using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;

namespace NetconfCloud.ScheduleService.Tests;

[Collection(ScheduleCollection.Name)]
public class ReadingTheAgendaTests(ScheduleFixture fixture)
{
    private readonly Contracts.Schedule.V1.ScheduleService.ScheduleServiceClient client = fixture.Server.Client;

    [Fact]
    public async Task ConferenceIsNetconf2015InOttawaInTorontoTime()
    {
        var conference = await client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-2015" });

        Assert.Equal("Netconf 2015", conference.Name);
        Assert.Equal("America/Toronto", conference.TimeZone);
        Assert.Equal("Ottawa", conference.City);
        Assert.Equal(["2015-02-12", "2015-02-13"], conference.Days.Select(d => d.Date));
        Assert.Equal("Thursday 12 February", conference.Days[0].Title);
        Assert.Equal("Netdev 0.1", conference.CoLocatedEvent.Name);
        Assert.Contains(conference.Committee, m => m.PersonId == "david-miller" && m.Name == "David S. Miller");
        Assert.True(conference.AgendaVersion >= 1);
    }

    [Fact]
    public async Task ThursdayTalksAreTwelveStartingAtNineInTorontoWhichIsTwoPmUtc()
    {
        var reply = await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", Day = "2015-02-12", Kind = SessionKind.Talk });

        Assert.Equal(12, reply.Sessions.Count);
        Assert.Equal(new DateTime(2015, 2, 12, 14, 0, 0, DateTimeKind.Utc), reply.Sessions[0].StartTime.ToDateTime());
        Assert.Equal(["Jamal Hadi Salim", "David S. Miller"], reply.Sessions[0].SpeakerNames);
        Assert.All(reply.Sessions, s => Assert.Equal("2015-02-12", s.Day));
        Assert.Equal("", reply.NextPageToken);
    }

    [Fact]
    public async Task JamalHadiSalimHasThreeTalks()
    {
        var reply = await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", SpeakerId = "jamal-hadi-salim" });

        Assert.Equal(["introduction", "netdev-announcements", "inter-fe-action"], reply.Sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task PagingVisitsAllThirtySessionsInStartOrder()
    {
        var sessions = new List<Session>();
        var token = "";
        do
        {
            var page = await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", PageSize = 7, PageToken = token });
            Assert.True(page.Sessions.Count <= 7);
            sessions.AddRange(page.Sessions);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(30, sessions.Select(s => s.Id).Distinct().Count());
        Assert.Equal(sessions.OrderBy(s => s.StartTime.ToDateTime()).Select(s => s.Id), sessions.Select(s => s.Id));
    }

    [Fact]
    public async Task APageSizeAboveTheMaximumIsLoweredNotRefused()
    {
        var reply = await client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", PageSize = 5000 });

        Assert.Equal(30, reply.Sessions.Count);
    }

    [Fact]
    public async Task ANegativePageSizeNamesPageSize() =>
        await RpcAssert.InvalidField("page_size", () => client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", PageSize = -1 }).ResponseAsync);

    [Theory]
    [InlineData("12/02/2015")]
    [InlineData("2015-02-30")]
    [InlineData("2015-02-14")]
    public async Task ABadDayNamesDay(string day) =>
        await RpcAssert.InvalidField("day", () => client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", Day = day }).ResponseAsync);

    [Fact]
    public async Task AnUnknownSpeakerFilterNamesSpeakerId() =>
        await RpcAssert.InvalidField("speaker_id", () => client.ListSessionsAsync(new ListSessionsRequest { ConferenceId = "netconf-2015", SpeakerId = "linus-torvalds" }).ResponseAsync);

    [Fact]
    public async Task AnUnknownSessionIsNotFoundAndNamesTheId()
    {
        var error = await RpcAssert.FailsWith(StatusCode.NotFound, () => client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "no-such-talk" }).ResponseAsync);

        Assert.Contains("no-such-talk", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFound() =>
        await RpcAssert.FailsWith(StatusCode.NotFound, () => client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "netconf-1999" }).ResponseAsync);

    [Fact]
    public async Task AMalformedConferenceIdNamesConferenceId() =>
        await RpcAssert.InvalidField("conference_id", () => client.GetConferenceAsync(new GetConferenceRequest { ConferenceId = "../etc" }).ResponseAsync);

    [Fact]
    public async Task ASessionCarriesEverythingACalendarNeeds()
    {
        var session = await client.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "vrf-routing-tables" });

        Assert.Equal(SessionKind.Talk, session.Kind);
        Assert.Equal(SessionStatus.Scheduled, session.Status);
        Assert.Equal(["shrijeet-mukherjee"], session.SpeakerIds);
        Assert.Equal(new DateTime(2015, 2, 13, 22, 0, 0, DateTimeKind.Utc), session.StartTime.ToDateTime());
        Assert.Equal(new DateTime(2015, 2, 13, 22, 30, 0, DateTimeKind.Utc), session.EndTime.ToDateTime());
        Assert.NotEmpty(session.Etag);
        Assert.NotNull(session.UpdateTime);
        Assert.Contains("assumed", session.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DavidMillerIsOneSpeakerKnownByBothNames()
    {
        var speaker = await client.GetSpeakerAsync(new GetSpeakerRequest { ConferenceId = "netconf-2015", SpeakerId = "david-miller" });

        Assert.Equal("David S. Miller", speaker.Name);
        Assert.Equal(["David Miller"], speaker.AlsoKnownAs);
    }

    [Fact]
    public async Task SpeakersAreTwentyTwoPeople()
    {
        var reply = await client.ListSpeakersAsync(new ListSpeakersRequest { ConferenceId = "netconf-2015" });

        Assert.Equal(22, reply.Speakers.Count);
        Assert.Contains(reply.Speakers, s => s.Id == "jamal-hadi-salim" && s.Name == "Jamal Hadi Salim");
    }

    [Fact]
    public async Task SponsorsComeInPublishedOrder()
    {
        var reply = await client.ListSponsorsAsync(new ListSponsorsRequest { ConferenceId = "netconf-2015" });

        Assert.Equal(["mojatatu-networks", "cumulus-networks", "verizon", "noiro-networks"], reply.Sponsors.Select(s => s.Id));
        Assert.Equal("a Cisco Project", reply.Sponsors[3].Tagline);
    }

    [Fact]
    public async Task HealthReportsServingForTheScheduleService()
    {
        var health = new Health.HealthClient(fixture.Server.Channel);

        var reply = await health.CheckAsync(new HealthCheckRequest { Service = "netconf.schedule.v1.ScheduleService" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task ReflectionListsTheScheduleService()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(call.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "netconf.schedule.v1.ScheduleService");
    }
}
