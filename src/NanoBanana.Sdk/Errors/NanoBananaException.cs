namespace NanoBanana.Sdk;

/// <summary>
/// A vendor or transport failure. Subclasses exist only where a caller reacts differently. The message says what
/// happened and what to do; it never holds an API key or image bytes.
/// </summary>
public class NanoBananaException : Exception
{
    private readonly ErrorFacts _facts = new();

    /// <summary>Creates an exception.</summary>
    public NanoBananaException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure, for example an <see cref="HttpRequestException"/>.</param>
    public NanoBananaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The provider that failed, for example <c>NanaNanoBanana</c>.</summary>
    public string? Provider { get => _facts.Provider; init => _facts.Provider = value; }

    /// <summary>The HTTP status code, or <see langword="null"/> when no response arrived.</summary>
    public int? StatusCode { get => _facts.StatusCode; init => _facts.StatusCode = value; }

    /// <summary>The vendor's error code or type, when it sent one.</summary>
    public string? ErrorCode { get => _facts.ErrorCode; init => _facts.ErrorCode = value; }

    /// <summary>The vendor's request or trace id, for support tickets.</summary>
    public string? RequestId { get => _facts.RequestId; init => _facts.RequestId = value; }

    /// <summary>The job id when the vendor had already accepted the job: the job may still run, and be charged.</summary>
    public string? OperationId { get => _facts.OperationId; init => _facts.OperationId = value; }

    /// <summary>How long the vendor asked to wait before trying again.</summary>
    public TimeSpan? RetryAfter { get => _facts.RetryAfter; init => _facts.RetryAfter = value; }

    /// <summary>Whether the same call may succeed later without changes.</summary>
    public bool IsTransient { get => _facts.IsTransient; init => _facts.IsTransient = value; }

    /// <summary>Sets the facts the SDK learns after creating the exception, such as the job id.</summary>
    internal T With<T>(Action<ErrorFacts> set)
        where T : NanoBananaException
    {
        set(_facts);
        return (T)this;
    }

    /// <summary>The mutable store behind the init-only properties, so the SDK can fill them in one place.</summary>
    internal sealed class ErrorFacts
    {
        public string? Provider { get; set; }
        public int? StatusCode { get; set; }
        public string? ErrorCode { get; set; }
        public string? RequestId { get; set; }
        public string? OperationId { get; set; }
        public TimeSpan? RetryAfter { get; set; }
        public bool IsTransient { get; set; }
    }
}
