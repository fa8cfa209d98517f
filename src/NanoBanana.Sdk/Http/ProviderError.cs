namespace NanoBanana.Sdk.Http;

/// <summary>What a provider's error parser read from an error body.</summary>
/// <param name="Code">The vendor's error code or type.</param>
/// <param name="Message">The vendor's message (sanitized before use).</param>
/// <param name="RequestId">The vendor's request or trace id.</param>
internal sealed record ProviderError(string? Code, string? Message, string? RequestId = null);
