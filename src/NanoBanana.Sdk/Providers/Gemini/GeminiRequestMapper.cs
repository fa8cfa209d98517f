using System.Text;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>
/// Maps the common request onto a <c>generateContent</c> request, with the checks the shared validator cannot make:
/// aspect ratio and size per known model, reference media types, and which references must be uploaded first.
/// </summary>
internal static class GeminiRequestMapper
{
    /// <summary>The input types Google documents for reference images.</summary>
    private static readonly string[] InputMediaTypes = ["image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"];

    /// <summary>The body fields the mapping writes itself, which extra properties may not replace.</summary>
    private static readonly string[] ReservedFields = ["contents", "generationConfig"];

    private static readonly ImageResolution[] Sizes = [ImageResolution.HalfK, ImageResolution.OneK, ImageResolution.TwoK, ImageResolution.FourK];

    /// <exception cref="ArgumentException">A reference has no media type the SDK can infer, a file is empty, or an extra field is reserved.</exception>
    /// <exception cref="NotSupportedException">The model is known not to take the aspect ratio, size or reference type.</exception>
    public static GeminiRequestPlan Plan(ImageGenerationRequest request, GeminiImageClientOptions options)
    {
        var model = GeminiModelRules.Normalize(request.Model?.Value ?? options.DefaultModel);
        var rules = GeminiModelRules.Find(model);
        var aspectRatio = AspectRatioFor(request.AspectRatio, rules, model);
        var imageSize = ImageSizeFor(request.Resolution, rules, model);
        if (request.AdditionalProperties?.Keys.FirstOrDefault(key => ReservedFields.Contains(key, StringComparer.Ordinal)) is { } reserved)
        {
            throw new ArgumentException(
                $"AdditionalProperties may not set '{reserved}', which the SDK writes from the request; use GeminiImageClient.GenerateContentAsync to send your own.",
                nameof(request));
        }

        return new GeminiRequestPlan(
            model,
            request.Prompt,
            References(request, options.InlineReferenceLimitBytes),
            new GeminiGenerationConfig
            {
                ResponseModalities = ["TEXT", "IMAGE"],
                ImageConfig = aspectRatio is null && imageSize is null ? null : new GeminiImageConfig { AspectRatio = aspectRatio, ImageSize = imageSize },
            },
            request.AdditionalProperties);
    }

    /// <summary>The media type of a reference: as given, else from the file or URL extension.</summary>
    public static string MediaTypeOf(ImageInput input)
    {
        var mediaType = input.MediaType?.Trim().ToLowerInvariant()
            ?? FromExtension(input.FilePath ?? input.Uri?.AbsolutePath)
            ?? throw new ArgumentException(
                $"Gemini needs the media type of the reference image {input}; pass it, for example ImageInput.FromUri(uri, \"image/png\").");
        return InputMediaTypes.Contains(mediaType, StringComparer.Ordinal)
            ? mediaType
            : throw new NotSupportedException($"Gemini does not take '{mediaType}' reference images. Supported: {string.Join(", ", InputMediaTypes)}.");
    }

    private static string? AspectRatioFor(AspectRatio? requested, GeminiModelRules? rules, string model)
    {
        if (requested is not { } ratio || ratio == AspectRatio.Auto)
        {
            return null;
        }

        if (rules is not null && !rules.AspectRatios.Contains(ratio))
        {
            throw new NotSupportedException(
                $"{rules.DisplayName} ({model}) does not support the aspect ratio '{ratio}'. Supported: {string.Join(", ", rules.AspectRatios)}. " +
                $"Gemini 3.1 Flash Image ({NanoBananaModel.NanoBanana2}) also takes 1:4, 4:1, 1:8 and 8:1.");
        }

        // The shared validator admitted a known ratio; send its canonical spelling.
        return AspectRatio.KnownRatios.First(known => known == ratio).Value;
    }

    private static string? ImageSizeFor(ImageResolution? requested, GeminiModelRules? rules, string model)
    {
        if (requested is not { } resolution)
        {
            return null;
        }

        // Google rejects a lowercase "2k": send the canonical uppercase value the shared validator matched.
        var size = Sizes.First(known => known == resolution);
        if (rules is not null && !rules.Sizes.Contains(size))
        {
            throw new NotSupportedException(
                $"{rules.DisplayName} ({model}) does not offer the resolution {size}. Supported: {string.Join(", ", rules.Sizes)}. " +
                $"Gemini 3 Pro Image ({NanoBananaModel.NanoBananaPro}) offers 1K, 2K and 4K; Gemini 3.1 Flash Image ({NanoBananaModel.NanoBanana2}) also 512.");
        }

        return rules?.SendsImageSize == false ? null : size.Value;
    }

    /// <summary>
    /// Classifies the references. Inline base64 takes 4/3 of an image, and Google advises a total request of about 20 MB:
    /// while the prompt and the inline references exceed <paramref name="inlineLimit"/>, the largest remaining bytes or file
    /// reference is marked for upload.
    /// </summary>
    private static List<GeminiReference> References(ImageGenerationRequest request, long inlineLimit)
    {
        var references = request.InputImages.Select(input => new GeminiReference(input, MediaTypeOf(input), LengthOf(input), Upload: false)).ToList();
        var total = Encoding.UTF8.GetByteCount(request.Prompt) + references.Sum(r => Base64Length(r.Length));
        foreach (var largest in references.Where(r => r.Input.Kind != ImageInputKind.Uri).OrderByDescending(r => r.Length).ToList())
        {
            if (total <= inlineLimit)
            {
                break;
            }

            references[references.IndexOf(largest)] = largest with { Upload = true };
            total -= Base64Length(largest.Length);
        }

        return references;
    }

    private static long LengthOf(ImageInput input) => input.Kind switch
    {
        ImageInputKind.Bytes => input.Data.Length,
        ImageInputKind.File => new FileInfo(input.FilePath!).Length is > 0 and var length
            ? length
            : throw new ArgumentException($"The reference image file '{input.FilePath}' is empty."),
        _ => 0,
    };

    private static long Base64Length(long length) => (length + 2) / 3 * 4;

    private static string? FromExtension(string? path) => Path.GetExtension(path)?.ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".heic" => "image/heic",
        ".heif" => "image/heif",
        _ => null,
    };
}
