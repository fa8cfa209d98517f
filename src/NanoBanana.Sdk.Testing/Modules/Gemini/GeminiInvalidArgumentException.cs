namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Thrown while reading a request that Google would refuse with <c>400 INVALID_ARGUMENT</c>; the endpoint turns it
/// into the error body. Readers stay linear instead of threading an error out of every nested field.
/// </summary>
internal sealed class GeminiInvalidArgumentException(string message) : Exception(message);
