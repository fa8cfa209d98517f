using System.Collections.Frozen;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>The <c>failCode</c> values the Nano Banana pages document; the vendor's catalogs list more, which pass through as they are.</summary>
public static class ApixoFailCodes
{
    /// <summary>The prompt or output violates the content policy.</summary>
    public const string ContentViolation = "CONTENT_VIOLATION";

    /// <summary>A reference image URL could not be fetched.</summary>
    public const string InvalidImageUrl = "INVALID_IMAGE_URL";

    /// <summary>Content-policy codes from both of the vendor's failCode catalogs (which may also come back on immediate errors).</summary>
    private static readonly FrozenSet<string> ContentPolicyCodes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        ContentViolation, "NSFW_DETECTED", "NSFW", "SensitiveContent", "SensitiveContentDetected",
        "InputImageSensitiveContentDetected", "InputOutputSensitiveContentDetected", "ProhibitedContentDetected");

    /// <summary>Codes of failures the vendor describes as passing (a new job may succeed).</summary>
    private static readonly FrozenSet<string> TransientCodes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "PROCESSING_TIMEOUT", "MODEL_UNAVAILABLE", "GENERATION_FAILED");

    internal static bool IsContentPolicy(string? code) => code is not null && ContentPolicyCodes.Contains(code);

    internal static bool IsTransient(string? code) => code is not null && TransientCodes.Contains(code);
}
