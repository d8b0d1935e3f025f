using Google.Protobuf.WellKnownTypes;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>
/// The editable fields of conferences, speakers and sponsors, one table each: a field's update-mask path and how it
/// is read from the request into the domain's patch. (Sessions have their own table, <see cref="EditableSessionFields"/>.)
/// </summary>
public static class EditableResourceFields
{
    public static IReadOnlyDictionary<string, Func<ConferencePatch, Proto.Conference, ConferencePatch>> Conference { get; } =
        new Dictionary<string, Func<ConferencePatch, Proto.Conference, ConferencePatch>>(StringComparer.Ordinal)
        {
            ["name"] = (p, c) => p with { Name = c.Name },
            ["full_name"] = (p, c) => p with { FullName = c.FullName },
            ["subtitle"] = (p, c) => p with { Subtitle = c.Subtitle },
            ["description"] = (p, c) => p with { Description = c.Description },
            ["time_zone"] = (p, c) => p with { TimeZoneId = c.TimeZone },
            ["venue"] = (p, c) => p with { Venue = c.Venue },
            ["city"] = (p, c) => p with { City = c.City },
            ["country"] = (p, c) => p with { Country = c.Country },
            ["url"] = (p, c) => p with { Url = c.Url },
            ["agenda_status"] = (p, c) => p with { AgendaStatus = c.AgendaStatus },
            ["days"] = (p, c) => p with { Days = [.. c.Days.Select((d, i) => WireMapping.ParseDate(d.Date, $"conference.days[{i}].date"))] },
            ["committee"] = (p, c) => p with { Committee = [.. c.Committee.Select(m => new CommitteeMember(m.PersonId, m.Name, m.Role))] },
            ["co_located_event"] = (p, c) => c.CoLocatedEvent is null
                ? p with { ClearCoLocatedEvent = true }
                : p with { CoLocatedEvent = WireMapping.ToDomain(c.CoLocatedEvent) },
            ["rooms"] = (p, c) => p with { Rooms = [.. c.Rooms.Select(WireMapping.ToDomain)] },
            ["tracks"] = (p, c) => p with { Tracks = [.. c.Tracks.Select(WireMapping.ToDomain)] },
            ["day_change"] = (p, c) => p with { DayChange = WireMapping.ParseTime(c.DayChange, "conference.day_change") },
        };

    public static IReadOnlyDictionary<string, Func<SpeakerPatch, Proto.Speaker, SpeakerPatch>> Speaker { get; } =
        new Dictionary<string, Func<SpeakerPatch, Proto.Speaker, SpeakerPatch>>(StringComparer.Ordinal)
        {
            ["name"] = (p, s) => p with { Name = s.Name },
            ["also_known_as"] = (p, s) => p with { AlsoKnownAs = [.. s.AlsoKnownAs] },
            ["bio"] = (p, s) => p with { Bio = s.Bio },
            ["links"] = (p, s) => p with { Links = [.. s.Links.Select(WireMapping.ToDomain)] },
        };

    public static IReadOnlyDictionary<string, Func<SponsorPatch, Proto.Sponsor, SponsorPatch>> Sponsor { get; } =
        new Dictionary<string, Func<SponsorPatch, Proto.Sponsor, SponsorPatch>>(StringComparer.Ordinal)
        {
            ["name"] = (p, s) => p with { Name = s.Name },
            ["tagline"] = (p, s) => p with { Tagline = s.Tagline },
            ["tier"] = (p, s) => p with { Tier = s.Tier },
            ["url"] = (p, s) => p with { Url = s.Url },
        };

    /// <summary>The patch an update mask names ("*" for every field of the table), read from the request's resource.</summary>
    public static TPatch ToPatch<TPatch, TWire>(IReadOnlyDictionary<string, Func<TPatch, TWire, TPatch>> table, TWire resource, FieldMask? mask)
        where TPatch : new()
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            throw new InvalidArgumentException("update_mask", "must name the fields to change (or \"*\").");
        }

        var readers = mask.Paths.Contains("*") ? table.Values : mask.Paths.Select(path => table.TryGetValue(path, out var read)
            ? read
            : throw new InvalidArgumentException("update_mask", $"'{path}' is not a field that can be changed; use {string.Join(", ", table.Keys)}."));
        return readers.Aggregate(new TPatch(), (patch, read) => read(patch, resource));
    }
}
