namespace NetconfCloud.Schedule;

/// <summary>Conferences, speakers and sponsors: each change is one agenda version, checked against the agenda it commits on.</summary>
public sealed partial class AgendaService
{
    public Task<IReadOnlyList<Conference>> ListConferencesAsync(CancellationToken cancellationToken) =>
        store.ListConferencesAsync(cancellationToken);

    public async Task<Conference> CreateConferenceAsync(Conference conference, string actor, CancellationToken cancellationToken)
    {
        ResourceRules.ValidateConference(conference);
        var change = new AgendaChange(ChangeKind.Created, "", actor, time.GetUtcNow()) { Subject = "conference", Summary = $"created {conference.Name}" };
        return await store.CreateConferenceAsync(conference, change, cancellationToken);
    }

    /// <summary>
    /// Changes the conference's details. Every session must still keep every rule afterwards: a room or track in use
    /// stays, a day with sessions stays, a new time zone may not move a session off the conference's days.
    /// </summary>
    public Task<Conference> UpdateConferenceAsync(string conferenceId, ConferencePatch patch, string actor, CancellationToken cancellationToken) =>
        EditAsync(conferenceId, agenda =>
        {
            var current = agenda.Conference;
            var updated = patch.ApplyTo(current);
            ResourceRules.ValidateConference(updated);
            CheckStillUsed(conferenceId, "rooms", current.Rooms.Select(r => r.Id).Except(updated.Rooms.Select(r => r.Id)), id => agenda.Sessions.Where(s => s.RoomId == id));
            CheckStillUsed(conferenceId, "tracks", current.Tracks.Select(t => t.Id).Except(updated.Tracks.Select(t => t.Id)), id => agenda.Sessions.Where(s => s.TrackId == id));
            CheckSessionsStillFit(agenda with { Conference = updated });
            return !AgendaDiff.SameDetails(current, updated)
                ? new AgendaEdit(new AgendaChange(ChangeKind.Updated, "", actor, time.GetUtcNow()) { Subject = "conference", Summary = "updated the conference details" }) { Conference = updated }
                : null;
        }, cancellationToken);

    public async Task<(Speaker Speaker, Conference Conference)> CreateSpeakerAsync(string conferenceId, Speaker draft, string actor, CancellationToken cancellationToken)
    {
        Speaker? created = null;
        var conference = await EditAsync(conferenceId, agenda =>
        {
            var taken = agenda.Speakers.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            created = draft.Id.Length > 0 ? draft : draft with { Id = Slug.Unique(draft.Name, "speaker", taken.Contains) };
            ResourceRules.ValidateSpeaker(created);
            if (taken.Contains(created.Id))
            {
                throw new AlreadyExistsException($"conferences/{conferenceId}/speakers/{created.Id}");
            }

            return new AgendaEdit(Change(ChangeKind.Created, $"speakers/{created.Id}", $"added speaker {created.Name}", actor)) { Speakers = [created] };
        }, cancellationToken);
        return (created!, conference);
    }

    /// <summary>Changes a speaker; a new name is written into each of their sessions too, in the same version.</summary>
    public async Task<(Speaker Speaker, Conference Conference)> UpdateSpeakerAsync(string conferenceId, string speakerId, SpeakerPatch patch, string actor, CancellationToken cancellationToken)
    {
        Speaker? updated = null;
        var conference = await EditAsync(conferenceId, agenda =>
        {
            var current = AgendaQueries.FindSpeaker(agenda, speakerId);
            updated = patch.ApplyTo(current);
            ResourceRules.ValidateSpeaker(updated);
            if (AgendaDiff.SameSpeaker(current, updated))
            {
                return null;
            }

            var now = time.GetUtcNow();
            var renamed = updated.Name == current.Name
                ? []
                : agenda.Sessions.Where(s => s.IsSpokenBy(speakerId)).Select(s => s with
                {
                    Speakers = [.. s.Speakers.Select(r => r.Id == speakerId ? r with { Name = updated.Name } : r)],
                    UpdateTime = now,
                }).ToArray();
            return new AgendaEdit(Change(ChangeKind.Updated, $"speakers/{speakerId}", $"updated speaker {updated.Name}", actor)) { Speakers = [updated], Sessions = renamed };
        }, cancellationToken);
        return (updated!, conference);
    }

