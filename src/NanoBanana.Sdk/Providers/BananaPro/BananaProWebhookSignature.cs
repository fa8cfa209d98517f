using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>
/// Finds BananaPro's signature headers under either documented spelling and verifies them with
/// <see cref="HmacWebhookSignature"/>: HMAC-SHA256 over <c>{timestamp}.{body}</c> with an account webhook's <c>secret_key</c>.
/// </summary>
internal static class BananaProWebhookSignature
{
    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Verify(WebhookRequest request, NanoBananaWebhookOptions options, TimeProvider timeProvider)
    {
        var provider = BananaProImageClient.ProviderId;
        var (timestamp, signature) = ReadHeaders(request);
        try
        {
            HmacWebhookSignature.Verify(provider, request.Body.Span, timestamp, signature, options, timeProvider);
        }
        catch (NanoBananaWebhookException e) when (e.Reason == WebhookRejectionReason.InvalidSignature
            && !string.IsNullOrWhiteSpace(signature)
            && !string.IsNullOrWhiteSpace(timestamp)
            && Compact(request.Body, options.MaxBodyBytes) is { } compact)
        {
            // The vendor's sample verifier signs JSON.stringify(payload), so a sender may sign the compact form of what it sent.
            HmacWebhookSignature.Verify(provider, compact, timestamp, signature, options, timeProvider);
        }
    }

    /// <summary>The <c>X-Nano-*</c> pair (nanobananapro.site docs), else the <c>X-Webhook-*</c> pair (bananapro.site docs).</summary>
    private static (string? Timestamp, string? Signature) ReadHeaders(WebhookRequest request) =>
        request.GetHeader(BananaProWebhookParser.NanoSignatureHeader) is { } signature
            ? (request.GetHeader(BananaProWebhookParser.NanoTimestampHeader), signature)
            : (request.GetHeader(BananaProWebhookParser.WebhookTimestampHeader), request.GetHeader(BananaProWebhookParser.WebhookSignatureHeader));

    /// <summary>The body without insignificant whitespace, or <see langword="null"/> when that changes nothing or it is not JSON.</summary>
    private static byte[]? Compact(ReadOnlyMemory<byte> body, int maxBodyBytes)
    {
        if (body.Length > maxBodyBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var buffer = new ArrayBufferWriter<byte>(body.Length);
            using (var writer = new Utf8JsonWriter(buffer, CompactOptions))
            {
                document.WriteTo(writer);
            }

            return buffer.WrittenSpan.SequenceEqual(body.Span) ? null : buffer.WrittenSpan.ToArray();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
