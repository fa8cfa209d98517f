namespace NanoBanana.Cli.Output;

/// <summary>One image of <see cref="GenerationDocument"/>.</summary>
/// <param name="Path">The full path of the saved file; null when the image was not downloaded.</param>
/// <param name="MediaType">The media type, for example <c>image/png</c>, when known.</param>
/// <param name="SizeBytes">The saved file's size in bytes; null when the image was not downloaded.</param>
/// <param name="Uri">Where the vendor hosts the image; null for images the vendor sent inline.</param>
internal sealed record ImageDocument(string? Path, string? MediaType, long? SizeBytes, Uri? Uri);
