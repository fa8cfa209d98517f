namespace NanoBanana.Sdk;

/// <summary>The vendor's safety checks blocked the prompt or the output. Change the prompt; resending it as it is will not help.</summary>
public class NanoBananaContentFilteredException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaContentFilteredException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What happened and what to do.</param>
    public NanoBananaContentFilteredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaContentFilteredException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
