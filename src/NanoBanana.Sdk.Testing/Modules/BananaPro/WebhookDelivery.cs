using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NanoBanana.Sdk.Testing.Callbacks;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Jobs;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// Delivers a finished task to every account webhook subscribed to its outcome, in the documented payload shape, with
/// the event name in the spelling the endpoint subscribed with. A webhook with a <c>secret_key</c> gets
/// <c>X-Nano-Timestamp</c> (Unix seconds) and <c>X-Nano-Signature</c>: lowercase hex HMAC-SHA256 of
/// <c>{timestamp}.{raw body}</c>. The failure payload, the signature encoding and the retry schedule are undocumented;
/// the emulator assumes <c>data.error</c>, hex, and three attempts in all for any answer other than 2xx.
/// </summary>
internal sealed class WebhookDelivery(EmulatorState state, WebhookRegistry registry)
{
    public const string TimestampHeader = "X-Nano-Timestamp";
    public const string SignatureHeader = "X-Nano-Signature";

    private static readonly CallbackPolicy Policy = new(Attempts: 3, RetryDelay: TimeSpan.FromMilliseconds(200));

    public void Deliver(EmulatedJob job)
    {
        var completed = job.Outcome.FinalStatus == JobStatus.Completed;
        foreach (var webhook in registry.Snapshot())
        {
            if (webhook.EventFor(completed) is not { } eventName)
            {
                continue;
            }

            var now = state.Time.GetUtcNow();
            var body = Payload(job, eventName, completed, now);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (webhook.SecretKey is { } secret)
            {
                var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                headers[TimestampHeader] = timestamp;
                headers[SignatureHeader] = Sign(secret, timestamp, body);
            }

            state.Callbacks.Enqueue(webhook.Url, body, headers, Policy);
        }
    }

    private static byte[] Payload(EmulatedJob job, string eventName, bool completed, DateTimeOffset now) => JsonResponse.Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("event", eventName);
        writer.WriteString("task_id", job.Id);
        writer.WriteString("task_type", "image");
        writer.WriteString("status", completed ? "completed" : "failed");
        writer.WriteStartObject("data");
        if (completed)
        {
            writer.WriteString("url", job.Outcome.ImageUrls[0].AbsoluteUri);
        }
        else
        {
            writer.WriteString("error", job.Outcome.ErrorMessage);
        }

        writer.WriteNumber("credits_charged", job.CreditsUsed);
        writer.WriteEndObject();
        writer.WriteString("timestamp", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }).ToArray();

    private static string Sign(string secret, string timestamp, byte[] body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
