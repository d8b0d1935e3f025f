using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>
/// A whole agenda on the wire as a stream of chunks (ReadAgenda): the conference first, then sessions, speakers and
/// sponsors in chunks small enough for any agenda, every chunk stamped with the one version they were read at.
/// </summary>
public static class AgendaChunks
{
    /// <summary>Items per chunk: a chunk of sessions with long abstracts stays well under gRPC's 4 MB default.</summary>
    public const int ItemsPerChunk = 200;

    public static IEnumerable<Proto.AgendaChunk> Split(AgendaSnapshot agenda)
    {
        var version = agenda.Conference.AgendaVersion;
        var zone = agenda.Conference.TimeZone;
        yield return new Proto.AgendaChunk { AgendaVersion = version, Conference = WireMapping.ToWire(agenda.Conference) };
        foreach (var chunk in agenda.Sessions.Chunk(ItemsPerChunk))
        {
            yield return new Proto.AgendaChunk { AgendaVersion = version, Sessions = { chunk.Select(s => WireMapping.ToWire(s, zone)) } };
        }

        foreach (var chunk in agenda.Speakers.Chunk(ItemsPerChunk))
        {
            yield return new Proto.AgendaChunk { AgendaVersion = version, Speakers = { chunk.Select(WireMapping.ToWire) } };
        }

        foreach (var chunk in agenda.Sponsors.Chunk(ItemsPerChunk))
        {
            yield return new Proto.AgendaChunk { AgendaVersion = version, Sponsors = { chunk.Select(WireMapping.ToWire) } };
        }
    }

    public static Proto.AgendaChunk Unchanged(Conference conference) =>
        new() { AgendaVersion = conference.AgendaVersion, Conference = WireMapping.ToWire(conference), Unchanged = true };

    /// <summary>
    /// Reads a stream of chunks back into an agenda, or null when the stream says the agenda is unchanged.
    /// A stream that mixes versions or lacks its conference is refused: it is not one agenda.
    /// </summary>
    public static async Task<AgendaSnapshot?> AssembleAsync(IAsyncEnumerable<Proto.AgendaChunk> chunks, CancellationToken cancellationToken)
    {
        Conference? conference = null;
        var sessions = new List<Session>();
        var speakers = new List<Speaker>();
        var sponsors = new List<Sponsor>();
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
        {
            if (conference is null)
            {
                conference = chunk.Conference is { } first
                    ? WireMapping.ToDomain(first)
                    : throw new InvalidDataException("The agenda stream did not start with its conference.");
                if (chunk.Unchanged)
                {
                    return null;
                }
            }
            else if (chunk.AgendaVersion != conference.AgendaVersion)
            {
                throw new InvalidDataException($"The agenda stream mixed versions {conference.AgendaVersion} and {chunk.AgendaVersion}.");
            }

            sessions.AddRange(chunk.Sessions.Select(WireMapping.ToDomain));
            speakers.AddRange(chunk.Speakers.Select(WireMapping.ToDomain));
            sponsors.AddRange(chunk.Sponsors.Select(WireMapping.ToDomain));
        }

        return conference is null
            ? throw new InvalidDataException("The agenda stream was empty.")
            : new AgendaSnapshot(conference, sessions, speakers, sponsors);
    }
}
