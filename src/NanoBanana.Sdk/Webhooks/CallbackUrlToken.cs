using System.Security.Cryptography;
using System.Text;

namespace NanoBanana.Sdk.Webhooks;

/// <summary>
/// For vendors that do not sign callbacks: the SDK adds a token derived from a webhook secret to the callback URL it
/// gives the vendor, and accepts a callback only when its URL carries a token of a configured secret. The secret itself
/// never leaves the app.
/// </summary>
internal static class CallbackUrlToken
{
    public const string QueryParameter = "nb_token";

    public static Uri Append(Uri callbackUri, string secret)
    {
        var builder = new UriBuilder(callbackUri);
        var query = builder.Query.TrimStart('?');
        var token = QueryParameter + "=" + Token(secret);
        builder.Query = query.Length == 0 ? token : query + "&" + token;
        return builder.Uri;
    }

    public static void Verify(string provider, Uri? requestUri, NanoBananaWebhookOptions options)
    {
        if (options.Secrets.Count == 0)
        {
            throw HmacWebhookSignature.Reject(provider, WebhookRejectionReason.NotConfigured,
                "no webhook secret is configured, so the callback token cannot be checked. Set Webhooks:Secrets.");
        }

        var presented = requestUri is null ? null : Find(requestUri.Query);
        if (presented is not null)
        {
            var bytes = Encoding.ASCII.GetBytes(presented);
            foreach (var secret in options.Secrets)
            {
                if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(secret)), bytes))
                {
                    return;
                }
            }
        }

        throw HmacWebhookSignature.Reject(provider, WebhookRejectionReason.InvalidToken,
            $"the callback URL's {QueryParameter} is missing or matches none of the configured secrets.");
    }

    private static string Token(string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "nanobanana-callback"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Find(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual(QueryParameter))
            {
                return Uri.UnescapeDataString(pair[(separator + 1)..]);
            }
        }

        return null;
    }
}
