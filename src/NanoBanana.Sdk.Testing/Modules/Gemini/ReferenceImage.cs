namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>An image the caller sent with the prompt: inline bytes (<c>inlineData</c>) or a URI (<c>fileData</c>).</summary>
/// <param name="MimeType">The declared media type.</param>
/// <param name="InlineLength">The decoded size of inline bytes; null for a URI.</param>
/// <param name="FileUri">The <c>fileData.fileUri</c>; null for inline bytes.</param>
/// <param name="Path">Where the part sits in the request, e.g. <c>contents[0].parts[1]</c>, for error messages.</param>
internal sealed record ReferenceImage(string MimeType, int? InlineLength, string? FileUri, string Path);
