namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>A checked reference image: a URL, or bytes or a file with the media type its <c>data:</c> URI will carry.</summary>
internal sealed record AceDataImageSource(ImageInput Input, string? MediaType);
