using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>Settings of <see cref="BananaProImageClient"/>, bound from <c>NanoBanana:BananaPro</c> by default.</summary>
public sealed class BananaProImageClientOptions
{
    /// <summary>The gateway the vendor's model pages call. All paths start with <c>/api/v1</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://gateway.bananapro.site/");

    /// <summary>The gateway host the vendor's authentication and account pages call; assumed to be the same service.</summary>
    public static readonly Uri AlternateBaseAddress = new("https://gateway.nanobananapro.site/");

    /// <summary>The placeholder <see cref="StatusPathTemplate"/> must contain.</summary>
    public const string TaskIdPlaceholder = "{task_id}";

    /// <summary>The status path the SDK assumes: the only guess two independent public clients share. Unverified.</summary>
    public const string DefaultStatusPathTemplate = "/api/v1/images/" + TaskIdPlaceholder;

    /// <summary>
    /// The environment variables read, in order, when <see cref="ApiKey"/> is not set. The vendor names none; the SDK
    /// reads <c>BANANAPRO_API_KEY</c>.
    /// </summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["BANANAPRO_API_KEY"];

    /// <summary>The gateway root (override it for <see cref="AlternateBaseAddress"/>, a proxy or the emulator); paths are appended to it.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The API key (<c>sk-...</c>). When empty, <c>BANANAPRO_API_KEY</c> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a request names none; the vendor requires one.</summary>
    public string DefaultModel { get; set; } = BananaProModels.NanoBanana;

    /// <summary>
    /// The path of the task status read, relative to <see cref="BaseAddress"/> (a leading slash keeps the base's own
    /// path), with <c>{task_id}</c> where the id goes. The vendor documents no status endpoint, so this is a guess:
    /// if it answers 404 for your account, set the right path here, or rely on webhooks.
    /// </summary>
    public string StatusPathTemplate { get; set; } = DefaultStatusPathTemplate;

    /// <summary>The budget of a submit (and of a webhook registration).</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of a read (status, balances, webhook list and delete), retries included.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget for the headers of an image download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The polling cadence of the fallback poll (the vendor documents none): first poll 5 s after the submit (the
    /// vendor's stated generation time), then 3 s growing 1.5× to 15 s, which keeps five concurrent tasks under the
    /// documented 60 requests per minute. A webhook delivery ends the wait at once.
    /// </summary>
    public PollingStrategy PollingStrategy { get; set; } = new()
    {
        InitialDelay = TimeSpan.FromSeconds(5),
        Interval = TimeSpan.FromSeconds(3),
        BackoffMultiplier = 1.5,
        MaxInterval = TimeSpan.FromSeconds(15),
        MaxWait = TimeSpan.FromMinutes(10),
    };

    /// <summary>
    /// How webhook deliveries are verified: <see cref="NanoBananaWebhookOptions.Secrets"/> holds the <c>secret_key</c>
    /// of each account webhook (several while rotating).
    /// </summary>
    public NanoBananaWebhookOptions Webhooks { get; set; } = new();

    /// <summary>Retry settings and limits of the HTTP pipeline; the limits default to the vendor's documented 5 concurrent calls and 60 per minute.</summary>
    public NanoBananaResilienceOptions Resilience { get; set; } = new() { MaxConcurrentRequests = 5, RequestsPerMinute = 60 };

    /// <summary>
    /// The configuration section the options were bound from (for example <c>NanoBanana:BananaPro</c>), set by the
    /// <c>IConfiguration</c> overloads of <c>AddBananaPro</c> so validation messages name the full key; <see langword="null"/> when
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
        $"BananaProImageClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {SensitiveText.Mask(ResolveApiKey())}, DefaultModel = {DefaultModel}, " +
        $"StatusPathTemplate = {StatusPathTemplate}, Webhooks = {Webhooks} }}";
}
