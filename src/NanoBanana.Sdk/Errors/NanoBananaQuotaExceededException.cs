namespace NanoBanana.Sdk;

/// <summary>
/// The account has too few credits for the job (HTTP 402) or has used up a usage quota, such as a daily request limit;
/// waiting a few seconds does not help, so it is never retried.
/// </summary>
public class NanoBananaQuotaExceededException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaQuotaExceededException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaQuotaExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaQuotaExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
