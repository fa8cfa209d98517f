using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Gemini;

/// <summary>Settings of <see cref="GeminiImageClient"/>, bound from <c>NanoBanana:Gemini</c> by default.</summary>
public sealed class GeminiImageClientOptions
{
    /// <summary>Google's Generative Language API.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://generativelanguage.googleapis.com/");

    /// <summary>The environment variables read, in order, when <see cref="ApiKey"/> is not set.</summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["GEMINI_API_KEY", "GOOGLE_API_KEY"];

    /// <summary>The API base address; set it for a gateway that speaks the Gemini protocol, a proxy or the emulator.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The API version path segment; image features are documented on <c>v1beta</c>.</summary>
    public string ApiVersion { get; set; } = "v1beta";

    /// <summary>How the key is sent: <c>x-goog-api-key</c> for Google (default), <c>Authorization: Bearer</c> for gateways.</summary>
    public GeminiAuthScheme AuthScheme { get; set; } = GeminiAuthScheme.GoogleApiKey;

    /// <summary>The API key. When empty, <c>GEMINI_API_KEY</c> and then <c>GOOGLE_API_KEY</c> are read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a request names none; the neutral <see cref="NanoBananaModel"/> names are Gemini ids already.</summary>
    public string DefaultModel { get; set; } = NanoBananaModel.NanoBanana.Value;

    /// <summary>The budget of a <c>generateContent</c> call, and of a stream until its headers arrive; Pro at 4K can take minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest gap between two stream chunks. Gemini sends no heartbeats, so the image chunk can take as long as the generation.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The budget of a read (models, file metadata), retries included.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of one reference upload through the Files API, until the file is ready.</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most bytes the prompt and the inline (base64) reference images may take in one request; Google advises about
    /// 20 MB in total. Bytes and file references beyond it are uploaded through the Files API first, largest first, and
    /// sent as <c>fileData</c>.
    /// </summary>
    public long InlineReferenceLimitBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Retry settings of the HTTP pipeline.</summary>
    public NanoBananaResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// The configuration section the options were bound from (for example <c>NanoBanana:Gemini</c>), set by the
    /// <c>IConfiguration</c> overloads of <c>AddGemini</c> so validation messages name the full key; <see langword="null"/> when
    /// configured in code.
    /// </summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>The key in effect: <see cref="ApiKey"/>, else the first environment variable that is set.</summary>
    /// <returns>The key, or <see langword="null"/>.</returns>
    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey
        : ApiKeyEnvironmentVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Describes the options with the key masked.</summary>
    /// <returns>A summary that is safe to log.</returns>
    public override string ToString() =>
        $"GeminiImageClientOptions {{ BaseAddress = {BaseAddress}, ApiVersion = {ApiVersion}, AuthScheme = {AuthScheme}, ApiKey = {SensitiveText.Mask(ResolveApiKey())}, DefaultModel = {DefaultModel} }}";
}
