namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>A reference image of a request, checked and classified before anything is sent.</summary>
/// <param name="Input">The image.</param>
/// <param name="MediaType">Its media type, given or inferred from the file or URL extension.</param>
/// <param name="Length">Its size in bytes (0 for a URL).</param>
/// <param name="Upload">Whether it goes through the Files API because it does not fit inline.</param>
internal sealed record GeminiReference(ImageInput Input, string MediaType, long Length, bool Upload);
