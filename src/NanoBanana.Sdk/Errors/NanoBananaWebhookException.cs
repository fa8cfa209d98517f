using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk;

/// <summary>A callback was rejected: answer the sender with 400 or 401 and do not act on it.</summary>
public class NanoBananaWebhookException : NanoBananaException
{
    /// <summary>Creates an exception.</summary>
    public NanoBananaWebhookException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public NanoBananaWebhookException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The original failure.</param>
    public NanoBananaWebhookException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Why the callback was rejected.</summary>
    public WebhookRejectionReason Reason { get; init; }
}
