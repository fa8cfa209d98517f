namespace NanoBanana.Sdk.Webhooks;

/// <summary>How a provider's callbacks are verified; bound from the provider section's <c>Webhooks</c> key.</summary>
public sealed class NanoBananaWebhookOptions
{
    /// <summary>
    /// The secrets accepted, newest first. Several are allowed so a secret can be rotated without losing callbacks:
    /// add the new one, then remove the old one once no job started with it remains.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>How far a signed timestamp may be from now, either way.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest body accepted.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Describes the options without the secrets.</summary>
    /// <returns>A summary that is safe to log.</returns>
    public override string ToString() => $"NanoBananaWebhookOptions {{ Secrets = {Secrets.Count}, TimestampTolerance = {TimestampTolerance}, MaxBodyBytes = {MaxBodyBytes} }}";
}
