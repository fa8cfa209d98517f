namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>
/// Maps the common request onto <see cref="NanaNanoBananaGenerateRequest"/>. The vendor picks size by model id
/// (<c>nanobanan-2-2k</c>, <c>nanobanan-2-4k</c>), so a resolution is folded into the model id where such an id exists.
/// </summary>
internal static class NanaNanoBananaRequestMapper
{
    private const string NanoBanana2 = "nanobanan-2";
    private const string NanoBananaPro = "nanobanan2&pro";

    public static NanaNanoBananaGenerateRequest Map(ImageGenerationRequest request, string mode, string? defaultModel)
    {
        var model = MapModel(request.Model?.Value ?? defaultModel);
        return new NanaNanoBananaGenerateRequest
        {
            Prompt = request.Prompt,
            SelectedModel = ApplyResolution(model, request.Resolution),
            ReferenceImageUrls = request.InputImages is { Count: > 0 } images ? images.Select(i => i.Uri!).ToList() : null,
            AspectRatio = request.AspectRatio?.Value,
            Mode = mode,
            AdditionalProperties = request.AdditionalProperties?.ToDictionary(),
        };
    }

    /// <summary>Neutral names become the vendor's ids; any other id passes through unchanged.</summary>
    private static string? MapModel(string? model) => model switch
    {
        null => null,
        _ when NanoBananaModel.NanoBanana2.Equals(model) => NanoBanana2,
        _ when NanoBananaModel.NanoBananaPro.Equals(model) => NanoBananaPro,
        _ => model,
    };

    private static string? ApplyResolution(string? model, ImageResolution? resolution)
    {
        if (resolution is not { } size || size == ImageResolution.OneK)
        {
            return model;
        }

        var suffix = "-" + size.Value.ToLowerInvariant();
        var supported = (model, suffix) switch
        {
            (NanoBanana2, "-2k" or "-4k") => true,
            (NanoBananaPro, "-2k") => true,
            _ => false,
        };

        return supported
            ? model + suffix
            : throw new NotSupportedException(
                $"NanaNanoBanana sets the size through the model id, and '{model ?? "the default model"}' has no {size} variant. " +
                "Use the model nanobanan-2 (2K, 4K) or nanobanan2&pro (2K), or pick a sized id from GetModelsAsync.");
    }
}
