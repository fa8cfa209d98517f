using NanoBanana.Sdk.Http;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Settings of <see cref="DreamToJobsImageClient"/>, bound from <c>NanoBanana:DreamToJobs</c> by default.</summary>
public sealed class DreamToJobsImageClientOptions
{
    /// <summary>The model the vendor documents, used when a request names none.</summary>
    public const string NanoBananaPro = "nano-banana-pro";

    /// <summary>The environment variables read, in order, when <see cref="ApiKey"/> is not set.</summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["DREAMTO_API_KEY"];

    /// <summary>
    /// The API origin; <c>v1/jobs</c> and <c>v1/files/upload</c> are resolved under it. Required: the vendor's public
    /// docs print only an internal host (<c>https://backend:8000</c>), so the SDK has no default.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key, sent as <c>Authorization: Bearer</c>. When empty, <c>DREAMTO_API_KEY</c> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a request names none.</summary>
    public string DefaultModel { get; set; } = NanoBananaPro;

    /// <summary>The budget of a job submit (<c>POST /v1/jobs</c>).</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of a read (<c>GET /v1/jobs/{id}</c>), retries and an inline image body included.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The budget of one reference-image upload (<c>POST /v1/files/upload</c>).</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The budget for the headers of an image download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The polling cadence. The vendor documents none; the default waits 5 s, then polls every 3 s growing to 15 s,
    /// for 10 minutes at most.
    /// </summary>
    public PollingStrategy PollingStrategy { get; set; } = new()
    {
        InitialDelay = TimeSpan.FromSeconds(5),
        Interval = TimeSpan.FromSeconds(3),
        BackoffMultiplier = 1.5,
        MaxInterval = TimeSpan.FromSeconds(15),
        MaxWait = TimeSpan.FromMinutes(10),
    };

    /// <summary>Retry settings of the HTTP pipeline.</summary>
    public NanoBananaResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// How callbacks are verified. The vendor does not sign them, so the SDK adds a token derived from the first secret
    /// to every callback URL it sends and accepts a callback only when its URL carries the token of a configured secret.
    /// </summary>
    public NanoBananaWebhookOptions Webhooks { get; set; } = new();

    /// <summary>
    /// The configuration section the options were bound from (for example <c>NanoBanana:DreamToJobs</c>), set by the
    /// <c>IConfiguration</c> overloads of <c>AddDreamToJobs</c> so validation messages name the full key; <see langword="null"/> when
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
        $"DreamToJobsImageClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {SensitiveText.Mask(ResolveApiKey())}, DefaultModel = {DefaultModel}, Webhooks = {Webhooks} }}";
}
