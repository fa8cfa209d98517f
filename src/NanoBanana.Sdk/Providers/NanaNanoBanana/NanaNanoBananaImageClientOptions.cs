using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>Settings of <see cref="NanaNanoBananaImageClient"/>, bound from <c>NanoBanana:NanaNanoBanana</c> by default.</summary>
public sealed class NanaNanoBananaImageClientOptions
{
    /// <summary>The vendor's documented base address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://www.nananobanana.com/api/v1/");

    /// <summary>The environment variables read, in order, when <see cref="ApiKey"/> is not set.</summary>
    public static IReadOnlyList<string> ApiKeyEnvironmentVariables { get; } = ["NANO_BANANA_API_KEY", "NB_API_KEY"];

    /// <summary>The API base address (override it for a proxy or the emulator).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The API key (<c>nb_...</c>). When empty, <c>NANO_BANANA_API_KEY</c> and then <c>NB_API_KEY</c> are read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model used when a request names none; <see langword="null"/> leaves it to the vendor.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>The budget of a sync generation; the vendor blocks 10–60 s and advises at least 120 s.</summary>
    public TimeSpan SyncTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The budget of an async submit, and of a stream until its headers arrive.</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget of a read (poll, models, credits), retries included.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest gap between two stream events; the vendor sends a heartbeat every 15 s.</summary>
    public TimeSpan StreamIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The budget for the headers of an image download.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The polling cadence; the vendor documents a 5 s first wait, then every 3 s.</summary>
    public PollingStrategy PollingStrategy { get; set; } = PollingStrategy.Fixed(
        TimeSpan.FromSeconds(3), initialDelay: TimeSpan.FromSeconds(5), maxWait: TimeSpan.FromMinutes(10));

    /// <summary>Retry settings of the HTTP pipeline.</summary>
    public NanoBananaResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// The configuration section the options were bound from (for example <c>NanoBanana:NanaNanoBanana</c>), set by the
    /// <c>IConfiguration</c> overloads of <c>AddNanaNanoBanana</c> so validation messages name the full key; <see langword="null"/> when
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
        $"NanaNanoBananaImageClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {SensitiveText.Mask(ResolveApiKey())}, DefaultModel = {DefaultModel} }}";
}
