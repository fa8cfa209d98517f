using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.AceData;

/// <summary>Settings of <see cref="AceDataImageClient"/>, bound from <c>NanoBanana:AceData</c> by default.</summary>
public sealed class AceDataImageClientOptions
{
    /// <summary>The vendor's documented base address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.acedata.cloud/");

    /// <summary>
    /// The environment variables read, in order, when <see cref="ApiKey"/> is not set. The vendor's docs name none:
    /// <c>ACEDATA_API_KEY</c> and <c>ACE_DATA_API_KEY</c> follow this SDK's naming, and <c>ACEDATACLOUD_API_TOKEN</c> is
    /// the variable Ace Data's own SDKs and tools read.
    /// </summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["ACEDATA_API_KEY", "ACE_DATA_API_KEY", "ACEDATACLOUD_API_TOKEN"];

    /// <summary>The API base address (override it for a proxy or the emulator).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The API token (one token works for every Ace Data service). When empty, the <see cref="ApiKeyEnvironmentVariables"/> are read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a request names none; <see langword="null"/> leaves it to the vendor (<c>nano-banana</c>).</summary>
    public string? DefaultModel { get; set; }

    /// <summary>The budget of a sync generation, which blocks until the images exist (Gemini 3 Pro at 4K can take minutes).</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The budget of an async or callback submit, which answers at once with a task id.</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of a task read, retries included.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget for the headers of an image download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The polling cadence: the vendor gives none; Ace Data's own SDK polls every 3 s and gives up after 600 s.</summary>
    public PollingStrategy PollingStrategy { get; set; } = PollingStrategy.Fixed(TimeSpan.FromSeconds(3), maxWait: TimeSpan.FromMinutes(10));

    /// <summary>Retry settings of the HTTP pipeline.</summary>
    public NanoBananaResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// How callbacks are verified. Ace Data does not sign callbacks, so the SDK adds a token derived from the first secret
    /// to every <c>callback_url</c> it sends and accepts only callbacks whose URL carries a token of a configured secret.
    /// </summary>
    public NanoBananaWebhookOptions Webhooks { get; set; } = new();

    /// <summary>
    /// The configuration section the options were bound from (for example <c>NanoBanana:AceData</c>), set by the
    /// <c>IConfiguration</c> overloads of <c>AddAceData</c> so validation messages name the full key; <see langword="null"/> when
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
        $"AceDataImageClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {SensitiveText.Mask(ResolveApiKey())}, DefaultModel = {DefaultModel}, Webhooks = {Webhooks} }}";
}
