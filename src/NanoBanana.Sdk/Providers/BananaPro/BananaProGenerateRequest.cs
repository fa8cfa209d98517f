using System.Text.Json;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// The body of <c>POST /api/v1/images/generate</c>. Fields are written in the vendor's snake_case names; unset fields
/// are left out. Reference images given as bytes or files are base64-encoded into the body while it is sent, as
/// <c>data:&lt;media type&gt;;base64,...</c> entries of <c>image_urls</c>.
/// </summary>
public sealed record BananaProGenerateRequest
{
    /// <summary><c>model</c> (required): one of <see cref="BananaProModels"/>, or another id the vendor offers.</summary>
    public required string Model { get; init; }

    /// <summary><c>type</c>: one of <see cref="BananaProTaskTypes"/>; <see langword="null"/> for the vendor's default, text-to-image.</summary>
    public string? Type { get; init; }

    /// <summary><c>prompt</c> (required).</summary>
    public required string Prompt { get; init; }

    /// <summary><c>image_urls</c>: reference images for image-to-image, as public URLs, bytes or files.</summary>
    public IReadOnlyList<ImageInput>? ImageUrls { get; init; }

    /// <summary><c>resolution</c>: <c>1K</c>, <c>2K</c> or <c>4K</c>; only <see cref="BananaProModels.NanoBananaPro"/> takes it.</summary>
    public string? Resolution { get; init; }

    /// <summary><c>aspect_ratio</c>: <c>1:1</c>, <c>16:9</c>, <c>9:16</c>, <c>4:3</c> or <c>3:4</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>num_images</c>: the vendor accepts only 1.</summary>
    public int? NumImages { get; init; }

    /// <summary>Extra fields written into the body as they are, after the documented ones.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Describes the request without the prompt text or image bytes.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"BananaProGenerateRequest {{ Model = {Model}, Type = {Type}, AspectRatio = {AspectRatio}, Resolution = {Resolution}, ImageUrls = {ImageUrls?.Count ?? 0} }}";
}
