namespace NetconfCloud.Feeds;

/// <summary>Where the feeds read the agenda from (the schedule service, in production).</summary>
public interface IAgendaSource
{
    /// <summary>The conference's agenda, or null if there is no such conference.</summary>
    /// <exception cref="AgendaSourceUnavailableException">The source cannot be reached.</exception>
    Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken);
}

public sealed class AgendaSourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
