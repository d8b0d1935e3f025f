using System.Text.Json;
using NetconfCloud.Schedule;

namespace NetconfCloud.Site.Tests;

public class NowAndNextTests
{
    private static readonly AgendaSnapshot Netconf = PageAgendas.Netconf;

    private static Session[] Ordered(AgendaSnapshot agenda) => [.. agenda.Sessions.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal)];

    private static string Section(AgendaSnapshot agenda, DateTimeOffset at) =>
        PageAgendas.Parse(ConferencePage.NowPage(agenda, at, Agendas.Options, SiteLanguage.English)).GetElementById("now")!.TextContent;

    [Fact]
    public void BeforeTheConferenceItSaysWhenItStarts()
    {
        var first = Ordered(Netconf)[0];
        var at = first.Start.AddHours(-20);

        var report = NowAndNext.Of(Netconf, at);

        var local = Netconf.Conference.TimeZone.ToLocal(first.Start);
        Assert.Equal(ConferencePhase.Before, report.Phase);
        Assert.Contains($"Starts {Conference.DayTitle(DateOnly.FromDateTime(local.DateTime))} at {PageAgendas.Local(Netconf, first.Start)}.", Section(Netconf, at), StringComparison.Ordinal);
        Assert.Equal(first, Assert.Single(report.Rooms).Next);
        Assert.Null(report.Rooms[0].Now);
    }

    [Fact]
    public void DuringATalkItIsOnNowAndTheFollowingSessionIsNext()
    {
        var sessions = Ordered(Netconf);
        var at = sessions[0].Start.AddMinutes(10);

        var row = Assert.Single(NowAndNext.Of(Netconf, at).Rooms);

        Assert.Equal((NowAndNext.Everywhere, sessions[0], sessions[1]), (row.Room, row.Now, row.Next));
        Assert.Contains(FeedText.Summary(sessions[0]), Section(Netconf, at), StringComparison.Ordinal);
    }

    [Fact]
    public void DuringABreakTheBreakIsOnNow()
    {
        var pause = Ordered(Netconf).First(s => s.Kind == SessionKind.Break);

        var report = NowAndNext.Of(Netconf, pause.Start.AddMinutes(5));

        Assert.Equal(ConferencePhase.During, report.Phase);
        Assert.Equal(pause, report.Rooms[0].Now);
        Assert.True(report.Rooms[0].Next!.Start >= pause.End);
    }

    [Fact]
    public void ASessionEndingAtTheInstantIsNoLongerOn()
    {
        var sessions = Ordered(Netconf);

        var row = NowAndNext.Of(Netconf, sessions[0].End).Rooms[0];

        Assert.Equal(sessions[1], row.Now);
    }

    [Fact]
    public void BetweenTheDaysNothingIsOnAndTheNextDaysFirstSessionIsNext()
    {
        var zone = Netconf.Conference.TimeZone;
        var firstDay = Netconf.Sessions.Where(s => zone.DayOf(s.Start) == Netconf.Conference.Days[0]).ToArray();
        var nextDayFirst = Ordered(Netconf).First(s => zone.DayOf(s.Start) == Netconf.Conference.Days[1]);

        var report = NowAndNext.Of(Netconf, firstDay.Max(s => s.End).AddHours(1));

        Assert.Equal(ConferencePhase.During, report.Phase);
        Assert.Null(report.Rooms[0].Now);
        Assert.Equal(nextDayFirst, report.Rooms[0].Next);
    }

    [Fact]
    public void AfterTheConferenceItHasEnded()
    {
        var at = Netconf.Sessions.Max(s => s.End);

        var report = NowAndNext.Of(Netconf, at);

        Assert.Equal(ConferencePhase.After, report.Phase);
        Assert.All(report.Rooms, r => Assert.Equal((null, null), (r.Now, r.Next)));
        Assert.Contains("The conference has ended.", Section(Netconf, at), StringComparison.Ordinal);
    }

    [Fact]
    public void ACancelledSessionIsNeverOnNorNext()
    {
        var sessions = Ordered(Netconf);
        var agenda = Netconf.With(sessions[1].Id, s => s with { Status = SessionStatus.Cancelled }, Agendas.SeededAt.AddDays(1));

        var row = NowAndNext.Of(agenda, sessions[0].Start).Rooms[0];

        Assert.Equal(sessions[0].Id, row.Now!.Id);
        Assert.Equal(sessions[2].Id, row.Next!.Id);
    }

    [Fact]
    public void EachRoomHasItsRowAndSessionsInNoRoomTheirOwn()
    {
        var agenda = PageAgendas.TwoRooms;
        var first = Ordered(agenda)[0];

        var report = NowAndNext.Of(agenda, first.Start.AddMinutes(1));

        Assert.Equal(["Hall A", "Hall B", NowAndNext.Everywhere], report.Rooms.Select(r => r.Room));
        Assert.Equal(first, report.Rooms.Single(r => r.RoomId == first.RoomId).Now);
        Assert.Null(report.Rooms.Single(r => r.RoomId != first.RoomId && r.RoomId.Length > 0).Now);
        Assert.All(report.Rooms, r => Assert.True(r.Next is null || r.Next.RoomId == r.RoomId));
    }

    [Fact]
    public void TheJsonDocumentHasTheInstantZoneRoomsAndSessionLinks()
    {
        var sessions = Ordered(Netconf);
        var at = sessions[0].Start.AddMinutes(10);

        using var json = JsonDocument.Parse(NowAndNext.Of(Netconf, at).ToJson(Agendas.Options));

        var root = json.RootElement;
        Assert.Equal("netconf-2015", root.GetProperty("conferenceId").GetString());
        Assert.Equal(at, root.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(Netconf.Conference.TimeZone.ToLocal(at).Offset, root.GetProperty("at").GetDateTimeOffset().Offset);
        Assert.Equal("America/Toronto", root.GetProperty("timeZone").GetString());
        Assert.Equal("during", root.GetProperty("status").GetString());
        var room = Assert.Single(root.GetProperty("rooms").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, room.GetProperty("roomId").ValueKind);
        var now = room.GetProperty("now");
        Assert.Equal(sessions[0].Id, now.GetProperty("id").GetString());
        Assert.Equal(FeedText.Summary(sessions[0]), now.GetProperty("title").GetString());
        Assert.Equal(sessions[0].Start, now.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(sessions[0].End, now.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(sessions[0].Speakers.Select(s => s.Name), now.GetProperty("speakers").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal($"https://feeds.example.test/api/netconf-2015/sessions/{sessions[0].Id}", now.GetProperty("url").GetString());
        Assert.Equal(sessions[1].Id, room.GetProperty("next").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("2015-02-12T10:15:00-05:00", "2015-02-12T15:15:00Z")]
    [InlineData("2015-02-12T10:15-05:00", "2015-02-12T15:15:00Z")]
    [InlineData("2015-02-12T15:15:00Z", "2015-02-12T15:15:00Z")]
    [InlineData("2015-02-12T16:15:00 01:00", "2015-02-12T15:15:00Z")]
    public void AnInstantWithAnOffsetIsAccepted(string text, string utc)
    {
        Assert.True(NowAndNext.TryParseInstant(text, out var at));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("2015-02-12T10:15:00")]
    [InlineData("2015-02-12")]
    [InlineData("tomorrow")]
    [InlineData("2015-13-12T10:15:00Z")]
    public void AnInstantWithoutAnOffsetOrMalformedIsRefused(string text) =>
        Assert.False(NowAndNext.TryParseInstant(text, out _));

    [Fact]
    public void WhatItShowsLastChangedAtTheLatestSessionBoundary()
    {
        var sessions = Ordered(Netconf);

        var report = NowAndNext.Of(Netconf, sessions[0].Start.AddMinutes(10));

        Assert.Equal(sessions[0].Start > Netconf.Conference.AgendaUpdateTime ? sessions[0].Start : Netconf.Conference.AgendaUpdateTime, report.LastChange);
    }
}
