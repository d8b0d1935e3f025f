using Google.Protobuf.WellKnownTypes;
using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>A personal agenda between the domain and the wire, both ways.</summary>
public static class PersonalAgendaMapping
{
    public static Proto.PersonalAgenda ToWire(PersonalAgenda agenda) => new()
    {
        Id = agenda.Id,
        ConferenceId = agenda.ConferenceId,
        SessionIds = { agenda.SessionIds },
        CreateTime = Timestamp.FromDateTimeOffset(agenda.CreateTime),
        UpdateTime = Timestamp.FromDateTimeOffset(agenda.UpdateTime),
        RevokeTime = agenda.RevokeTime is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
        Etag = agenda.ETag,
    };

    public static PersonalAgenda ToDomain(Proto.PersonalAgenda agenda) =>
        new(agenda.Id, agenda.ConferenceId, [.. agenda.SessionIds], agenda.CreateTime.ToDateTimeOffset(), agenda.UpdateTime.ToDateTimeOffset())
        {
            RevokeTime = agenda.RevokeTime?.ToDateTimeOffset(),
            ETag = agenda.Etag,
        };
}
