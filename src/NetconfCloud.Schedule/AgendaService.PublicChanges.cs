namespace NetconfCloud.Schedule;

public sealed partial class AgendaService
{
    /// <summary>How many versions one page of public changes reads through at most, looking for versions with something public.</summary>
    public const int MaxVersionsScannedPerPage = 10 * MaxChangesPerPage;

    /// <summary>The most session ids a reader of public changes may narrow them to (a personal agenda's picks).</summary>
    public const int MaxPublicChangeSessionIds = PersonalAgenda.MaxSessions;

    /// <summary>
    /// What attendees may learn of the change log, newest version first: the versions below <paramref name="olderThan"/>
    /// (0: from the newest) and above <paramref name="afterVersion"/>, that changed a session publicly (or one of
    /// <paramref name="sessionIds"/> when given), at most <paramref name="pageSize"/> of them, each with at most
    /// <paramref name="sessionsPerVersion"/> sessions listed and the rest counted (<see cref="PublicChanges.Summarise"/>).
    /// Who made a change, notes and changes to anything but sessions are not in it.
    /// </summary>
    public async Task<PublicChangePage> ListPublicChangesAsync(
        string conferenceId, long olderThan, long afterVersion, int pageSize, int sessionsPerVersion, IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken)
    {
        var conference = await GetConferenceAsync(conferenceId, cancellationToken);
        if (olderThan < 0)
        {
            throw new InvalidArgumentException("page_token", "must not be negative.");
        }

        if (afterVersion < 0)
        {
            throw new InvalidArgumentException("after_version", "must not be negative.");
        }

        if (pageSize < 0)
        {
            throw new InvalidArgumentException("page_size", "must not be negative.");
        }

        if (sessionsPerVersion < 0)
        {
            throw new InvalidArgumentException("sessions_per_version", "must not be negative.");
        }

        if (sessionIds.Count > MaxPublicChangeSessionIds)
        {
            throw new InvalidArgumentException("session_ids", $"may name at most {MaxPublicChangeSessionIds} sessions.");
        }

        var size = pageSize == 0 ? PublicChanges.DefaultVersionsPerPage : Math.Min(pageSize, PublicChanges.MaxVersionsPerPage);
        var perVersion = sessionsPerVersion == 0 ? PublicChanges.DefaultSessionsPerVersion : Math.Min(sessionsPerVersion, PublicChanges.MaxVersionsPerPage);
        var only = sessionIds.Count > 0 ? sessionIds.ToHashSet(StringComparer.Ordinal) : null;
        var top = olderThan > 0 ? Math.Min(olderThan - 1, conference.AgendaVersion) : conference.AgendaVersion;
        var floor = Math.Max(afterVersion, top - MaxVersionsScannedPerPage);
        var found = new List<PublicChangeSet>();
        while (top > floor)
        {
            var low = Math.Max(floor, top - MaxChangesPerPage);
            var window = await store.ReadChangesAsync(conferenceId, low, (int)(top - low), cancellationToken);
            foreach (var change in window.Where(c => c.Version <= top).Reverse())
            {
                if (PublicChanges.Summarise(change.Version, change.Time, PublicChanges.FromLog(change), perVersion, only) is { } set)
                {
                    found.Add(set);
                    if (found.Count == size)
                    {
                        // More may lie below this version: the next page starts there.
                        return new PublicChangePage(conference.AgendaVersion, conference.AgendaUpdateTime, found, change.Version > afterVersion + 1 ? change.Version : 0);
                    }
                }
            }

            top = low;
        }

        // Read down to the floor: older pages remain only when the floor was the scanning limit, not the end.
        return new PublicChangePage(conference.AgendaVersion, conference.AgendaUpdateTime, found, top > afterVersion && top > 0 ? top + 1 : 0);
    }
}
