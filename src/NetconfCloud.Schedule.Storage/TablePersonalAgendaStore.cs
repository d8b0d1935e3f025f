using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// Personal agendas in their own table: one row each, in the conference's partition, keyed by the hash of the id
/// (<see cref="PersonalAgendaId.StorageKey"/>), so the table holds no address. The picks are one column of session
/// ids (slugs, so a comma never occurs in one); 300 ids of 63 characters fit a string property's 32K characters.
/// </summary>
internal sealed class TablePersonalAgendaStore([FromKeyedServices(TablePersonalAgendaStore.TableKey)] TableClient table) : IPersonalAgendaStore
{
    public const string TableKey = "personal-agendas";

    public Task<PersonalAgenda> AddAsync(PersonalAgenda agenda, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            try
            {
                var response = await table.AddEntityAsync(ToEntity(agenda), cancellationToken);
                return agenda with { ETag = response.Headers.ETag?.ToString() ?? "" };
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                throw new AlreadyExistsException($"conferences/{agenda.ConferenceId}/personalAgendas");
            }
        }, cancellationToken);

    public Task<PersonalAgenda?> GetAsync(string conferenceId, string id, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(conferenceId, PersonalAgendaId.StorageKey(id), cancellationToken: cancellationToken);
            return row.HasValue ? ToDomain(row.Value!, id) : null;
        }, cancellationToken);

    public Task<PersonalAgenda> ReplaceAsync(PersonalAgenda agenda, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            try
            {
                var response = await table.UpdateEntityAsync(ToEntity(agenda), new ETag(agenda.ETag), TableUpdateMode.Replace, cancellationToken);
                return agenda with { ETag = response.Headers.ETag?.ToString() ?? "" };
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
                throw new ConcurrencyConflictException($"conferences/{agenda.ConferenceId}/personalAgendas", etagWasSupplied: false);
            }
        }, cancellationToken);

    private static TableEntity ToEntity(PersonalAgenda agenda) =>
        new(agenda.ConferenceId, PersonalAgendaId.StorageKey(agenda.Id))
        {
            ["SessionIds"] = string.Join(',', agenda.SessionIds),
            ["CreateTime"] = agenda.CreateTime,
            ["UpdateTime"] = agenda.UpdateTime,
            ["RevokeTime"] = agenda.RevokeTime,
        };

    private static PersonalAgenda ToDomain(TableEntity row, string id) =>
        new(
            id,
            row.PartitionKey,
            (row.GetString("SessionIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            row.GetDateTimeOffset("CreateTime") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("UpdateTime") ?? DateTimeOffset.MinValue)
        {
            RevokeTime = row.GetDateTimeOffset("RevokeTime"),
            ETag = row.ETag.ToString(),
        };

    private static async Task<T> Guard<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation();
        }
        catch (Exception ex) when (StorageErrors.IsUnreachable(ex, cancellationToken))
        {
            throw new StorageUnavailableException("Personal agenda storage cannot be reached; try again shortly.", ex);
        }
    }
}
