namespace NanoBanana.Sdk;

/// <summary>A time budget of the SDK ran out (distinct from the caller's cancellation, which stays an <see cref="OperationCanceledException"/>).</summary>
public class NanoBananaTimeoutException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaTimeoutException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
