using System.Text.Json;

namespace NanoBanana.Sdk;

/// <summary>What to generate. Every provider maps this onto its own wire request; a knob it cannot honour is
/// rejected with <see cref="NotSupportedException"/> before anything is sent, never silently dropped.</summary>
public sealed record ImageGenerationRequest
{
    /// <summary>The text prompt; must not be empty or whitespace.</summary>
    public required string Prompt { get; init; }

    /// <summary>The model; <see langword="null"/> uses the provider's default.</summary>
    public NanoBananaModel? Model { get; init; }

    /// <summary>Reference images for editing or image-to-image; empty for text-to-image.</summary>
    public IReadOnlyList<ImageInput> InputImages { get; init; } = [];

    /// <summary>The shape of the output; <see langword="null"/> uses the vendor's default.</summary>
    public AspectRatio? AspectRatio { get; init; }

    /// <summary>The output size tier; <see langword="null"/> uses the vendor's default.</summary>
    public ImageResolution? Resolution { get; init; }

    /// <summary>How many images to generate; <see langword="null"/> means the vendor's default (one).</summary>
    public int? ImageCount { get; init; }

    /// <summary>The wanted output media type, for example <c>image/png</c>; <see langword="null"/> accepts the vendor's.</summary>
    public string? OutputMediaType { get; init; }

    /// <summary>Where the vendor should call back when the job ends, for vendors with per-request callbacks.</summary>
    public Uri? CallbackUri { get; init; }

    /// <summary>A key the vendor uses to recognise a resent submit, for vendors that honour one; with it, submits may be retried safely.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Extra vendor fields written into the wire request as they are.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Describes the request without the prompt text, which may be sensitive.</summary>
    /// <returns>A summary of the request.</returns>
    public override string ToString() =>
        $"ImageGenerationRequest {{ Model = {Model}, InputImages = {InputImages.Count}, AspectRatio = {AspectRatio}, Resolution = {Resolution}, ImageCount = {ImageCount} }}";
}
