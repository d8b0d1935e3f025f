using Grpc.Core;
using NetconfCloud.Contracts.Schedule.V1;
using static NetconfCloud.Schedule.Wire.PersonalAgendaMapping;

namespace NetconfCloud.ScheduleService;

/// <summary>
/// The wire face of <see cref="Schedule.PersonalAgendaService"/>; open like the public pages that call it. Making one
/// is limited per caller (<see cref="CreationLimiting"/>): RESOURCE_EXHAUSTED with RetryInfo beyond it.
/// </summary>
internal sealed class PersonalAgendaGrpcService(Schedule.PersonalAgendaService agendas, CreationLimiting limits)
    : Contracts.Schedule.V1.PersonalAgendaService.PersonalAgendaServiceBase
{
    public override async Task<PersonalAgenda> CreatePersonalAgenda(CreatePersonalAgendaRequest request, ServerCallContext context)
    {
        limits.Acquire(context.GetHttpContext());
        return ToWire(await agendas.CreateAsync(request.ConferenceId, request.SessionIds, context.CancellationToken));
    }

    public override async Task<PersonalAgenda> GetPersonalAgenda(GetPersonalAgendaRequest request, ServerCallContext context) =>
        ToWire(await agendas.GetAsync(request.ConferenceId, request.Id, context.CancellationToken));

    public override async Task<PersonalAgenda> UpdatePersonalAgenda(UpdatePersonalAgendaRequest request, ServerCallContext context) =>
        ToWire(await agendas.UpdateAsync(request.ConferenceId, request.Id, request.SessionIds, request.Etag, context.CancellationToken));

    public override async Task<PersonalAgenda> RevokePersonalAgenda(RevokePersonalAgendaRequest request, ServerCallContext context) =>
        ToWire(await agendas.RevokeAsync(request.ConferenceId, request.Id, context.CancellationToken));
}
