using NanoBanana.Sdk;

namespace NanoBanana.Cli.Providers;

/// <summary>
/// Where a provider sends its requests. Null values leave the SDK's own resolution (environment variables, documented
/// URL, the vendor's polling cadence) in charge.
/// </summary>
internal sealed record ProviderConnection(string? ApiKey, Uri? BaseAddress, PollingStrategy? Polling = null);