    /// <summary>Removes a speaker who is in no session (cancelled ones count: they are still published).</summary>
    public Task<Conference> DeleteSpeakerAsync(string conferenceId, string speakerId, string actor, CancellationToken cancellationToken) =>
        EditAsync(conferenceId, agenda =>
        {
            var speaker = AgendaQueries.FindSpeaker(agenda, speakerId);
            var sessions = agenda.Sessions.Where(s => s.IsSpokenBy(speakerId)).Select(s => $"sessions/{s.Id}").ToArray();
            if (sessions.Length > 0)
            {
                throw new InUseException($"conferences/{conferenceId}/speakers/{speakerId}", sessions);
            }

            return new AgendaEdit(Change(ChangeKind.Deleted, $"speakers/{speakerId}", $"removed speaker {speaker.Name}", actor)) { RemovedSpeakerIds = [speakerId] };
        }, cancellationToken);

    /// <summary>Adds a sponsor at <paramref name="position"/> (0-based; null or past the end appends).</summary>
    public async Task<(Sponsor Sponsor, Conference Conference)> CreateSponsorAsync(string conferenceId, Sponsor draft, int? position, string actor, CancellationToken cancellationToken)
    {
        Sponsor? created = null;
        var conference = await EditAsync(conferenceId, agenda =>
        {
            var list = Ordered(agenda);
            var taken = list.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            created = draft.Id.Length > 0 ? draft : draft with { Id = Slug.Unique(draft.Name, "sponsor", taken.Contains) };
            ResourceRules.ValidateSponsor(created);
            if (taken.Contains(created.Id))
            {
                throw new AlreadyExistsException($"conferences/{conferenceId}/sponsors/{created.Id}");
            }

            if (list.Count >= ResourceRules.MaxSponsors)
            {
                throw new InvalidArgumentException("sponsor", $"a conference has at most {ResourceRules.MaxSponsors} sponsors.");
            }

            list.Insert(Math.Clamp(position ?? list.Count, 0, list.Count), created);
            var edit = Reordered(agenda, list, Change(ChangeKind.Created, $"sponsors/{created.Id}", $"added sponsor {created.Name}", actor));
            created = edit.Sponsors.First(s => s.Id == created.Id);
            return edit;
        }, cancellationToken);
        return (created!, conference);
    }

    public async Task<(Sponsor Sponsor, Conference Conference)> UpdateSponsorAsync(string conferenceId, string sponsorId, SponsorPatch patch, string actor, CancellationToken cancellationToken)
    {
        Sponsor? updated = null;
        var conference = await EditAsync(conferenceId, agenda =>
        {
            var current = AgendaQueries.FindSponsor(agenda, sponsorId);
            updated = patch.ApplyTo(current);
            ResourceRules.ValidateSponsor(updated);
            return updated == current
                ? null
                : new AgendaEdit(Change(ChangeKind.Updated, $"sponsors/{sponsorId}", $"updated sponsor {updated.Name}", actor)) { Sponsors = [updated] };
        }, cancellationToken);
        return (updated!, conference);
    }

    /// <summary>Moves a sponsor to <paramref name="position"/> (0-based) in the published order; the others close up.</summary>
    public async Task<(Sponsor Sponsor, Conference Conference)> MoveSponsorAsync(string conferenceId, string sponsorId, int position, string actor, CancellationToken cancellationToken)
    {
        Sponsor? moved = null;
        var conference = await EditAsync(conferenceId, agenda =>
        {
            var list = Ordered(agenda);
            var current = AgendaQueries.FindSponsor(agenda, sponsorId);
            if (position < 0 || position >= list.Count)
            {
                throw new InvalidArgumentException("position", $"must be between 0 and {list.Count - 1}.");
            }

            list.RemoveAll(s => s.Id == sponsorId);
            list.Insert(position, current);
            var edit = Reordered(agenda, list, Change(ChangeKind.Updated, $"sponsors/{sponsorId}", $"moved sponsor {current.Name} to position {position}", actor));
            moved = list[position] with { Order = position };
            return edit.RowCount == 0 ? null : edit;
        }, cancellationToken);
        return (moved!, conference);
    }

    public Task<Conference> DeleteSponsorAsync(string conferenceId, string sponsorId, string actor, CancellationToken cancellationToken) =>
        EditAsync(conferenceId, agenda =>
        {
            var list = Ordered(agenda);
            var sponsor = AgendaQueries.FindSponsor(agenda, sponsorId);
            list.RemoveAll(s => s.Id == sponsorId);
            return Reordered(agenda, list, Change(ChangeKind.Deleted, $"sponsors/{sponsorId}", $"removed sponsor {sponsor.Name}", actor));
        }, cancellationToken);

