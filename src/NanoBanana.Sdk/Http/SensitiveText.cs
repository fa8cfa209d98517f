using System.Text.RegularExpressions;

namespace NanoBanana.Sdk.Http;

/// <summary>Makes vendor text safe for exception messages and logs: no API keys, no base64 payloads, bounded length.</summary>
internal static partial class SensitiveText
{
    private const int MaxLength = 300;

    public static string? Sanitize(string? text, string? apiKey = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            text = text.Replace(apiKey, "***", StringComparison.Ordinal);
        }

        text = Base64Run().Replace(text, "[base64 omitted]");
        text = BearerToken().Replace(text, "Bearer ***");
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }

    /// <summary>Masks a key for display: its first characters and its length only.</summary>
    public static string Mask(string? apiKey) =>
        string.IsNullOrEmpty(apiKey) ? "(none)" : $"{apiKey[..Math.Min(3, apiKey.Length)]}*** ({apiKey.Length} chars)";

    [GeneratedRegex(@"[A-Za-z0-9+/_\-]{100,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"Bearer\s+\S+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();
}
