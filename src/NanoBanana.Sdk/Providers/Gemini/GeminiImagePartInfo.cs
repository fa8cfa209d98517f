namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>An inline image of a Gemini answer that is about to arrive; see <see cref="GeminiImageClient.GenerateToStreamAsync"/>.</summary>
/// <param name="Index">Its position among the answer's inline images, from 0.</param>
/// <param name="MediaType">Its media type, when the answer named it before the data (Google does); otherwise <see langword="null"/>.</param>
public sealed record GeminiImagePartInfo(int Index, string? MediaType);
