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

    /// <summary>
    /// The partition in one query. A query of more than one page is not atomic, so when it took several pages the
    /// conference row is read again: the same version means no write landed in between (every write raises it).
    /// </summary>
    public Task<AgendaSnapshot?> LoadAsync(string conferenceId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var (agenda, pages) = await QueryPartitionAsync(conferenceId, cancellationToken);
                if (agenda is null || pages <= 1)
                {
                    return agenda;
                }

                var now = await table.GetEntityIfExistsAsync<TableEntity>(conferenceId, RowKeys.Conference, cancellationToken: cancellationToken);
                if (now.HasValue && now.Value!.ETag.ToString() == agenda.Conference.ETag)
                {
                    return agenda;
                }

                if (attempt == MaxVersionRetries)
                {
                    throw new ConcurrencyConflictException($"conferences/{conferenceId}", etagWasSupplied: false);
                }

                LogTornRead(conferenceId, attempt);
            }
        });

    private async Task<(AgendaSnapshot? Agenda, int Pages)> QueryPartitionAsync(string conferenceId, CancellationToken cancellationToken)
    {
        Conference? conference = null;
        var sessions = new List<Session>();
        var speakers = new List<Speaker>();
        var sponsors = new List<Sponsor>();
        var pages = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {conferenceId} and RowKey ge {RowKeys.Conference}");
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages())
            {
                pages++;
                foreach (var entity in page.Values)
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
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, pages);
        }

        return (conference is null ? null : new AgendaSnapshot(conference, sessions, speakers, sponsors), pages);
    }

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

    public Task<Session> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(basis, session, TableTransactionActionType.Add, ETag.All, change, requestId, cancellationToken);

    public Task<Session> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken) =>
        WriteAsync(basis, session, TableTransactionActionType.UpdateReplace, new ETag(expectedETag), change, "", cancellationToken);

    public Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var row = await table.GetEntityIfExistsAsync<RequestEntity>(conferenceId, RowKeys.Request(requestId), cancellationToken: cancellationToken);
            return row.HasValue ? row.Value!.SessionId : null;
        });

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

    /// <summary>
    /// One entity-group transaction: the session (guarded by its etag), the conference row raised to the next
    /// version (guarded by the etag it had when the writer read the agenda) and the change record. No read first.
    /// </summary>
    private Task<Session> WriteAsync(
        Conference basis, Session session, TableTransactionActionType action, ETag sessionETag, AgendaChange change, string requestId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var conferenceId = basis.Id;
            var sessionEntity = EntityMapping.ToEntity(conferenceId, session);
            sessionEntity.ETag = sessionETag;
            var version = basis.AgendaVersion + 1;
            var bump = new TableEntity(conferenceId, RowKeys.Conference)
            {
                [nameof(ConferenceEntity.AgendaVersion)] = version,
                [nameof(ConferenceEntity.AgendaUpdateTime)] = change.Time,
            };
            List<TableTransactionAction> actions =
            [
                new(action, sessionEntity, sessionETag),
                new(TableTransactionActionType.UpdateMerge, bump, new ETag(basis.ETag)),
                new(TableTransactionActionType.Add, EntityMapping.ToEntity(conferenceId, version, change, session)),
            ];
            if (requestId.Length > 0)
            {
                actions.Add(new(TableTransactionActionType.Add, new RequestEntity { PartitionKey = conferenceId, RowKey = RowKeys.Request(requestId), SessionId = session.Id, Time = change.Time }));
            }

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

                LogVersionRace(conferenceId, session.Id, basis.AgendaVersion);
                throw new AgendaMovedException(conferenceId);
            }
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

    [LoggerMessage(LogLevel.Debug, "Agenda of {ConferenceId} moved past version {Version} while session {SessionId} was written.")]
    private partial void LogVersionRace(string conferenceId, string sessionId, long version);

    [LoggerMessage(LogLevel.Debug, "Agenda of {ConferenceId} changed while it was read in pages; reading again (attempt {Attempt}).")]
    private partial void LogTornRead(string conferenceId, int attempt);

    [LoggerMessage(LogLevel.Warning, "Agenda storage cannot be reached.")]
    private partial void LogUnavailable(Exception exception);
}