    /// <summary>
    /// Applies a whole agenda from another tool as one change (see <see cref="ImportPlanner"/>): nothing is written
    /// when any rule fails, or when nothing changed (the agenda version stays). A conference that does not exist yet
    /// is created first.
    /// </summary>
    public async Task<ImportReport> ImportAsync(string conferenceId, IncomingAgenda incoming, ImportOptions options, string actor, CancellationToken cancellationToken)
    {
        CheckConferenceId(conferenceId);
        var createdHere = false;
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(conferenceId, cancellationToken);
            var exists = loaded is not null;
            var agenda = loaded ?? new AgendaSnapshot(incoming.Conference with { Id = conferenceId, AgendaVersion = 0 }, [], [], []);
            var (edit, report) = ImportPlanner.Plan(agenda, exists, incoming, options, actor, time.GetUtcNow());
            report = report with { ConferenceCreated = report.ConferenceCreated || createdHere };
            if (options.ValidateOnly || edit is null)
            {
                return report;
            }

            try
            {
                var basis = agenda.Conference;
                if (!exists)
                {
                    basis = await store.CreateConferenceAsync(
                        report.Conference with { Days = report.Conference.Days },
                        Change(ChangeKind.Created, "conference", $"created {report.Conference.Name} to import {incoming.SourceName}", actor),
                        cancellationToken);
                    createdHere = true;
                }

                var committed = await store.CommitAsync(basis, edit with { Conference = exists ? edit.Conference : null }, cancellationToken);
                changes.Notify(conferenceId);
                return report with { Conference = committed, Applied = true, ConferenceCreated = !exists || createdHere };
            }
            catch (AgendaMovedException) when (attempt < MaxWriteAttempts)
            {
                // Another writer changed the agenda since it was read: plan the import again on the new agenda.
            }
            catch (AlreadyExistsException) when (!exists && attempt < MaxWriteAttempts)
            {
                // Another import created the conference first: plan on top of it.
            }
        }
    }

    /// <summary>
    /// The write loop of every edit that is not one session: read the agenda, plan the edit (null: nothing to do),
    /// commit it on that agenda's version; when another writer got in first, read and plan again.
    /// </summary>
    private async Task<Conference> EditAsync(string conferenceId, Func<AgendaSnapshot, AgendaEdit?> plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var agenda = await LoadAsync(conferenceId, cancellationToken);
            if (plan(agenda) is not { IsEmpty: false } edit)
            {
                return agenda.Conference;
            }

            try
            {
                var committed = await store.CommitAsync(agenda.Conference, edit, cancellationToken);
                changes.Notify(conferenceId);
                return committed;
            }
            catch (AgendaMovedException) when (attempt < MaxWriteAttempts)
            {
                // Another writer changed the agenda since it was read: plan this edit again on the new agenda.
            }
        }
    }

    private AgendaChange Change(ChangeKind kind, string subject, string summary, string actor) =>
        new(kind, "", actor, time.GetUtcNow()) { Subject = subject, Summary = summary };

    private static List<Sponsor> Ordered(AgendaSnapshot agenda) => [.. agenda.Sponsors.OrderBy(s => s.Order)];

    /// <summary>The rows that put the sponsors in <paramref name="list"/>'s order: those whose position changed, and positions left empty.</summary>
    private static AgendaEdit Reordered(AgendaSnapshot agenda, List<Sponsor> list, AgendaChange change)
    {
        var (write, remove) = AgendaDiff.SponsorRows(agenda.Sponsors, list);
        return new AgendaEdit(change) { Sponsors = write, RemovedSponsorOrders = remove };
    }

    /// <summary>A room or track that sessions use cannot be removed: <see cref="InUseException"/> naming them.</summary>
    private static void CheckStillUsed(string conferenceId, string collection, IEnumerable<string> removed, Func<string, IEnumerable<Session>> users)
    {
        foreach (var id in removed)
        {
            var sessions = users(id).Select(s => $"sessions/{s.Id}").ToArray();
            if (sessions.Length > 0)
            {
                throw new InUseException($"conferences/{conferenceId}/{collection}/{id}", sessions);
            }
        }
    }

    /// <summary>Every session checked again (clashes aside) against changed conference details; the first problems are named.</summary>
    private static void CheckSessionsStillFit(AgendaSnapshot agenda)
    {
        var violations = new List<FieldViolation>();
        var context = new RuleContext(agenda.Conference, agenda.Speakers);
        foreach (var session in agenda.Sessions)
        {
            SessionRules.Check(session, context, $"sessions[{session.Id}].", violations);
        }

        if (violations.Count > 0)
        {
            throw new InvalidArgumentException([new FieldViolation("conference", "the change would break sessions that use what it removes; change them first."), .. violations.Take(20)]);
        }
    }

}
