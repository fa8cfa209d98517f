using System.Text.Json;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>
/// The body of <c>POST /nano-banana/images</c>. Fields left <see langword="null"/> are not sent, so the vendor's defaults
/// apply (<c>nano-banana</c>, <c>1:1</c>, <c>1K</c>, one image, a sync answer).
/// </summary>
public sealed record AceDataImageRequest
{
    /// <summary>One of <see cref="AceDataActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>The prompt.</summary>
    public required string Prompt { get; init; }

    /// <summary>One of <see cref="AceDataModels"/>, or another id the vendor offers; <see langword="null"/> for <c>nano-banana</c>.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// The reference images, sent as <c>image_urls</c> (required for <see cref="AceDataActions.Edit"/>, 1 to 16): URLs as they
    /// are, bytes and files as <c>data:</c> URIs encoded straight into the request body. Each image may be at most 10 MiB;
    /// PNG, JPEG and WebP are accepted.
    /// </summary>
    public IReadOnlyList<ImageInput>? Images { get; init; }

    /// <summary><c>1:1</c>, <c>3:2</c>, <c>2:3</c>, <c>16:9</c>, <c>9:16</c>, <c>4:3</c> or <c>3:4</c>; generate only.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>1K</c>, <c>2K</c> or <c>4K</c>; generate only.</summary>
    public string? Resolution { get; init; }

    /// <summary>How many images to make.</summary>
    public int? Count { get; init; }

    /// <summary>Where the vendor posts the finished task; the answer then comes at once with only a task id. Sent as given.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary><see langword="true"/> to get a task id at once and poll it with <c>POST /nano-banana/tasks</c>.</summary>
    public bool? Async { get; init; }

    /// <summary>Extra fields written into the body as they are; they may not repeat a field above.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// <summary>Describes the request without the prompt text or image bytes.</summary>
    /// <returns>A summary.</returns>
    public override string ToString() =>
        $"AceDataImageRequest {{ Action = {Action}, Model = {Model}, Images = {Images?.Count ?? 0}, AspectRatio = {AspectRatio}, Resolution = {Resolution}, Count = {Count}, Async = {Async}, CallbackUrl = {(CallbackUrl is null ? "none" : "set")} }}";
}
