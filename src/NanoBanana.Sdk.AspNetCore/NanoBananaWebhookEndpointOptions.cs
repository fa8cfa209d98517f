namespace NanoBanana.Sdk.AspNetCore;

/// <summary>Settings of one endpoint mapped by <c>MapNanoBananaWebhooks</c>.</summary>
public sealed class NanoBananaWebhookEndpointOptions
{
    /// <summary>
    /// The largest body read, in bytes (default 1 MiB). A larger <c>Content-Length</c> is answered 413 without reading the
    /// body. Each provider's own <c>Webhooks:MaxBodyBytes</c> is checked again by its parser, so the smaller limit wins.
    /// </summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a handled event id is remembered, so the vendor's retries of a delivery are acknowledged without running
    /// the handlers again (default 15 minutes; <see cref="TimeSpan.Zero"/> turns de-duplication off).
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The most event ids remembered; the oldest are forgotten first (default 10,000).</summary>
    public int DeduplicationCapacity { get; set; } = 10_000;
}
