using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NanoBanana.Sdk.Webhooks;

/// <summary>
/// Verifies <c>HMAC-SHA256(secret, "{timestamp}.{raw body}")</c> signatures in constant time against every configured
/// secret, and checks the timestamp against the injected clock.
/// </summary>
internal static class HmacWebhookSignature
{
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    public static void Verify(
        string provider, ReadOnlySpan<byte> body, string? timestamp, string? signature, NanoBananaWebhookOptions options, TimeProvider timeProvider)
    {
        if (options.Secrets.Count == 0)
        {
            throw Reject(provider, WebhookRejectionReason.NotConfigured, "no webhook secret is configured, so the callback cannot be verified. Set Webhooks:Secrets.");
        }

        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            throw Reject(provider, WebhookRejectionReason.InvalidSignature, "the timestamp or signature header is missing.");
        }

        CheckTimestamp(provider, timestamp, options.TimestampTolerance, timeProvider);
        var presented = Decode(signature);
        foreach (var secret in options.Secrets)
        {
            var expected = Convert.FromHexString(Compute(secret, timestamp, body));
            if (presented is not null && CryptographicOperations.FixedTimeEquals(expected, presented))
            {
                return;
            }
        }

        throw Reject(provider, WebhookRejectionReason.InvalidSignature, "the signature matches none of the configured secrets.");
    }

    private static void CheckTimestamp(string provider, string timestamp, TimeSpan tolerance, TimeProvider timeProvider)
    {
        if (!long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Reject(provider, WebhookRejectionReason.TimestampOutOfRange, "the timestamp is not a Unix time.");
        }

        // Millisecond timestamps are 13 digits; seconds are 10 for the foreseeable future.
        var sent = value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        if ((timeProvider.GetUtcNow() - sent).Duration() > tolerance)
        {
            throw Reject(provider, WebhookRejectionReason.TimestampOutOfRange, $"the timestamp is more than {tolerance} away from now.");
        }
    }

    /// <summary>Accepts hex (with an optional <c>sha256=</c> prefix) or base64 digests; the vendor's encoding is undocumented.</summary>
    private static byte[]? Decode(string signature)
    {
        var text = signature.Trim();
        if (text.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        if (text.Length == 64 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }

        var buffer = new byte[32];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == 32 ? buffer : null;
    }

    public static NanoBananaWebhookException Reject(string provider, WebhookRejectionReason reason, string detail) =>
        new($"Rejected a {provider} callback: {detail}") { Provider = provider, Reason = reason };
}
