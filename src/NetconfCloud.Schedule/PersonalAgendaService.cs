namespace NetconfCloud.Schedule;

/// <summary>
/// Makes, reads, changes and revokes personal agendas. Picks are checked against the conference's agenda as it is
/// now; later changes to the agenda (a talk moved or cancelled) reach the personal feed by themselves, since it
/// names talks, not times.
/// </summary>
public sealed class PersonalAgendaService(IPersonalAgendaStore store, AgendaService agendas, TimeProvider time) : IPersonalAgendas
{
    /// <summary>How often a change without an etag is tried again when another change to the same agenda lands first.</summary>
    private const int MaxAttempts = 5;

    public async Task<PersonalAgenda> CreateAsync(string conferenceId, IEnumerable<string> sessionIds, CancellationToken cancellationToken)
    {
        var agenda = await agendas.LoadAsync(conferenceId, cancellationToken);
        var picks = PersonalAgendaRules.Validate(sessionIds, agenda);
        var now = time.GetUtcNow();
        return await store.AddAsync(new PersonalAgenda(PersonalAgendaId.New(), conferenceId, picks, now, now), cancellationToken);
    }

    /// <summary>The personal agenda, revoked or not (a revoked one has <see cref="PersonalAgenda.RevokeTime"/> and no talks).</summary>
    public async Task<PersonalAgenda> GetAsync(string conferenceId, string id, CancellationToken cancellationToken)
    {
        CheckId(id);
        AgendaService.CheckConferenceId(conferenceId);
        return await store.GetAsync(conferenceId, id, cancellationToken) ?? throw new NotFoundException(ResourceName(conferenceId, id));
    }

    /// <summary>
    /// Replaces the picks. With <paramref name="etag"/>, only if nobody changed it since that version
    /// (<see cref="ConcurrencyConflictException"/> otherwise); without, the last change wins.
    /// </summary>
    public Task<PersonalAgenda> UpdateAsync(string conferenceId, string id, IEnumerable<string> sessionIds, string etag, CancellationToken cancellationToken)
    {
        var picksGiven = sessionIds.ToList();
        return ChangeAsync(conferenceId, id, etag, async current =>
        {
            var agenda = await agendas.LoadAsync(conferenceId, cancellationToken);
            return current with { SessionIds = PersonalAgendaRules.Validate(picksGiven, agenda), UpdateTime = time.GetUtcNow() };
        }, cancellationToken);
    }

    /// <summary>Revokes it: its feed answers "gone" from now on. Revoking a revoked agenda changes nothing.</summary>
    public async Task<PersonalAgenda> RevokeAsync(string conferenceId, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await ChangeAsync(conferenceId, id, "", agenda =>
            {
                var now = time.GetUtcNow();
                return Task.FromResult(agenda with { SessionIds = [], UpdateTime = now, RevokeTime = now });
            }, cancellationToken);
        }
        catch (PersonalAgendaRevokedException)
        {
            return await GetAsync(conferenceId, id, cancellationToken);
        }
    }

    private async Task<PersonalAgenda> ChangeAsync(
        string conferenceId, string id, string etag, Func<PersonalAgenda, Task<PersonalAgenda>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(conferenceId, id, cancellationToken);
            if (current.IsRevoked)
            {
                throw new PersonalAgendaRevokedException(ResourceName(conferenceId, id));
            }

            if (etag.Length > 0 && etag != current.ETag)
            {
                throw new ConcurrencyConflictException(ResourceName(conferenceId, id));
            }

            try
            {
                return await store.ReplaceAsync(await change(current), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (etag.Length == 0 && attempt < MaxAttempts)
            {
                // Another change to this personal agenda landed first; apply ours to what it left.
            }
            catch (ConcurrencyConflictException e)
            {
                // With the caller's etag, the change it read is gone: a failed precondition. Without, we lost every race.
                throw new ConcurrencyConflictException(e.ResourceName, etagWasSupplied: etag.Length > 0);
            }
        }
    }

    private static void CheckId(string id)
    {
        if (!PersonalAgendaId.IsValid(id))
        {
            throw new InvalidArgumentException("id", $"is not a personal agenda id ({PersonalAgendaId.Length} letters a–z and digits 2–7).");
        }
    }

    private static string ResourceName(string conferenceId, string id) =>
        $"conferences/{conferenceId}/personalAgendas/{id[..Math.Min(id.Length, 6)]}…";
}
