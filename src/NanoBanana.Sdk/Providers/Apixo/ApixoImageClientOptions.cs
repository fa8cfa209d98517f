using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>Settings of <see cref="ApixoImageClient"/>, bound from <c>NanoBanana:Apixo</c> by default.</summary>
public sealed class ApixoImageClientOptions
{
    /// <summary>The vendor's documented base address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.apixo.ai/api/v1/");

    /// <summary>
    /// The environment variables read, in order, when <see cref="ApiKey"/> is not set. APIXO documents none; the SDK
    /// reads <c>APIXO_API_KEY</c>.
    /// </summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["APIXO_API_KEY"];

    /// <summary>The API base address (override it for a proxy or the emulator).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The API key. When empty, <c>APIXO_API_KEY</c> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model id used when a request names none; <see langword="null"/> for <see cref="ApixoModels.NanoBanana"/>.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>The routing strategy sent as <c>provider</c>, one of <see cref="ApixoRoutingStrategies"/>; <see langword="null"/> leaves it to the vendor (<c>auto</c>).</summary>
    public string? RoutingStrategy { get; set; }

    /// <summary>The budget of a submit (<c>generateTask</c>).</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of a status read, retries included.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget for the headers of an image download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The polling cadence; the vendor documents a 10 s first wait, then every 3 s (jobs take 15–20 s on average).
    /// <see cref="ApixoImageClient.GenerateAsync"/> and <see cref="ApixoImageClient.GenerateStreamingAsync"/> poll with it too.
    /// </summary>
    public PollingStrategy PollingStrategy { get; set; } = PollingStrategy.Fixed(
        TimeSpan.FromSeconds(3), initialDelay: TimeSpan.FromSeconds(10), maxWait: TimeSpan.FromMinutes(10));

    /// <summary>Retry settings and limits of the HTTP pipeline; the limits default to the vendor's documented 1,000 concurrent calls and 10,000 per minute.</summary>
    public NanoBananaResilienceOptions Resilience { get; set; } = new() { MaxConcurrentRequests = 1000, RequestsPerMinute = 10_000 };

    /// <summary>How callbacks are verified. A request with a <c>CallbackUri</c> needs at least one secret in <see cref="NanoBananaWebhookOptions.Secrets"/>.</summary>
    public NanoBananaWebhookOptions Webhooks { get; set; } = new();

    /// <summary>
    /// The configuration section the options were bound from (for example <c>NanoBanana:Apixo</c>), set by the
    /// <c>IConfiguration</c> overloads of <c>AddApixo</c> so validation messages name the full key; <see langword="null"/> when
    /// configured in code.
    /// </summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>The key in effect: <see cref="ApiKey"/>, else the first environment variable that is set.</summary>
    /// <returns>The key, or <see langword="null"/>.</returns>
    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey
        : ApiKeyEnvironmentVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Describes the options with the key masked and the webhook secrets counted, not shown.</summary>
    /// <returns>A summary that is safe to log.</returns>
    public override string ToString() =>
        $"ApixoImageClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {SensitiveText.Mask(ResolveApiKey())}, DefaultModel = {DefaultModel}, " +
        $"RoutingStrategy = {RoutingStrategy}, Webhooks = {Webhooks} }}";
}
