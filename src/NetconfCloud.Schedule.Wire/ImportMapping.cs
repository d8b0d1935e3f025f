using Proto = NetconfCloud.Contracts.Schedule.V1;

namespace NetconfCloud.Schedule.Wire;

/// <summary>An agenda to import and the import's report, both ways between the wire and the domain.</summary>
public static class ImportMapping
{
    public static Proto.ImportAgendaRequest ToWire(string conferenceId, IncomingAgenda agenda, ImportOptions options)
    {
        var request = new Proto.ImportAgendaRequest
        {
            ConferenceId = conferenceId,
            Conference = WireMapping.ToWire(agenda.Conference),
            Speakers = { agenda.Speakers.Select(s => new Proto.ImportedSpeaker { Key = s.Key, Speaker = WireMapping.ToWire(s.Speaker) }) },
            Sessions =
            {
                agenda.Sessions.Select(s => new Proto.ImportedSession
                {
                    Session = WireMapping.ToWireFields(s.Session),
                    SpeakerKeys = { s.SpeakerKeys },
                    SourceLocation = s.Location,
                }),
            },
            ReplaceSponsors = agenda.Sponsors is not null,
            KeepMissing = options.KeepMissing,
            ValidateOnly = options.ValidateOnly,
            SourceName = agenda.SourceName,
            KeptFields = { agenda.KeptFields },
        };
        request.Sponsors.AddRange((agenda.Sponsors ?? []).Select(WireMapping.ToWire));
        return request;
    }

    /// <summary>
    /// The most warnings a response lists: an agenda of 20,000 sessions with clashes has tens of thousands, more than
    /// a gRPC message holds. The count says how many there are; ListClashes lists every clash.
    /// </summary>
    public const int MaxWarningsListed = 1000;

    /// <summary>The most an import may hold, over all its messages.</summary>
    public const int MaxImportBytes = 64 * 1024 * 1024;

    /// <summary>
    /// An import as a stream of messages of at most <paramref name="maxMessageBytes"/> each: the first holds the
    /// conference and the options, the others speakers, sessions and sponsors, in order. Merged, they are the request.
    /// </summary>
    public static IEnumerable<Proto.ImportAgendaRequest> Split(Proto.ImportAgendaRequest whole, int maxMessageBytes = 200 * 1024)
    {
        var head = whole.Clone();
        head.Speakers.Clear();
        head.Sessions.Clear();
        head.Sponsors.Clear();
        yield return head;

        var part = new Proto.ImportAgendaRequest();
        var size = 0;
        IEnumerable<(Google.Protobuf.IMessage Item, Action<Proto.ImportAgendaRequest> Add)> items =
        [
            .. whole.Speakers.Select(s => ((Google.Protobuf.IMessage)s, (Action<Proto.ImportAgendaRequest>)(p => p.Speakers.Add(s)))),
            .. whole.Sessions.Select(s => ((Google.Protobuf.IMessage)s, (Action<Proto.ImportAgendaRequest>)(p => p.Sessions.Add(s)))),
            .. whole.Sponsors.Select(s => ((Google.Protobuf.IMessage)s, (Action<Proto.ImportAgendaRequest>)(p => p.Sponsors.Add(s)))),
        ];
        foreach (var (item, add) in items)
        {
            // An element of a repeated field costs its own size, a tag and a length prefix (at most 1 + 5 bytes).
            var cost = item.CalculateSize() + 6;
            if (size > 0 && size + cost > maxMessageBytes)
            {
                yield return part;
                part = new Proto.ImportAgendaRequest();
                size = 0;
            }

            add(part);
            size += cost;
        }

        if (size > 0)
        {
            yield return part;
        }
    }

    /// <summary>The messages of an import stream merged into one request, refusing more than <see cref="MaxImportBytes"/>.</summary>
    public static async Task<Proto.ImportAgendaRequest> JoinAsync(IAsyncEnumerable<Proto.ImportAgendaRequest> parts, CancellationToken cancellationToken)
    {
        var whole = new Proto.ImportAgendaRequest();
        long bytes = 0;
        await foreach (var part in parts.WithCancellation(cancellationToken))
        {
            bytes += part.CalculateSize();
            if (bytes > MaxImportBytes)
            {
                throw new InvalidArgumentException("sessions", $"the agenda is larger than {MaxImportBytes / (1024 * 1024)} MiB; import it in parts.");
            }

            whole.MergeFrom(part);
        }

        return whole;
    }

    public static (IncomingAgenda Agenda, ImportOptions Options) ToDomain(Proto.ImportAgendaRequest request)
    {
        if (request.Conference is null)
        {
            throw new InvalidArgumentException("conference", "is required: at least its time zone and days.");
        }

        var sessions = request.Sessions.Select((s, i) =>
        {
            var prefix = $"sessions[{i}].";
            if (s.Session is not { } session)
            {
                throw new InvalidArgumentException(prefix + "session", "is required.");
            }

            var domain = new Session(session.Id, WireMapping.ToContent(session, prefix, required: path => path is "start_time" or "end_time"));
            return new IncomingSession(domain, [.. s.SpeakerKeys], s.SourceLocation);
        }).ToArray();
        var speakers = request.Speakers.Select((s, i) => new IncomingSpeaker(
            s.Key, WireMapping.ToDomain(s.Speaker ?? throw new InvalidArgumentException($"speakers[{i}].speaker", "is required.")))).ToArray();
        var agenda = new IncomingAgenda(WireMapping.ToDomain(request.Conference) with { Id = request.ConferenceId, Follow = null }, speakers, sessions)
        {
            Sponsors = request.ReplaceSponsors ? [.. request.Sponsors.Select(WireMapping.ToDomain)] : null,
            SourceName = request.SourceName,
            KeptFields = [.. request.KeptFields.Select((path, i) => SessionFields.TryFind(path, out _)
                ? path
                : throw new InvalidArgumentException($"kept_fields[{i}]", $"'{path}' is not a session field."))],
        };
        return (agenda, new ImportOptions(request.KeepMissing, request.ValidateOnly));
    }

    public static Proto.ImportAgendaResponse ToWire(ImportReport report) => new()
    {
        AgendaVersion = report.Conference.AgendaVersion,
        Applied = report.Applied,
        ConferenceCreated = report.ConferenceCreated,
        CreatedSessionIds = { report.Created },
        UpdatedSessionIds = { report.Updated },
        CancelledSessionIds = { report.Cancelled },
        UnchangedSessionCount = report.Unchanged,
        CreatedSpeakerIds = { report.SpeakersCreated },
        UpdatedSpeakerIds = { report.SpeakersUpdated },
        Warnings = { report.Warnings.Take(MaxWarningsListed).Select(w => new Proto.ImportWarning { Path = w.Path, SourceLocation = w.Location, Message = w.Message }) },
        WarningCount = report.Warnings.Count,
        SessionChanges = { report.Changes.Take(MaxWarningsListed).Select(c => new Proto.SessionFieldChange { SessionId = c.SessionId, Field = c.Field, Before = c.Before, After = c.After }) },
        ConferenceChanged = report.ConferenceChanged,
        SponsorsChanged = report.SponsorsChanged,
    };
}
