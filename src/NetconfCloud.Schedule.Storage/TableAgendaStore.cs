using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// The agenda in one Azure table, one partition per conference. A write is one entity-group transaction: the
/// session (guarded by its etag), the conference's agenda version (guarded by its own etag) and a change record.
/// Either all three land or none does.
/// </summary>
internal sealed partial class TableAgendaStore(
    TableClient table, [FromKeyedServices(TableAgendaStore.WritesKey)] TableClient writes, ILogger<TableAgendaStore> logger) : IAgendaStore
{
    public const string WritesKey = "agenda-writes";

    private const int MaxVersionRetries = 16;

    public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            Conference? conference = null;
            var sessions = new List<Session>();
            var speakers = new List<Speaker>();
            var sponsors = new List<Sponsor>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {conferenceId} and RowKey ge {RowKeys.Conference}");
            try
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    switch (entity.RowKey)
                    {
                        case RowKeys.Conference:
                            conference = EntityMapping.ToConference(entity);
                            break;
                        case var key when key.StartsWith(RowKeys.SessionPrefix, StringComparison.Ordinal):
                            sessions.Add(EntityMapping.ToSession(entity));
                            break;
                        case var key when key.StartsWith(RowKeys.SpeakerPrefix, StringComparison.Ordinal):
                            speakers.Add(EntityMapping.ToSpeaker(entity));
                            break;
                        case var key when key.StartsWith(RowKeys.SponsorPrefix, StringComparison.Ordinal):
                            sponsors.Add(EntityMapping.ToSponsor(entity));
                            break;
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }

            return conference is null ? null : new AgendaSnapshot(conference, sessions, speakers, sponsors);
        });

    public Task<Conference?> LoadConferenceAsync(string conferenceId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            try
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(conferenceId, RowKeys.Conference, cancellationToken: cancellationToken);
                return row.HasValue ? EntityMapping.ToConference(row.Value!) : null;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
        });

    public Task<Session> AddSessionAsync(string conferenceId, Session session, AgendaChange change, CancellationToken cancellationToken) =>
        WriteAsync(conferenceId, session, TableTransactionActionType.Add, ETag.All, change, cancellationToken);

    public Task<Session> ReplaceSessionAsync(string conferenceId, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken) =>
        WriteAsync(conferenceId, session, TableTransactionActionType.UpdateReplace, new ETag(expectedETag), change, cancellationToken);

    public Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<RecordedChange>>(async () =>
        {
            var from = RowKeys.Change(Math.Max(afterVersion, 0));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {conferenceId} and RowKey gt {from} and RowKey lt {RowKeys.ChangeEnd}");
            var changes = new List<RecordedChange>();
            try
            {
                await foreach (var entity in table.QueryAsync<ChangeEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
                {
                    changes.Add(EntityMapping.ToChange(entity));
                    if (changes.Count == max)
                    {
                        break;
                    }
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return [];
            }

            return changes;
        });

    public Task<bool> SeedAsync(AgendaSnapshot agenda, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var id = agenda.Conference.Id;
            var entities = new List<ITableEntity> { EntityMapping.ToEntity(agenda.Conference) };
            entities.AddRange(agenda.Sessions.Select(s => EntityMapping.ToEntity(id, s)));
            entities.AddRange(agenda.Speakers.Select(s => EntityMapping.ToEntity(id, s)));
            entities.AddRange(agenda.Sponsors.Select(s => EntityMapping.ToEntity(id, s)));
            if (entities.Count > 100)
            {
                throw new InvalidOperationException($"An agenda of {entities.Count} rows does not fit one transaction (100 at most).");
            }

            try
            {
                await writes.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                LogSeeded(id, agenda.Sessions.Count);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                LogAlreadySeeded(id);
                return false;
            }
        });

    private Task<Session> WriteAsync(
        string conferenceId, Session session, TableTransactionActionType action, ETag sessionETag, AgendaChange change, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var sessionEntity = EntityMapping.ToEntity(conferenceId, session);
            sessionEntity.ETag = sessionETag;
            for (var attempt = 0; attempt < MaxVersionRetries; attempt++)
            {
                var conference = (await table.GetEntityAsync<ConferenceEntity>(conferenceId, RowKeys.Conference, cancellationToken: cancellationToken)).Value;
                var version = conference.AgendaVersion + 1;
                var bump = new TableEntity(conferenceId, RowKeys.Conference)
                {
                    [nameof(ConferenceEntity.AgendaVersion)] = version,
                    [nameof(ConferenceEntity.AgendaUpdateTime)] = change.Time,
                    ETag = conference.ETag,
                };
                TableTransactionAction[] actions =
                [
                    new(action, sessionEntity, sessionETag),
                    new(TableTransactionActionType.UpdateMerge, bump, conference.ETag),
                    new(TableTransactionActionType.Add, EntityMapping.ToEntity(conferenceId, version, change, session)),
                ];
                try
                {
                    var responses = await writes.SubmitTransactionAsync(actions, cancellationToken);
                    var etag = responses.Value[0].Headers.ETag;
                    return etag is { } written
                        ? session with { ETag = written.ToString() }
                        : await ReadSessionAsync(conferenceId, session.Id, cancellationToken);
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
                {
                    if (await SessionConflictAsync(conferenceId, session.Id, action, sessionETag, cancellationToken) is { } conflict)
                    {
                        throw conflict;
                    }

                    // Another writer raised the agenda version first: read it again and retry.
                    LogVersionRace(conferenceId, session.Id, attempt + 1);
                }
            }

            throw new ConcurrencyConflictException($"conferences/{conferenceId}", etagWasSupplied: false);
        });

    private async Task<AgendaException?> SessionConflictAsync(
        string conferenceId, string sessionId, TableTransactionActionType action, ETag expected, CancellationToken cancellationToken)
    {
        var current = await table.GetEntityIfExistsAsync<SessionEntity>(conferenceId, RowKeys.Session(sessionId), cancellationToken: cancellationToken);
        var name = $"conferences/{conferenceId}/sessions/{sessionId}";
        return action switch
        {
            TableTransactionActionType.Add when current.HasValue => new AlreadyExistsException(name),
            TableTransactionActionType.UpdateReplace when !current.HasValue => new NotFoundException(name),
            TableTransactionActionType.UpdateReplace when current.Value!.ETag != expected => new ConcurrencyConflictException(name),
            _ => null,
        };
    }

    private async Task<Session> ReadSessionAsync(string conferenceId, string sessionId, CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityAsync<TableEntity>(conferenceId, RowKeys.Session(sessionId), cancellationToken: cancellationToken);
        return EntityMapping.ToSession(entity.Value);
    }

    /// <summary>Turns storage that cannot be reached into one domain error, so callers fail fast and clearly.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            LogUnavailable(ex);
            throw new StorageUnavailableException("Agenda storage cannot be reached; try again shortly.", ex);
        }
    }

    /// <summary>No answer from storage: refused or reset connections, time-outs, and the SDK's retries of them.</summary>
    private static bool IsUnreachable(Exception ex) => ex switch
    {
        HttpRequestException or TimeoutException => true,
        RequestFailedException { Status: 0 or >= 500 } => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsUnreachable),
        _ => ex.InnerException is { } inner && IsUnreachable(inner),
    };

    [LoggerMessage(LogLevel.Information, "Seeded conference {ConferenceId} with {SessionCount} sessions.")]
    private partial void LogSeeded(string conferenceId, int sessionCount);

    [LoggerMessage(LogLevel.Information, "Conference {ConferenceId} is in storage already; the seed leaves it as it is.")]
    private partial void LogAlreadySeeded(string conferenceId);

    [LoggerMessage(LogLevel.Debug, "Agenda version of {ConferenceId} moved while writing session {SessionId}; attempt {Attempt}.")]
    private partial void LogVersionRace(string conferenceId, string sessionId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Agenda storage cannot be reached.")]
    private partial void LogUnavailable(Exception exception);
}
