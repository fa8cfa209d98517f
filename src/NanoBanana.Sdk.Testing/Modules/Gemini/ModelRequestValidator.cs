namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The per-model checks of protocols/gemini-official.md: the aspect ratios and <c>imageSize</c> values each model
/// takes (uppercase K; "512" only on 3.1 Flash; none at all on 2.5 Flash), one candidate, the reference-image limit
/// and no audio output. Each failure is a 400 whose message names the model and what it accepts.
/// </summary>
internal static class ModelRequestValidator
{
    public static ImageTarget Validate(GeminiModel model, GenerateContentRequest request)
    {
        var settings = request.Settings;
        if (settings.WantsAudio)
        {
            throw new GeminiInvalidArgumentException("Model does not support the requested response modalities: audio");
        }

        if (settings.CandidateCount < 0)
        {
            throw new GeminiInvalidArgumentException("Invalid value at 'generation_config.candidate_count': must be positive.");
        }

        if (settings.CandidateCount > 1)
        {
            throw new GeminiInvalidArgumentException($"Multiple candidates is not enabled for {model.Name}.");
        }

        if (model.MaxReferenceImages is int max && request.ReferenceImages.Count > max)
        {
            throw new GeminiInvalidArgumentException(
                $"Too many input images: {request.ReferenceImages.Count}. {model.Name} accepts at most {max} images per request.");
        }

        var (ratioWidth, ratioHeight) = ResolveAspectRatio(model, settings.AspectRatio);
        return new ImageTarget(ratioWidth, ratioHeight, ResolveLongSide(model, settings.ImageSize));
    }

    private static (int Width, int Height) ResolveAspectRatio(GeminiModel model, string? aspectRatio)
    {
        if (aspectRatio is null)
        {
            return GeminiAspectRatios.Default;
        }

        return model.AspectRatios.TryGetValue(aspectRatio, out var ratio)
            ? ratio
            : throw new GeminiInvalidArgumentException(
                $"Unsupported aspect ratio \"{aspectRatio}\" for {model.Name}. Supported values: {string.Join(", ", model.AspectRatios.Keys)}.");
    }

    private static int ResolveLongSide(GeminiModel model, string? imageSize)
    {
        if (imageSize is null)
        {
            return GeminiModel.DefaultLongSide;
        }

        if (model.ImageSizes is null)
        {
            throw new GeminiInvalidArgumentException(
                $"imageSize is not supported by {model.Name}, which makes 1K images only; omit generation_config.image_config.image_size.");
        }

        return model.ImageSizes.TryGetValue(imageSize, out var longSide)
            ? longSide
            : throw new GeminiInvalidArgumentException(
                $"Unsupported image size \"{imageSize}\" for {model.Name}. Supported values: "
                + string.Join(", ", model.ImageSizes.Keys.Select(size => "\"" + size + "\""))
                + " (with an uppercase K).");
    }
}
