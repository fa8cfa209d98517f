namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Maps the common request onto <see cref="ApixoGenerateTaskRequest"/>, checking what each documented model accepts before
/// anything is sent. The documented defaults (<c>aspect_ratio</c> 1:1; <c>resolution</c> 1K where the model takes one) are
/// sent explicitly, because the vendor's pages disagree on which fields are required.
/// </summary>
internal static class ApixoRequestMapper
{
    private const string DefaultAspectRatio = "1:1";

    /// <summary>The model id for the path: neutral names become APIXO's ids; any other id is used as given.</summary>
    public static string ResolveModel(ImageGenerationRequest request, ApixoImageClientOptions options)
    {
        var model = request.Model?.Value switch
        {
            null => options.DefaultModel ?? ApixoModels.NanoBanana,
            var neutral when NanoBananaModel.NanoBanana.Equals(neutral) => ApixoModels.NanoBanana,
            var neutral when NanoBananaModel.NanoBananaPro.Equals(neutral) => ApixoModels.NanoBananaPro,
            var neutral when NanoBananaModel.NanoBanana2.Equals(neutral) => ApixoModels.NanoBanana2,
            var id => id,
        };

        return ApixoModels.IsValidId(model)
            ? model
            : throw new ArgumentException(
                $"'{model}' is not an {ApixoImageClient.ProviderId} model id: it goes into the URL path, so only letters, digits, '.', '_' and '-' are allowed.",
                nameof(request));
    }

    public static ApixoGenerateTaskRequest Map(ImageGenerationRequest request, string model, ApixoImageClientOptions options, Uri? callbackUrl)
    {
        var limits = ApixoModelLimits.For(model);
        if (limits is not null)
        {
            CheckLimits(request, model, limits);
        }

        var images = request.InputImages is { Count: > 0 } inputs ? inputs.Select(i => i.Uri!).ToList() : null;
        return new ApixoGenerateTaskRequest
        {
            RequestType = callbackUrl is null ? ApixoRequestTypes.Async : ApixoRequestTypes.Callback,
            CallbackUrl = callbackUrl,
            RoutingStrategy = options.RoutingStrategy,
            Input = new ApixoTaskInput
            {
                Mode = images is null ? ApixoTaskModes.TextToImage : ApixoTaskModes.ImageToImage,
                Prompt = request.Prompt,
                AspectRatio = request.AspectRatio?.Value ?? (limits is null ? null : DefaultAspectRatio),
                Resolution = Resolution(request.Resolution, limits),
                ImageUrls = images,
                OutputFormat = OutputFormat(request.OutputMediaType),
                AdditionalProperties = request.AdditionalProperties?.ToDictionary(),
            },
        };
    }

    private static void CheckLimits(ImageGenerationRequest request, string model, ApixoModelLimits limits)
    {
        if (request.InputImages.Count > limits.MaxInputImages)
        {
            throw new NotSupportedException(
                $"{ApixoImageClient.ProviderId} {model} accepts at most {limits.MaxInputImages} reference images; {request.InputImages.Count} were given.");
        }

        if (request.AspectRatio is { } ratio && !limits.AspectRatios.Contains(ratio))
        {
            throw new NotSupportedException(
                $"{ApixoImageClient.ProviderId} {model} does not support the aspect ratio '{ratio}'. Supported: {string.Join(", ", limits.AspectRatios)}.");
        }

        // nano-banana has no resolution field: 1K is its only size, anything larger needs another model.
        if (request.Resolution is { } size && size != ImageResolution.OneK && !limits.Resolutions.Contains(size))
        {
            throw new NotSupportedException(
                $"{ApixoImageClient.ProviderId} {model} cannot produce {size} images. Use {ApixoModels.NanoBananaPro} or {ApixoModels.NanoBanana2} for 2K and 4K.");
        }

        if (limits.MaxPromptLength is { } max && request.Prompt.Length > max)
        {
            throw new NotSupportedException(
                $"{ApixoImageClient.ProviderId} {model} accepts prompts of at most {max} characters; this one has {request.Prompt.Length}.");
        }
    }

    private static string? Resolution(ImageResolution? requested, ApixoModelLimits? limits) => limits switch
    {
        null => requested?.Value,
        { Resolutions.Count: 0 } => null,
        _ => (requested ?? ImageResolution.OneK).Value.ToUpperInvariant(),
    };

    private static string? OutputFormat(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        null => null,
        "image/png" => "png",
        "image/jpeg" => "jpeg",
        _ => throw new NotSupportedException($"{ApixoImageClient.ProviderId} produces only image/png or image/jpeg; OutputMediaType was '{mediaType}'."),
    };
}
