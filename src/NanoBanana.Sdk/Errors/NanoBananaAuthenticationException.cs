namespace NanoBanana.Sdk;

/// <summary>The API key was missing or rejected, or the account may not use the API (HTTP 401 or 403).</summary>
public class NanoBananaAuthenticationException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaAuthenticationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
