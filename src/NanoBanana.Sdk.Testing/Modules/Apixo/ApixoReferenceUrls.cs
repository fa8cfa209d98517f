namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// Which reference URLs the emulator pretends it can fetch: absolute http(s) URLs, except on the host
/// <c>invalid.example</c>, which stands for an unreachable image. Anything else fails the task with INVALID_IMAGE_URL.
/// </summary>
internal static class ApixoReferenceUrls
{
    public const string UnreachableHost = "invalid.example";

    public static bool CanFetch(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && !string.Equals(uri.Host, UnreachableHost, StringComparison.OrdinalIgnoreCase);
}
