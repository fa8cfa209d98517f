namespace NanoBanana.Sdk;

/// <summary>
/// The checks every provider runs before sending anything. Input that is wrong anywhere is an
/// <see cref="ArgumentException"/>; input that is valid but beyond this provider is a <see cref="NotSupportedException"/>.
/// </summary>
internal static class ImageGenerationRequestValidator
{
    public static void Validate(ImageGenerationRequest request, string provider, ImageGenerationCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("The prompt is empty or whitespace; describe the image to generate.", nameof(request));
        }

        ValidateImageCount(request, provider, capabilities);
        ValidateInputImages(request, provider, capabilities);
        ValidateChoice(request.AspectRatio, capabilities.AspectRatios, provider, "aspect ratio", nameof(ImageGenerationRequest.AspectRatio));
        ValidateChoice(request.Resolution, capabilities.Resolutions, provider, "resolution", nameof(ImageGenerationRequest.Resolution));
        if (request.OutputMediaType is { } mediaType
            && !capabilities.OutputMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"{provider} cannot produce '{mediaType}'. Supported: {Describe(capabilities.OutputMediaTypes)}. Leave OutputMediaType unset to accept the vendor's format.");
        }

        ValidateCallback(request, provider, capabilities);
        if (request.IdempotencyKey is not null && !capabilities.SupportsIdempotencyKey)
        {
            throw new NotSupportedException(
                $"{provider} does not honour idempotency keys, so a resent submit could be charged twice. Leave IdempotencyKey unset; the SDK never resends a submit that may have reached the vendor.");
        }
    }

    private static void ValidateImageCount(ImageGenerationRequest request, string provider, ImageGenerationCapabilities capabilities)
    {
        if (request.ImageCount is not { } count)
        {
            return;
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), count, "ImageCount must be at least 1.");
        }

        if (count > capabilities.MaxImageCount)
        {
            throw new NotSupportedException($"{provider} returns at most {capabilities.MaxImageCount} image(s) per request; ImageCount was {count}.");
        }
    }

    private static void ValidateInputImages(ImageGenerationRequest request, string provider, ImageGenerationCapabilities capabilities)
    {
        var images = request.InputImages ?? [];
        if (images.Count == 0)
        {
            return;
        }

        if (images.Any(i => i is null))
        {
            throw new ArgumentException("InputImages contains a null entry.", nameof(request));
        }

        if (!capabilities.SupportsInputImages)
        {
            throw new NotSupportedException($"{provider} does not accept reference images.");
        }

        if (capabilities.MaxInputImages is { } max && images.Count > max)
        {
            throw new NotSupportedException($"{provider} accepts at most {max} reference image(s); {images.Count} were given.");
        }

        if (!capabilities.SupportsInputImageBytes && images.Any(i => i.Kind != ImageInputKind.Uri))
        {
            throw new NotSupportedException(
                $"{provider} accepts reference images only as public http(s) URLs; upload the image somewhere the vendor can fetch it and use ImageInput.FromUri.");
        }

        foreach (var image in images)
        {
            ValidateFormat(image);
        }
    }

    /// <summary>Refuses bytes or a file whose first bytes show a format no vendor takes, or another format than the one declared.</summary>
    private static void ValidateFormat(ImageInput image)
    {
        if (image.DetectedMediaType is not { } detected)
        {
            return;
        }

        var what = image.Kind == ImageInputKind.File ? $"file '{image.FilePath}'" : $"given as {image.Data.Length} bytes";
        if (!ImageSignature.IsSendable(detected))
        {
            throw new ArgumentException(
                $"The reference image {what} is a {ImageSignature.Name(detected)} by its first bytes; vendors take PNG, JPEG or WebP. Convert it before sending.");
        }

        var declared = ImageSignature.Normalize(image.MediaType)
            ?? (image.MediaType is null && image.FilePath is { } path ? ImageSignature.FromFileName(path) : null);
        if (declared is not null && !ImageSignature.SameFormat(declared, detected))
        {
            throw new ArgumentException(
                $"The reference image {what} is declared {declared} but its first bytes are {ImageSignature.Name(detected)}; pass its real media type.");
        }
    }

    private static void ValidateChoice<T>(T? value, IReadOnlyList<T> supported, string provider, string what, string setting)
        where T : struct, IEquatable<T>
    {
        if (value is { } chosen && !supported.Contains(chosen))
        {
            throw new NotSupportedException(supported.Count == 0
                ? $"{provider} does not take a {what} ({setting} was '{chosen}'); leave it unset."
                : $"{provider} does not support the {what} '{chosen}'. Supported: {Describe(supported)}.");
        }
    }

    private static void ValidateCallback(ImageGenerationRequest request, string provider, ImageGenerationCapabilities capabilities)
    {
        if (request.CallbackUri is not { } callback)
        {
            return;
        }

        if (!capabilities.NativeWebhooks)
        {
            throw new NotSupportedException(
                $"{provider} cannot call back; use StartGenerationAsync and poll the operation instead of CallbackUri.");
        }

        var secure = callback.IsAbsoluteUri && (callback.Scheme == Uri.UriSchemeHttps || (callback.Scheme == Uri.UriSchemeHttp && callback.IsLoopback));
        if (!secure)
        {
            throw new ArgumentException(
                $"CallbackUri '{callback.OriginalString}' must be an absolute https URL (plain http is allowed only for loopback).", nameof(request));
        }
    }

    private static string Describe<T>(IEnumerable<T> values)
    {
        var list = string.Join(", ", values);
        return list.Length == 0 ? "none" : list;
    }
}
