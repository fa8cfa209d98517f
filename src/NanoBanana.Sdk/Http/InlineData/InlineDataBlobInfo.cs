namespace NanoBanana.Sdk.Http.InlineData;

/// <summary>A blob-named string value that is about to be read, as shown to the sink callback of <see cref="InlineDataJsonReader"/>.</summary>
/// <param name="Index">The index the value gets among the document's blobs, which its <c>"#blob:N"</c> placeholder carries.</param>
/// <param name="MediaType">
/// The value of a media-type property (<see cref="InlineDataReaderOptions.MediaTypePropertyNames"/>) that came before it in
/// the same object, unescaped; <see langword="null"/> when there was none.
/// </param>
internal readonly record struct InlineDataBlobInfo(int Index, string? MediaType);
