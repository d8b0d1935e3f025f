namespace NetconfCloud.Schedule;

/// <summary>Base of the errors the domain reports; hosts map each kind to their own status once.</summary>
public abstract class AgendaException(string message) : Exception(message);

/// <summary>A resource does not exist. <see cref="ResourceName"/> names it, e.g. <c>sessions/bpf-updates</c>.</summary>
public sealed class NotFoundException(string resourceName)
    : AgendaException($"{resourceName} was not found.")
{
    public string ResourceName { get; } = resourceName;
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>The request is wrong; each violation names the request field at fault.</summary>
public sealed class InvalidArgumentException : AgendaException
{
    public InvalidArgumentException(string field, string description)
        : this([new FieldViolation(field, description)])
    {
    }

    public InvalidArgumentException(IReadOnlyList<FieldViolation> violations)
        : base(string.Join(" ", violations.Take(MaxInMessage).Select(violation => $"{violation.Field}: {violation.Description}"))
            + (violations.Count > MaxInMessage ? $" (and {violations.Count - MaxInMessage} more, each named in the field violations)" : ""))
    {
        Violations = violations;
    }

    /// <summary>The message names this many violations; all of them travel as the error's details.</summary>
    public const int MaxInMessage = 5;

    public IReadOnlyList<FieldViolation> Violations { get; }
}

/// <summary>The writer's etag is stale: someone changed the resource since it was read. Nothing was written.</summary>
/// <see cref="ETagWasSupplied"/> tells a stale etag of the caller (a failed precondition) from a race lost by an
/// unconditional write (aborted: retry).
public sealed class ConcurrencyConflictException(string resourceName, bool etagWasSupplied = true)
    : AgendaException($"{resourceName} was changed by someone else; read it again and retry with its new etag.")
{
    public string ResourceName { get; } = resourceName;

    public bool ETagWasSupplied { get; } = etagWasSupplied;
}

/// <summary>
/// The agenda moved on (another writer changed it) between the read a write was checked against and the write.
/// Nothing was written; the writer reads the agenda again and checks its change against it.
/// </summary>
public sealed class AgendaMovedException(string conferenceId)
    : AgendaException($"conferences/{conferenceId} changed while the write was checked; read it again and retry.")
{
    public string ConferenceId { get; } = conferenceId;
}

/// <summary>A limit is reached (watchers open, say); the message says which and what to do.</summary>
public sealed class ResourceExhaustedException(string message) : AgendaException(message);

/// <summary>A resource with that id exists already.</summary>
public sealed class AlreadyExistsException(string resourceName)
    : AgendaException($"{resourceName} already exists.")
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>Storage cannot be reached; the request may be retried later.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null)
    : AgendaException(message)
{
    public Exception? Cause { get; } = inner;
}

/// <summary>A resource cannot be removed while others use it (a speaker with sessions); <see cref="Users"/> names them.</summary>
public sealed class InUseException(string resourceName, IReadOnlyList<string> users)
    : AgendaException($"{resourceName} is in use by {string.Join(", ", users)}; change those first.")
{
    public string ResourceName { get; } = resourceName;

    public IReadOnlyList<string> Users { get; } = users;
}

/// <summary>Too many requests of one kind (personal agendas from one address, say); try again after <see cref="RetryAfter"/>.</summary>
public sealed class RateLimitedException(string message, TimeSpan retryAfter) : AgendaException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
