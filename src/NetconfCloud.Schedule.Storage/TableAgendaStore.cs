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
/// <remarks>
/// An edit too large for one transaction (100 operations: an import of thousands of sessions) is staged: its rows
/// are first written under <c>stage:{edit}:</c> keys, which readers ignore; then one transaction commits it by
/// raising the version and naming the edit on the conference row (<c>PendingEdit</c>), and from then on readers lay
/// the staged rows over the real ones. The rows are then moved into place and the name cleared. A reader thus sees
/// the agenda before the edit or after it, never half of it; an edit interrupted before its commit leaves the agenda
/// as it was, and one interrupted after it is moved into place by the next writer.
/// </remarks>
internal sealed partial class TableAgendaStore(
    TableClient table, [FromKeyedServices(TableAgendaStore.WritesKey)] TableClient writes, ILogger<TableAgendaStore> logger) : IAgendaStore
{
    public const string WritesKey = "agenda-writes";

    private const int MaxVersionRetries = 16;

    /// <summary>An entity-group transaction holds at most this many operations.</summary>
    private const int MaxTransactionOperations = 100;

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
        }, cancellationToken);

    private async Task<(AgendaSnapshot? Agenda, int Pages)> QueryPartitionAsync(string conferenceId, CancellationToken cancellationToken)
    {
        TableEntity? conferenceRow = null;
        var rows = new SortedDictionary<string, TableEntity>(StringComparer.Ordinal);
        var staged = new List<TableEntity>();
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
                            conferenceRow = entity;
                            break;
                        case var key when key.StartsWith(RowKeys.StagePrefix, StringComparison.Ordinal):
                            staged.Add(entity);
                            break;
                        case var key when !key.StartsWith(RowKeys.RequestPrefix, StringComparison.Ordinal):
                            rows[key] = entity;
                            break;
                    }
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (null, pages);
        }

        if (conferenceRow is null)
        {
            return (null, pages);
        }

        if (EntityMapping.PendingEdit(conferenceRow) is { Length: > 0 } pending)
        {
            StagedRows.Overlay(rows, staged, pending);
        }

        var sessions = new List<Session>();
        var speakers = new List<Speaker>();
        var sponsors = new List<Sponsor>();
        foreach (var (key, entity) in rows)
        {
            if (key.StartsWith(RowKeys.SessionPrefix, StringComparison.Ordinal))
            {
                sessions.Add(EntityMapping.ToSession(entity));
            }
            else if (key.StartsWith(RowKeys.SpeakerPrefix, StringComparison.Ordinal))
            {
                speakers.Add(EntityMapping.ToSpeaker(entity));
            }
            else if (key.StartsWith(RowKeys.SponsorPrefix, StringComparison.Ordinal))
            {
                sponsors.Add(EntityMapping.ToSponsor(entity));
            }
        }

        var conference = EntityMapping.ToConference(conferenceRow);
        return (new AgendaSnapshot(conference, sessions, speakers, sponsors), pages);
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
        }, cancellationToken);

    public Task<SavedSession> AddSessionAsync(Conference basis, Session session, AgendaChange change, string requestId, CancellationToken cancellationToken) =>
        WriteAsync(basis, session, TableTransactionActionType.Add, ETag.All, change, requestId, cancellationToken);

    public Task<SavedSession> ReplaceSessionAsync(Conference basis, Session session, string expectedETag, AgendaChange change, CancellationToken cancellationToken) =>
        WriteAsync(basis, session, TableTransactionActionType.UpdateReplace, new ETag(expectedETag), change, "", cancellationToken);

    public Task<string?> FindCreatedByRequestAsync(string conferenceId, string requestId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var row = await table.GetEntityIfExistsAsync<RequestEntity>(conferenceId, RowKeys.Request(requestId), cancellationToken: cancellationToken);
            return row.HasValue ? row.Value!.SessionId : null;
        }, cancellationToken);

    public Task<IReadOnlyList<RecordedChange>> ReadChangesAsync(string conferenceId, long afterVersion, int max, CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<RecordedChange>>(async () =>
        {
            var from = RowKeys.Change(Math.Max(afterVersion, 0));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {conferenceId} and RowKey gt {from} and RowKey lt {RowKeys.ChangeEnd}");
            var changes = new List<RecordedChange>();
            try
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
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
        }, cancellationToken);

    public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<Conference>>(async () =>
        {
            var conferences = new List<Conference>();
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {RowKeys.Conference}"), cancellationToken: cancellationToken))
                {
                    conferences.Add(EntityMapping.ToConference(row));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return [];
            }

            return [.. conferences.OrderBy(c => c.Id, StringComparer.Ordinal)];
        }, cancellationToken);

    public Task<Conference> CreateConferenceAsync(Conference conference, AgendaChange change, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var created = conference with { AgendaVersion = 1, AgendaUpdateTime = change.Time };
            try
            {
                var responses = await writes.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, EntityMapping.ToEntity(created)),
                        new TableTransactionAction(TableTransactionActionType.Add, EntityMapping.ToEntity(created.Id, 1, change, session: null)),
                    ],
                    cancellationToken);
                return created with { ETag = responses.Value[0].Headers.ETag?.ToString() ?? "" };
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                throw new AlreadyExistsException($"conferences/{conference.Id}");
            }
        }, cancellationToken);

    public Task<Conference> CommitAsync(Conference basis, AgendaEdit edit, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await FinishPendingEditAsync(basis, cancellationToken);
            var version = basis.AgendaVersion + 1;
            var conference = (edit.Conference ?? basis) with { Id = basis.Id, AgendaVersion = version, AgendaUpdateTime = edit.Change.Time };
            var rows = StagedRows.Operations(basis.Id, edit);
            if (rows.Count + 2 <= MaxTransactionOperations)
            {
                List<TableTransactionAction> actions = [ConferenceAction(conference, basis.ETag, pendingEdit: ""), ChangeAction(conference, edit.Change), .. rows];
                return conference with { ETag = await SubmitGuardedAsync(basis, actions, cancellationToken) };
            }

            var editId = Guid.NewGuid().ToString("N");
            await DeleteAbandonedStagesAsync(basis.Id, cancellationToken);
            foreach (var batch in rows.Select(row => StagedRows.Stage(editId, row)).Chunk(MaxTransactionOperations))
            {
                await writes.SubmitTransactionAsync(batch, cancellationToken);
            }

            string etag;
            try
            {
                etag = await SubmitGuardedAsync(basis, [ConferenceAction(conference, basis.ETag, editId), ChangeAction(conference, edit.Change)], cancellationToken);
            }
            catch (AgendaMovedException)
            {
                await DeleteStageAsync(basis.Id, editId, cancellationToken);
                throw;
            }

            LogStagedCommit(basis.Id, version, rows.Count);
            var committed = conference with { ETag = etag };
            return await MoveStagedRowsAsync(committed, editId, cancellationToken) ?? await LoadConferenceAsync(basis.Id, cancellationToken) ?? committed;
        }, cancellationToken);

    /// <summary>The conference row at the edit's version; with an edit id, naming the edit whose rows are staged.</summary>
    private static TableTransactionAction ConferenceAction(Conference conference, string basisETag, string pendingEdit)
    {
        var entity = EntityMapping.ToEntity(conference);
        entity.PendingEdit = pendingEdit;
        return new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(basisETag));
    }

    private static TableTransactionAction ChangeAction(Conference conference, AgendaChange change) =>
        new(TableTransactionActionType.Add, EntityMapping.ToEntity(conference.Id, conference.AgendaVersion, change, session: null));

    /// <summary>Submits a transaction whose first action is guarded by the basis etag; the conference row's new etag.</summary>
    private async Task<string> SubmitGuardedAsync(Conference basis, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var responses = await writes.SubmitTransactionAsync(actions, cancellationToken);
            return responses.Value[0].Headers.ETag?.ToString()
                ?? (await table.GetEntityAsync<TableEntity>(basis.Id, RowKeys.Conference, cancellationToken: cancellationToken)).Value.ETag.ToString();
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            LogVersionRace(basis.Id, "(edit)", basis.AgendaVersion);
            throw new AgendaMovedException(basis.Id);
        }
    }

    /// <summary>
    /// When <paramref name="basis"/> names a committed edit whose rows are staged, moves them into place and throws
    /// <see cref="AgendaMovedException"/>: the writer reads the agenda again and writes on top of the finished edit.
    /// </summary>
    private async Task FinishPendingEditAsync(Conference basis, CancellationToken cancellationToken)
    {
        if (basis.PendingEdit.Length == 0)
        {
            return;
        }

        await MoveStagedRowsAsync(basis, basis.PendingEdit, cancellationToken);
        throw new AgendaMovedException(basis.Id);
    }

    /// <summary>
    /// Moves a committed edit's staged rows into place, a batch per transaction. Each batch also touches the
    /// conference row under the etag the previous one left, so that a mover that lost the race (another finished
    /// first and a writer has written since) stops instead of writing old rows over new ones. Then the edit's name is
    /// cleared, and its staged rows deleted. Returns the conference as left, or null when another mover took over.
    /// </summary>
    private async Task<Conference?> MoveStagedRowsAsync(Conference committed, string editId, CancellationToken cancellationToken)
    {
        var staged = new List<TableEntity>();
        var prefix = RowKeys.StageOf(editId);
        await foreach (var row in table.QueryAsync<TableEntity>(StagedRows.RangeFilter(committed.Id, prefix), cancellationToken: cancellationToken))
        {
            staged.Add(row);
        }

        var etag = committed.ETag;
        try
        {
            foreach (var batch in staged.Where(row => !StagedRows.IsDelete(row)).Select(row => StagedRows.Unstage(row, prefix)).Chunk(MaxTransactionOperations - 1))
            {
                var touch = new TableEntity(committed.Id, RowKeys.Conference) { [nameof(ConferenceEntity.PendingEdit)] = editId };
                List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateMerge, touch, new ETag(etag)), .. batch];
                etag = (await writes.SubmitTransactionAsync(actions, cancellationToken)).Value[0].Headers.ETag?.ToString()
                    ?? throw new InvalidOperationException("Storage returned no etag for the conference row.");
            }

            foreach (var removed in staged.Where(StagedRows.IsDelete))
            {
                await DeleteIfExistsAsync(committed.Id, StagedRows.Target(removed, prefix), cancellationToken);
            }

            var clear = new TableEntity(committed.Id, RowKeys.Conference) { [nameof(ConferenceEntity.PendingEdit)] = "" };
            etag = (await writes.UpdateEntityAsync(clear, new ETag(etag), TableUpdateMode.Merge, cancellationToken)).Headers.ETag?.ToString() ?? "";
        }
        catch (Exception ex) when (ex is TableTransactionFailedException { Status: 412 or 409 } or RequestFailedException { Status: 412 })
        {
            LogMoveTakenOver(committed.Id, editId);
            return null;
        }

        await DeleteStageAsync(committed.Id, editId, cancellationToken);
        return committed with { ETag = etag, PendingEdit = "" };
    }

    private async Task DeleteIfExistsAsync(string conferenceId, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await writes.DeleteEntityAsync(conferenceId, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Removed by an earlier mover.
        }
    }

    private Task DeleteStageAsync(string conferenceId, string editId, CancellationToken cancellationToken) =>
        DeleteRowsAsync(conferenceId, StagedRows.RangeFilter(conferenceId, RowKeys.StageOf(editId)), _ => true, cancellationToken);

    /// <summary>How old the staged rows of an edit that never committed must be before a later edit clears them.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Staged rows of edits that never committed (a writer stopped midway): garbage that no reader looks at. Only rows
    /// an hour old go, so that another writer's edit being staged right now keeps its rows.
    /// </summary>
    private Task DeleteAbandonedStagesAsync(string conferenceId, CancellationToken cancellationToken)
    {
        var cutoff = DateTimeOffset.UtcNow - AbandonedAfter;
        return DeleteRowsAsync(conferenceId, StagedRows.RangeFilter(conferenceId, RowKeys.StagePrefix), row => row.Timestamp < cutoff, cancellationToken);
    }

    private async Task DeleteRowsAsync(string conferenceId, string filter, Func<TableEntity, bool> which, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Timestamp"], cancellationToken: cancellationToken))
        {
            if (which(row))
            {
                keys.Add(row.RowKey);
            }
        }

        foreach (var batch in keys.Chunk(MaxTransactionOperations))
        {
            try
            {
                await writes.SubmitTransactionAsync(batch.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(conferenceId, key), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var key in batch)
                {
                    await DeleteIfExistsAsync(conferenceId, key, cancellationToken);
                }
            }
        }
    }

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
        }, cancellationToken);

    /// <summary>
    /// One entity-group transaction: the session (guarded by its etag), the conference row raised to the next
    /// version (guarded by the etag it had when the writer read the agenda) and the change record. No read first.
    /// </summary>
    private Task<SavedSession> WriteAsync(
        Conference basis, Session session, TableTransactionActionType action, ETag sessionETag, AgendaChange change, string requestId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var conferenceId = basis.Id;
            await FinishPendingEditAsync(basis, cancellationToken);
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
                var written = responses.Value[0].Headers.ETag is { } sessionETag
                    ? session with { ETag = sessionETag.ToString() }
                    : await ReadSessionAsync(conferenceId, session.Id, cancellationToken);
                var conference = basis with { AgendaVersion = version, AgendaUpdateTime = change.Time, ETag = responses.Value[1].Headers.ETag?.ToString() ?? "" };
                if (conference.ETag.Length == 0)
                {
                    conference = await LoadConferenceAsync(conferenceId, cancellationToken) ?? conference;
                }

                return new SavedSession(written, conference);
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
        }, cancellationToken);

    private async Task<AgendaException?> SessionConflictAsync(
        string conferenceId, string sessionId, TableTransactionActionType action, ETag expected, CancellationToken cancellationToken)
    {
        var current = await table.GetEntityIfExistsAsync<TableEntity>(conferenceId, RowKeys.Session(sessionId), select: ["RowKey"], cancellationToken: cancellationToken);
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
    private async Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (StorageErrors.IsUnreachable(ex, cancellationToken))
        {
            LogUnavailable(ex);
            throw new StorageUnavailableException("Agenda storage cannot be reached; try again shortly.", ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Seeded conference {ConferenceId} with {SessionCount} sessions.")]
    private partial void LogSeeded(string conferenceId, int sessionCount);

    [LoggerMessage(LogLevel.Information, "Conference {ConferenceId} is in storage already; the seed leaves it as it is.")]
    private partial void LogAlreadySeeded(string conferenceId);

    [LoggerMessage(LogLevel.Debug, "Agenda of {ConferenceId} moved past version {Version} while session {SessionId} was written.")]
    private partial void LogVersionRace(string conferenceId, string sessionId, long version);

    [LoggerMessage(LogLevel.Debug, "Agenda of {ConferenceId} changed while it was read in pages; reading again (attempt {Attempt}).")]
    private partial void LogTornRead(string conferenceId, int attempt);

    [LoggerMessage(LogLevel.Information, "Agenda of {ConferenceId} moved to version {Version} by an edit of {RowCount} rows, staged.")]
    private partial void LogStagedCommit(string conferenceId, long version, int rowCount);

    [LoggerMessage(LogLevel.Debug, "Another writer finished moving edit {EditId} of {ConferenceId} into place.")]
    private partial void LogMoveTakenOver(string conferenceId, string editId);

    [LoggerMessage(LogLevel.Warning, "Agenda storage cannot be reached.")]
    private partial void LogUnavailable(Exception exception);
}
