namespace NanoBanana.Sdk.Http;

/// <summary>What a provider's error parser read from an error body.</summary>
/// <param name="Code">The vendor's error code or type.</param>
/// <param name="Message">The vendor's message (sanitized before use).</param>
/// <param name="RequestId">The vendor's request or trace id.</param>
/// <param name="RetryAfter">A wait the body asks for (for example a <c>RetryInfo.retryDelay</c>), beside any <c>Retry-After</c> header.</param>
/// <param name="Kind">What the error means when the vendor's status code alone says otherwise (a 400 for a bad key); null to decide by status.</param>
internal sealed record ProviderError(
    string? Code, string? Message, string? RequestId = null, TimeSpan? RetryAfter = null, ProviderErrorKind? Kind = null);
