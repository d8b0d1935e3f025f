using System.Collections.Concurrent;
using System.Reflection;
using Azure;
using Azure.Data.Tables;

namespace NetconfCloud.Schedule.Storage;

/// <summary>
/// The rows of an edit, and their staged copies: a staged row is the row itself under the key
/// <c>stage:{edit}:{row key}</c>, with a column <see cref="Operation"/> that says whether it is written or removed.
/// </summary>
internal static class StagedRows
{
    public const string Operation = "StagedOperation";

    private const string Upsert = "upsert";
    private const string Delete = "delete";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Columns = new();

    /// <summary>Every row the edit writes or removes, as transaction actions (the conference row and change record aside).</summary>
    public static List<TableTransactionAction> Operations(string conferenceId, AgendaEdit edit)
    {
        var actions = new List<TableTransactionAction>(edit.RowCount);
        actions.AddRange(edit.Sessions.Select(s => Write(EntityMapping.ToEntity(conferenceId, s))));
        actions.AddRange(edit.Speakers.Select(s => Write(EntityMapping.ToEntity(conferenceId, s))));
        actions.AddRange(edit.Sponsors.Select(s => Write(EntityMapping.ToEntity(conferenceId, s))));
        actions.AddRange(edit.RemovedSpeakerIds.Select(id => Remove(conferenceId, RowKeys.Speaker(id))));
        actions.AddRange(edit.RemovedSponsorOrders.Select(order => Remove(conferenceId, RowKeys.Sponsor(order))));
        return actions;
    }

    /// <summary>The staged copy of a row action, written before the edit commits.</summary>
    public static TableTransactionAction Stage(string editId, TableTransactionAction action)
    {
        var row = action.Entity;
        var staged = new TableEntity(Properties(row)) { PartitionKey = row.PartitionKey, RowKey = RowKeys.Stage(editId, row.RowKey) };
        staged[Operation] = action.ActionType == TableTransactionActionType.Delete ? Delete : Upsert;
        return new TableTransactionAction(TableTransactionActionType.UpsertReplace, staged);
    }

    public static bool IsDelete(TableEntity staged) => staged.GetString(Operation) == Delete;

    public static string Target(TableEntity staged, string prefix) => staged.RowKey[prefix.Length..];

    /// <summary>The row a staged copy stands for, written in place.</summary>
    public static TableTransactionAction Unstage(TableEntity staged, string prefix) =>
        new(TableTransactionActionType.UpsertReplace, AsTarget(staged, prefix));

    /// <summary>Lays a committed edit's staged rows over the rows read: what readers see until the rows are in place.</summary>
    public static void Overlay(IDictionary<string, TableEntity> rows, IEnumerable<TableEntity> staged, string editId)
    {
        var prefix = RowKeys.StageOf(editId);
        foreach (var row in staged.Where(r => r.RowKey.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (IsDelete(row))
            {
                rows.Remove(Target(row, prefix));
            }
            else
            {
                rows[Target(row, prefix)] = AsTarget(row, prefix);
            }
        }
    }

    /// <summary>Row keys that start with <paramref name="prefix"/> (which ends in ':', followed by ';').</summary>
    public static string RangeFilter(string conferenceId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {conferenceId} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + ";"}");

    private static TableEntity AsTarget(TableEntity staged, string prefix)
    {
        var target = new TableEntity(staged) { RowKey = Target(staged, prefix), ETag = staged.ETag };
        target.Remove(Operation);
        return target;
    }

    private static TableTransactionAction Write(ITableEntity row) => new(TableTransactionActionType.UpsertReplace, row);

    private static TableTransactionAction Remove(string conferenceId, string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(conferenceId, rowKey), ETag.All);

    /// <summary>A typed entity's columns, as the SDK would write them (a null is no column).</summary>
    private static Dictionary<string, object> Properties(ITableEntity row)
    {
        if (row is TableEntity dynamic)
        {
            return dynamic.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).ToDictionary(p => p.Key, p => p.Value);
        }

        var columns = Columns.GetOrAdd(row.GetType(), type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))]);
        return columns.Select(p => (p.Name, Value: p.GetValue(row))).Where(p => p.Value is not null).ToDictionary(p => p.Name, p => p.Value!);
    }
}
