namespace NanoBanana.Sdk.Http;

/// <summary>Reads a vendor's error body. Each provider has one; the shared mapper turns the result into a typed exception.</summary>
internal interface IProviderErrorParser
{
    /// <summary>Parses an error body; returns <see langword="null"/> when the body is not in the vendor's error shape.</summary>
    ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body);

    /// <summary>What to tell the caller to check when the key is rejected, for example the setting and environment variable.</summary>
    string AuthenticationHint { get; }
}
