namespace NetconfCloud.Schedule;

/// <summary>Where a reader of whole agendas (the feeds, in production over gRPC) gets them from.</summary>
public interface IAgendaSource
{
    /// <summary>The conference's agenda, read at one agenda version, or null if there is no such conference.</summary>
    /// <exception cref="AgendaSourceUnavailableException">The source cannot be reached or does not answer well.</exception>
    Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken);

    /// <summary>Every conference (details only, no sessions), in id order.</summary>
    /// <exception cref="AgendaSourceUnavailableException">The source cannot be reached or does not answer well.</exception>
    Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken);
}

public sealed class AgendaSourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
