using System.Security.Cryptography;
using System.Text;

namespace NetconfCloud.Schedule;

/// <summary>
/// The talks one attendee picked, published as their own calendar at an address only they hold. There is no
/// account: whoever holds <see cref="Id"/> may read, change and revoke it. A revoked agenda stays on record (with no
/// talks) so that its address answers "revoked" rather than "unknown".
/// </summary>
public sealed record PersonalAgenda(
    string Id,
    string ConferenceId,
    IReadOnlyList<string> SessionIds,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime)
{
    /// <summary>The most talks one personal agenda holds: more than anyone attends, few enough for one table row.</summary>
    public const int MaxSessions = 300;

    /// <summary>When it was revoked; null while it is in use.</summary>
    public DateTimeOffset? RevokeTime { get; init; }

    /// <summary>The storage version, which moves with every change; a writer may present it to change only what it read.</summary>
    public string ETag { get; init; } = "";

    public bool IsRevoked => RevokeTime is not null;

    /// <summary>The talks of <paramref name="agenda"/> in this personal agenda, by start; picks no longer on the agenda are left out.</summary>
    public IReadOnlyList<Session> SessionsOf(AgendaSnapshot agenda)
    {
        var picked = SessionIds.ToHashSet(StringComparer.Ordinal);
        return [.. agenda.Sessions.Where(s => picked.Contains(s.Id)).OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }
}

/// <summary>
/// Personal agenda ids: 128 random bits written as 26 lower-case base32 letters (RFC 4648 alphabet, no padding), so
/// they cannot be guessed, survive any URL and read aloud. Storage keeps only <see cref="StorageKey"/>, a hash of
/// the id: a copy of the table gives no one the addresses.
/// </summary>
public static class PersonalAgendaId
{
    public const int Length = 26;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        Span<byte> bits = stackalloc byte[16];
        RandomNumberGenerator.Fill(bits);
        var id = new StringBuilder(Length);
        int buffer = 0, held = 0;
        foreach (var b in bits)
        {
            buffer = (buffer << 8) | b;
            held += 8;
            while (held >= 5)
            {
                held -= 5;
                id.Append(Alphabet[(buffer >> held) & 31]);
            }
        }

        id.Append(Alphabet[(buffer << (5 - held)) & 31]);
        return id.ToString();
    }

    public static bool IsValid(string? id) => id is { Length: Length } && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>The key a personal agenda is stored under: SHA-256 of its id, in hex.</summary>
    public static string StorageKey(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(id)));
}

/// <summary>What a personal agenda may hold, checked against the conference's agenda.</summary>
public static class PersonalAgendaRules
{
    public const string Field = "session_ids";

    /// <summary>The picks, each once in the order given; throws <see cref="InvalidArgumentException"/> naming every problem.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string> sessionIds, AgendaSnapshot agenda)
    {
        var picks = sessionIds.Distinct(StringComparer.Ordinal).ToList();
        if (picks.Count == 0)
        {
            throw new InvalidArgumentException(Field, "pick at least one talk (to stop using a personal agenda, revoke it).");
        }

        if (picks.Count > PersonalAgenda.MaxSessions)
        {
            throw new InvalidArgumentException(Field, $"at most {PersonalAgenda.MaxSessions} talks; {picks.Count} were picked.");
        }

        var sessions = agenda.Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < picks.Count; i++)
        {
            var problem = !Slug.IsValid(picks[i]) ? "is not a session id."
                : !sessions.TryGetValue(picks[i], out var session) ? $"is not a talk of {agenda.Conference.Name}."
                : !session.IsTalk ? $"is a {session.Kind.ToString().ToLowerInvariant()}, not a talk."
                : null;
            if (problem is not null)
            {
                violations.Add(new FieldViolation($"{Field}[{i}]", $"'{Shorten(picks[i])}' {problem}"));
            }
        }

        return violations.Count > 0 ? throw new InvalidArgumentException(violations) : picks;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

/// <summary>Where personal agendas are kept (Table Storage in production).</summary>
public interface IPersonalAgendaStore
{
    /// <exception cref="AlreadyExistsException">The id is taken (128 random bits: never in practice).</exception>
    Task<PersonalAgenda> AddAsync(PersonalAgenda agenda, CancellationToken cancellationToken);

    /// <summary>The personal agenda, or null when there is none with that id at that conference.</summary>
    Task<PersonalAgenda?> GetAsync(string conferenceId, string id, CancellationToken cancellationToken);

    /// <summary>Replaces it if its storage version is still <see cref="PersonalAgenda.ETag"/>.</summary>
    /// <exception cref="ConcurrencyConflictException">It changed since it was read.</exception>
    Task<PersonalAgenda> ReplaceAsync(PersonalAgenda agenda, CancellationToken cancellationToken);
}

/// <summary>
/// Personal agendas as their users see them: <see cref="PersonalAgendaService"/> in the schedule service, the gRPC
/// client in the feeds. Errors are the domain's: <see cref="InvalidArgumentException"/> (bad picks or id),
/// <see cref="NotFoundException"/>, <see cref="PersonalAgendaRevokedException"/>, <see cref="ConcurrencyConflictException"/>.
/// </summary>
public interface IPersonalAgendas
{
    Task<PersonalAgenda> CreateAsync(string conferenceId, IEnumerable<string> sessionIds, CancellationToken cancellationToken);

    /// <summary>
    /// Creates on behalf of the end user at <paramref name="clientAddress"/> (what a relay such as the feeds passes on,
    /// so that the keeper can count per end user); by default the address is not passed on.
    /// </summary>
    Task<PersonalAgenda> CreateAsync(string conferenceId, IEnumerable<string> sessionIds, string clientAddress, CancellationToken cancellationToken) =>
        CreateAsync(conferenceId, sessionIds, cancellationToken);

    Task<PersonalAgenda> GetAsync(string conferenceId, string id, CancellationToken cancellationToken);

    /// <summary>Replaces the picks; with a non-empty <paramref name="etag"/>, only if it is still that version.</summary>
    Task<PersonalAgenda> UpdateAsync(string conferenceId, string id, IEnumerable<string> sessionIds, string etag, CancellationToken cancellationToken);

    Task<PersonalAgenda> RevokeAsync(string conferenceId, string id, CancellationToken cancellationToken);
}

/// <summary>A personal agenda was revoked: it can no longer be changed, and its feed answers "gone".</summary>
public sealed class PersonalAgendaRevokedException(string resourceName)
    : AgendaException($"{resourceName} was revoked; make a new personal agenda.")
{
    public string ResourceName { get; } = resourceName;
}
