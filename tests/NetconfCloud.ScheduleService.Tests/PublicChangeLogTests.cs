using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using NetconfCloud.Testing;
using Domain = NetconfCloud.Schedule;

namespace NetconfCloud.ScheduleService.Tests;

/// <summary>ListPublicChanges over the real transport and Azurite: open without a token, only what attendees may see.</summary>
[Collection(ScheduleCollection.Name)]
public class PublicChangeLogTests(ScheduleFixture fixture)
{
    private const string Secret = "The speaker asked us not to say why";

    [Fact]
    public async Task ACallerWithoutATokenReadsTheChangesNewestFirstWithNoActorOrNotes()
    {
        await using var server = await fixture.StartServerAsync();
        var writer = server.WriterClient;
        var before = await writer.GetSessionAsync(new GetSessionRequest { ConferenceId = "netconf-2015", SessionId = "bpf-updates" });
        await writer.UpdateSessionAsync(new UpdateSessionRequest
        {
            ConferenceId = "netconf-2015",
            Session = new Session { Id = "bpf-updates", Notes = Secret, StartTime = Timestamp.FromDateTimeOffset(before.StartTime.ToDateTimeOffset().AddHours(2)), EndTime = Timestamp.FromDateTimeOffset(before.EndTime.ToDateTimeOffset().AddHours(2)) },
            UpdateMask = FieldMask.FromString("notes,start_time,end_time"),
        });
        await writer.CancelSessionAsync(new CancelSessionRequest { ConferenceId = "netconf-2015", SessionId = "rhashtable" });

        var response = await server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "netconf-2015" });

        Assert.Equal([[PublicChangeKind.Cancelled], [PublicChangeKind.Moved]], response.Versions.Select(v => v.Sessions.Single().Kinds.ToArray()));
        var moved = response.Versions[1].Sessions[0];
        Assert.Equal((before.StartTime, before.StartTime.ToDateTimeOffset().AddHours(2)), (moved.PreviousStartTime, moved.StartTime.ToDateTimeOffset()));
        var raw = Encoding.UTF8.GetString(response.ToByteArray());
        Assert.DoesNotContain("Test Organiser", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, raw, StringComparison.Ordinal);
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task AnImportOfEightHundredTalksIsOneVersionListingTwentyAndCountingThemAll()
    {
        await using var server = await fixture.StartServerAsync();
        var (conference, sessions) = BigAgenda(883);
        await ScheduleFiles.ImportAsync(server.WriterClient, "big", new Domain.IncomingAgenda(conference, [], sessions), new Domain.ImportOptions());

        var response = await server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "big" });

        var import = response.Versions.Single();
        Assert.Equal(883, import.SessionCount);
        Assert.Equal(20, import.Sessions.Count);
        Assert.Equal(new PublicChangeCount { Kind = PublicChangeKind.New, Count = 883 }, import.Counts.Single());
    }

    [Fact]
    public async Task AReimportThatMovesAndRetitlesTalksListsEachWithItsOldTitleAndTime()
    {
        await using var server = await fixture.StartServerAsync();
        var (conference, sessions) = BigAgenda(30);
        await ScheduleFiles.ImportAsync(server.WriterClient, "big", new Domain.IncomingAgenda(conference, [], sessions), new Domain.ImportOptions());
        var moved = sessions[3].Session with { Start = sessions[3].Session.Start.AddHours(3), End = sessions[3].Session.End.AddHours(3) };
        var retitled = sessions[7].Session with { Title = "A better title" };
        Domain.IncomingSession[] again = [.. sessions.Select((s, i) => i == 3 ? s with { Session = moved } : i == 7 ? s with { Session = retitled } : s)];
        await ScheduleFiles.ImportAsync(server.WriterClient, "big", new Domain.IncomingAgenda(conference, [], again), new Domain.ImportOptions());

        var newest = (await server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "big", PageSize = 1 })).Versions.Single();

        Assert.Equal(2, newest.SessionCount);
        Assert.Equal([PublicChangeKind.Moved], newest.Sessions[0].Kinds);
        Assert.Equal(sessions[3].Session.Start, newest.Sessions[0].PreviousStartTime.ToDateTimeOffset());
        Assert.Equal([PublicChangeKind.Retitled], newest.Sessions[1].Kinds);
        Assert.Equal(("Talk 7", "A better title"), (newest.Sessions[1].PreviousTitle, newest.Sessions[1].Title));
    }

    [Fact]
    public async Task PagesOfOlderVersionsFollowTheNextPageToken()
    {
        await using var server = await fixture.StartServerAsync();
        foreach (var title in new[] { "One", "Two", "Three" })
        {
            await server.WriterClient.UpdateSessionAsync(new UpdateSessionRequest { ConferenceId = "netconf-2015", Session = new Session { Id = "bpf-updates", Title = title }, UpdateMask = FieldMask.FromString("title") });
        }

        var first = await server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "netconf-2015", PageSize = 2 });
        var second = await server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "netconf-2015", PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(["Three", "Two", "One"], first.Versions.Concat(second.Versions).Select(v => v.Sessions[0].Title));
        Assert.Equal("", second.NextPageToken);
    }

    [Fact]
    public async Task AForgedPageTokenIsRefusedNamingTheField()
    {
        await using var server = await fixture.StartServerAsync();

        await RpcAssert.InvalidField("page_token", () => server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "netconf-2015", PageToken = "v1.3" }).ResponseAsync);
    }

    [Fact]
    public async Task AnUnknownConferenceIsNotFound()
    {
        await using var server = await fixture.StartServerAsync();

        await RpcAssert.FailsWith(StatusCode.NotFound, () => server.Client.ListPublicChangesAsync(new ListPublicChangesRequest { ConferenceId = "netconf-1999" }).ResponseAsync);
    }

    private static (Domain.Conference Conference, Domain.IncomingSession[] Sessions) BigAgenda(int count)
    {
        var day = new DateOnly(2026, 2, 1);
        var zone = Domain.ConferenceTimeZone.FromId("Europe/Brussels");
        var conference = new Domain.Conference("big", "Big", "", "", "", zone.Id, "", "", "", "", [day], [], null, 0, DateTimeOffset.MinValue)
        {
            Rooms = [.. Enumerable.Range(0, 30).Select(r => new Domain.Room($"room-{r}", $"Room {r}"))],
        };
        var sessions = Enumerable.Range(0, count).Select(i =>
        {
            var start = zone.ToInstant(day, new TimeOnly(9, 0)).AddMinutes(i / 30 * 30);
            return new Domain.IncomingSession(
                new Domain.Session("", new Domain.SessionContent { Title = $"Talk {i}", Start = start, End = start.AddMinutes(25), RoomId = $"room-{i % 30}", SourceGuid = $"guid-{i}" }),
                [],
                $"{i + 1}:1");
        }).ToArray();
        return (conference, sessions);
    }
}
