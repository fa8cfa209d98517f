namespace NanoBanana.Sdk.Webhooks;

/// <summary>Why a callback was rejected.</summary>
public enum WebhookRejectionReason
{
    /// <summary>The signature is missing or matches none of the configured secrets.</summary>
    InvalidSignature,

    /// <summary>The signed timestamp is outside the allowed tolerance (a replay, or a badly skewed clock).</summary>
    TimestampOutOfRange,

    /// <summary>The callback URL's token is missing or wrong.</summary>
    InvalidToken,

    /// <summary>The body is larger than the configured limit.</summary>
    TooLarge,

    /// <summary>The body is not valid JSON.</summary>
    Malformed,

    /// <summary>The body is JSON but not a payload this provider sends.</summary>
    UnknownShape,

    /// <summary>No secret is configured, so the callback cannot be verified.</summary>
    NotConfigured,
}
