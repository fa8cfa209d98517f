using System.Security.Cryptography;
using System.Text;

namespace NanoBanana.Sdk.Webhooks;

/// <summary>
/// For vendors that do not sign callbacks: the SDK adds a token to the callback URL it gives the vendor, an HMAC of a
/// webhook secret over the URL's other query parameters, and accepts a callback only when its URL carries a token that
/// one of the configured secrets produces. The secret never leaves the app, and query values the SDK adds (such as a
/// model name) cannot be altered without breaking the token. The query alone is covered because proxies may rewrite
/// the host and path.
/// </summary>
internal static class CallbackUrlToken
{
    public const string QueryParameter = "nb_token";

    public static Uri Append(Uri callbackUri, string secret)
    {
        var builder = new UriBuilder(callbackUri);
        var pairs = Pairs(builder.Query).Where(p => !IsToken(p)).ToList();
        pairs.Add(QueryParameter + "=" + Token(secret, pairs));
        builder.Query = string.Join('&', pairs);
        return builder.Uri;
    }

    public static void Verify(string provider, Uri? requestUri, NanoBananaWebhookOptions options)
    {
        if (options.Secrets.Count == 0)
        {
            throw HmacWebhookSignature.Reject(provider, WebhookRejectionReason.NotConfigured,
                "no webhook secret is configured, so the callback token cannot be checked. Set Webhooks:Secrets.");
        }

        var pairs = requestUri is null ? [] : Pairs(requestUri.Query);
        var presented = pairs.Where(IsToken).Select(p => Uri.UnescapeDataString(p[(QueryParameter.Length + 1)..])).FirstOrDefault();
        if (presented is not null)
        {
            var others = pairs.Where(p => !IsToken(p)).ToList();
            var bytes = Encoding.ASCII.GetBytes(presented);
            foreach (var secret in options.Secrets)
            {
                if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(secret, others)), bytes))
                {
                    return;
                }
            }
        }

        throw HmacWebhookSignature.Reject(provider, WebhookRejectionReason.InvalidToken,
            $"the callback URL's {QueryParameter} is missing, does not match the URL, or matches none of the configured secrets.");
    }

    private static string Token(string secret, IEnumerable<string> otherPairs)
    {
        // Decoded and sorted, so re-encoding or reordering by a proxy does not break a genuine callback.
        var canonical = "nanobanana-callback\n" + string.Join('\n', otherPairs.Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(canonical)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static List<string> Pairs(string query) =>
        [.. query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)];

    private static bool IsToken(string pair) =>
        pair.StartsWith(QueryParameter + "=", StringComparison.Ordinal);
}
