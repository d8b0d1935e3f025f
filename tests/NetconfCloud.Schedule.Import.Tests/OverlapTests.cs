namespace NetconfCloud.Schedule.Import.Tests;

/// <summary>
/// Overlaps in the real schedules, counted two ways. "Adjacent": for each speaker (or room), sort their events by
/// start and count each event that starts before the previous one ends; this is the count the issue quotes for
/// 38C3. "Pairs": every pair of events that share a speaker (or room) and intersect in time.
/// Intervals are half-open, so a talk that starts when the previous one ends is no overlap.
/// </summary>
public class OverlapTests
{
    [Theory]
    [InlineData("fosdem-2026.xml", 1, 1)]
    [InlineData("38c3-hub.xml", 85, 140)]
    [InlineData("39c3-hub-prerelease.xml", 5, 6)]
    public void SpeakerOverlaps(string file, int adjacent, int pairs)
    {
        var bySpeaker = TestSchedules.Document(file).Events
            .SelectMany(e => e.Persons.Select(p => (Key: (object?)p.Guid ?? p.Id ?? p.Name, Event: e)))
            .GroupBy(x => x.Key, x => x.Event);

        Assert.Equal(adjacent, bySpeaker.Sum(g => Adjacent(g)));
        Assert.Equal(pairs, bySpeaker.Sum(g => Pairs(g)));
    }

    [Theory]
    [InlineData("fosdem-2026.xml", 0)]
    [InlineData("38c3-hub.xml", 2)]
    [InlineData("39c3-hub-prerelease.xml", 0)]
    public void RoomOverlaps(string file, int overlaps)
    {
        var byRoom = TestSchedules.Document(file).Events.GroupBy(e => e.Room);

        Assert.Equal(overlaps, byRoom.Sum(g => Adjacent(g)));
        Assert.Equal(overlaps, byRoom.Sum(g => Pairs(g)));
    }

    private static int Adjacent(IEnumerable<ScheduleEvent> events)
    {
        var sorted = events.OrderBy(e => e.Start).ThenBy(e => e.End).ToList();
        return sorted.Zip(sorted.Skip(1)).Count(p => p.Second.Start < p.First.End);
    }

    private static int Pairs(IEnumerable<ScheduleEvent> events)
    {
        var list = events.ToList();
        var count = 0;
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[i].Start < list[j].End && list[j].Start < list[i].End)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
