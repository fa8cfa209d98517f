namespace NanoBanana.Sdk;

/// <summary>The vendor accepted the job and it ended failed; <see cref="NanoBananaException.OperationId"/> names the job.</summary>
public class NanoBananaGenerationFailedException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaGenerationFailedException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaGenerationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaGenerationFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
