using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetconfCloud.Schedule;
using NetconfCloud.Schedule.Seed;

namespace NetconfCloud.Feeds.Tests;

internal static class Agendas
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static long writes;

    /// <summary>The seed as the schedule service serves it: every session with its storage version.</summary>
    public static AgendaSnapshot Netconf2015 { get; } = Versioned(AgendaSeed.LoadNetconf2015(SeededAt));

    public static FeedOptions Options { get; } = new() { PublicBaseUrl = new Uri("https://feeds.example.test/api"), RefreshMinutes = 60 };

    /// <summary>The agenda with one session changed as the schedule service would change it (a new ETag too).</summary>
    public static AgendaSnapshot With(this AgendaSnapshot agenda, string sessionId, Func<Session, Session> change, DateTimeOffset at) => agenda with
    {
        Sessions = [.. agenda.Sessions.Select(s => s.Id == sessionId ? change(s) with { UpdateTime = at, ETag = NextETag() } : s)],
        Conference = agenda.Conference with { AgendaVersion = agenda.Conference.AgendaVersion + 1, AgendaUpdateTime = at },
    };

    public static FeedPublisher Publisher(IAgendaSource source, FeedOptions? options = null) =>
        new(source, Microsoft.Extensions.Options.Options.Create(options ?? Options), NullLogger<FeedPublisher>.Instance);

    /// <summary>The feed a request for the kind and argument would render.</summary>
    internal static FeedSelection Select(this AgendaSnapshot agenda, FeedKind kind, string argument = "") =>
        FeedKinds.Of(kind).Select!(FeedKey.Parse(kind, agenda.Conference.Id, argument), agenda)!;

    private static AgendaSnapshot Versioned(AgendaSnapshot agenda) =>
        agenda with { Sessions = [.. agenda.Sessions.Select(s => s with { ETag = NextETag() })] };

    private static string NextETag() => $"W/\"{Interlocked.Increment(ref writes)}\"";

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

    public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) =>
        Unavailable
            ? throw new AgendaSourceUnavailableException("down for the test")
            : Task.FromResult<IReadOnlyList<Conference>>(Agenda is null ? [] : [Agenda.Conference]);
}
