namespace NanoBanana.Sdk;

/// <summary>The vendor asked to slow down or is busy (HTTP 429, or 503 busy); see <see cref="NanoBananaException.RetryAfter"/>.</summary>
public class NanoBananaRateLimitException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaRateLimitException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaRateLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaRateLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
