using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// The vendor's envelope repeats the status in <c>code</c>. The docs do not say it always equals the HTTP status, so an
/// HTTP 200 whose <c>code</c> is not 200 is treated as the error that code names, with the same exception types.
/// </summary>
internal static class ApixoEnvelopeError
{
    public static void ThrowIfFailed(int? code, string? message, string? detail, string what, string? apiKey, string? operationId)
    {
        if (code is null or 200)
        {
            return;
        }

        var text = SensitiveText.Sanitize(ApixoErrorParser.Describe(message, detail), apiKey);
        var quoted = text is null ? string.Empty : $" (\"{text}\")";
        var prefix = $"{ApixoImageClient.ProviderId} answered {what} with code {code}{quoted}";
        NanoBananaException exception = code switch
        {
            _ when ApixoFailCodes.IsContentPolicy(ApixoErrorParser.AsIdentifier(detail)) => new NanoBananaContentFilteredException(
                $"{prefix}: the vendor's safety checks refused the request. Change the prompt or the reference images."),
            401 or 403 => new NanoBananaAuthenticationException($"{prefix}: the API key was rejected or may not use this model. {ApixoErrorParser.Instance.AuthenticationHint}"),
            402 => new NanoBananaQuotaExceededException($"{prefix}: the account balance is too low. Top up the account, then try again."),
            429 => new NanoBananaRateLimitException($"{prefix}: too many requests. Retry later."),
            >= 500 => new NanoBananaException($"{prefix}: the vendor failed. A retry may succeed."),
            _ => new NanoBananaException($"{prefix}: the vendor rejected the request."),
        };

        throw exception.With<NanoBananaException>(facts =>
        {
            facts.Provider = ApixoImageClient.ProviderId;
            facts.StatusCode = code;
            facts.ErrorCode = ApixoErrorParser.AsIdentifier(detail);
            facts.OperationId = operationId;
            facts.IsTransient = code is 408 or 429 or >= 500;
        });
    }
}
