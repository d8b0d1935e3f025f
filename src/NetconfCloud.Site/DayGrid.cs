namespace NetconfCloud.Site;

/// <summary>One cell of a room's column: the sessions starting there (none for a gap or a continuation) and the rows it spans.</summary>
public sealed record GridCell(IReadOnlyList<Session> Sessions, int RowSpan, bool Continues);

/// <summary>
/// One row of a day's grid: a start time with one cell (or none, where a cell above spans it) per room column; or a
/// row of sessions held in no room (a break for everyone), across every column.
/// </summary>
public sealed record GridRow(DateTimeOffset Start, IReadOnlyList<GridCell?> Cells, IReadOnlyList<Session> Everywhere)
{
    public bool IsEverywhere => Everywhere.Count > 0;

    /// <summary>Whether any session starts in this row (a row where talks only end shows no time in a list).</summary>
    public bool HasStarts => IsEverywhere || Cells.Any(c => c is { Sessions.Count: > 0, Continues: false });
}

/// <summary>
/// A day laid out with rooms as columns and instants as rows: a row at each instant a session starts or ends, and each
/// session in one cell of its room's column that spans the rows of its length, so that every cell stands under its
/// room's heading however many cells are empty. Sessions overlapping in one room share a cell. Sessions held in no
/// room get a row across all columns; a session running across such a row continues in a cell of its own below it.
/// </summary>
public sealed class DayGrid
{
    private DayGrid(IReadOnlyList<Room> columns, IReadOnlyList<GridRow> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<Room> Columns { get; }

    public IReadOnlyList<GridRow> Rows { get; }

    /// <summary>The grid of <paramref name="held"/> (one day's sessions) over the rooms they use, in the conference's order.</summary>
    public static DayGrid Of(IReadOnlyList<Session> held, IReadOnlyList<Room> rooms)
    {
        var columns = rooms.Where(r => held.Any(s => s.RoomId == r.Id)).ToArray();
        var inColumns = columns.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var placed = held.Where(s => inColumns.Contains(s.RoomId)).ToArray();
        var everywhere = held.Where(s => !inColumns.Contains(s.RoomId)).ToLookup(s => s.Start);

        // Rows: every start, every end but the last (nothing begins at the day's last end), and every roomless start.
        var last = placed.Length > 0 ? placed.Max(s => s.End) : DateTimeOffset.MinValue;
        var instants = placed.Select(s => s.Start).Concat(placed.Select(s => s.End).Where(e => e < last))
            .Concat(everywhere.Select(g => g.Key)).Distinct().Order().ToArray();

        var rows = new List<(DateTimeOffset Start, Session[] Everywhere)>();
        foreach (var instant in instants)
        {
            if (everywhere.Contains(instant))
            {
                rows.Add((instant, [.. everywhere[instant]]));
            }

            if (placed.Any(s => s.Start <= instant && instant < s.End) || (instant < last && placed.Any(s => s.Start > instant)))
            {
                rows.Add((instant, []));
            }
        }

        var cells = new GridCell?[rows.Count, columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var room = columns[c].Id;
            var own = placed.Where(s => s.RoomId == room).ToArray();
            var r = 0;
            while (r < rows.Count)
            {
                if (rows[r].Everywhere.Length > 0)
                {
                    r++;
                    continue;
                }

                var at = rows[r].Start;
                var bandEnd = BandEnd(rows, r);
                var starting = own.Where(s => s.Start == at).ToList();
                var running = own.Where(s => s.Start < at && s.End > at).ToList();
                var first = r == 0 || rows[r - 1].Everywhere.Length > 0;
                if (starting.Count > 0 || (first && running.Count > 0))
                {
                    // The cell runs until every session in it has ended (overlaps in one room join it).
                    var cluster = starting.Concat(first ? running : []).ToList();
                    var end = cluster.Max(s => s.End);
                    var span = 1;
                    while (r + span < bandEnd && rows[r + span].Start < end)
                    {
                        foreach (var joining in own.Where(s => s.Start == rows[r + span].Start))
                        {
                            cluster.Add(joining);
                            end = end > joining.End ? end : joining.End;
                        }

                        span++;
                    }

                    var shown = cluster.Where(s => s.Start >= at).OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray();
                    cells[r, c] = new GridCell(shown, span, Continues: shown.Length == 0);
                    r += span;
                }
                else
                {
                    var span = 1;
                    while (r + span < bandEnd && !own.Any(s => s.Start == rows[r + span].Start))
                    {
                        span++;
                    }

                    cells[r, c] = new GridCell([], span, Continues: false);
                    r += span;
                }
            }
        }

        return new DayGrid(columns, [.. rows.Select((row, r) => new GridRow(
            row.Start,
            row.Everywhere.Length > 0 ? [] : [.. Enumerable.Range(0, columns.Length).Select(c => cells[r, c])],
            row.Everywhere))]);
    }

    /// <summary>The index after the last room row of the band starting at <paramref name="row"/> (up to the next roomless row).</summary>
    private static int BandEnd(List<(DateTimeOffset Start, Session[] Everywhere)> rows, int row)
    {
        var end = row;
        while (end < rows.Count && rows[end].Everywhere.Length == 0)
        {
            end++;
        }

        return end;
    }
}
