using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Seed;

namespace NetconfCloud.Feeds.Tests;

internal static class Agendas
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static AgendaSnapshot Netconf2015 { get; } = AgendaSeed.LoadNetconf2015(SeededAt);

    public static FeedOptions Options { get; } = new() { PublicBaseUrl = new Uri("https://feeds.example.test/api"), RefreshMinutes = 60 };

    /// <summary>The agenda with one session changed as the schedule service would change it.</summary>
    public static AgendaSnapshot With(this AgendaSnapshot agenda, string sessionId, Func<Session, Session> change, DateTimeOffset at) => agenda with
    {
        Sessions = [.. agenda.Sessions.Select(s => s.Id == sessionId ? change(s) with { UpdateTime = at } : s)],
        Conference = agenda.Conference with { AgendaVersion = agenda.Conference.AgendaVersion + 1, AgendaUpdateTime = at },
    };

    public static FeedPublisher Publisher(IAgendaSource source) =>
        new(source, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<FeedPublisher>.Instance);

    public static async Task<string> RenderAsync(AgendaSnapshot agenda, FeedKind kind, string argument = "")
    {
        var result = await Publisher(new FakeAgendaSource(agenda)).GetAsync(kind, agenda.Conference.Id, argument, CancellationToken.None);
        Assert.Equal(FeedStatus.Ok, result.Status);
        return System.Text.Encoding.UTF8.GetString(result.Document!.Body);
    }
}

/// <summary>An agenda source whose agenda and availability a test controls.</summary>
internal sealed class FakeAgendaSource(AgendaSnapshot? agenda) : IAgendaSource
{
    public AgendaSnapshot? Agenda { get; set; } = agenda;

    public bool Unavailable { get; set; }

    public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
        Unavailable
            ? throw new AgendaSourceUnavailableException("down for the test")
            : Task.FromResult(Agenda?.Conference.Id == conferenceId ? Agenda : null);
}
