using NanoBanana.Sdk.Webhooks;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// The <c>callback_url</c> the SDK gives APIXO: the caller's URL plus <c>nb_model</c> (APIXO's callback names the task but
/// not its model, and the operation id needs both) and the SDK's callback token (APIXO does not sign callbacks).
/// </summary>
internal static class ApixoCallbackUrl
{
    public const string ModelParameter = "nb_model";

    public static Uri Create(Uri callbackUri, string model, NanoBananaWebhookOptions webhooks)
    {
        var secret = webhooks.Secrets.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? throw new InvalidOperationException(
            $"{ApixoImageClient.ProviderId}: the request has a CallbackUri but no webhook secret is configured, so nothing was sent. " +
            "Set Webhooks:Secrets so callbacks can be verified.");
        var builder = new UriBuilder(callbackUri);
        var query = builder.Query.TrimStart('?');
        var modelPair = ModelParameter + "=" + Uri.EscapeDataString(model);
        builder.Query = query.Length == 0 ? modelPair : query + "&" + modelPair;
        return CallbackUrlToken.Append(builder.Uri, secret);
    }

    /// <summary>The model the SDK put into a callback URL, or <see langword="null"/>.</summary>
    public static string? ReadModel(Uri? requestUri)
    {
        if (requestUri is null)
        {
            return null;
        }

        foreach (var pair in requestUri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair.AsSpan(0, separator).SequenceEqual(ModelParameter))
            {
                var model = Uri.UnescapeDataString(pair[(separator + 1)..]);
                return ApixoModels.IsValidId(model) ? model : null;
            }
        }

        return null;
    }
}
