namespace Tianshan.Core.Platform;

/// <summary>An illegal state transition or a conflict with stored data (HTTP 409).</summary>
public class WorkflowException(string message) : Exception(message);

/// <summary>A request that breaks a business rule; <see cref="Errors"/> maps a field to its Chinese messages (HTTP 400).</summary>
public class DomainValidationException : Exception
{
    public DomainValidationException(string field, string message) : this(new Dictionary<string, string[]> { [field] = [message] }) { }

    public DomainValidationException(IDictionary<string, string[]> errors)
        : base(string.Join("；", errors.SelectMany(e => e.Value)))
    {
        Errors = new Dictionary<string, string[]>(errors);
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>A record that does not exist or is outside the caller's scope (HTTP 404: scope is never revealed).</summary>
public class NotFoundException(string message) : Exception(message);

/// <summary>The database did not take a change that has been accepted and will be stored by a retry (HTTP 503): the
/// caller should look again shortly rather than repeat the action.</summary>
public class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
