using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.DreamToJobs;

/// <summary>Reads the vendor's (undocumented) error bodies in every common shape; see <see cref="DreamToJobsErrorBody"/>.</summary>
internal sealed class DreamToJobsErrorParser : IProviderErrorParser
{
    public static DreamToJobsErrorParser Instance { get; } = new();

    public string AuthenticationHint =>
        "Check NanoBanana:DreamToJobs:ApiKey (or the section you bound) or the DREAMTO_API_KEY environment variable.";

    public ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var parsed = JsonSerializer.Deserialize(body, DreamToJobsJsonContext.Default.DreamToJobsErrorBody);
        var error = parsed?.Error;
        // Google-style bodies repeat the HTTP status as a numeric code; their status word says more.
        var code = (IsNumber(error?.Code) ? error?.Status ?? error?.Code : error?.Code ?? error?.Type ?? error?.Status) ?? parsed?.Code;
        var message = error?.Message ?? parsed?.Message;
        return code is null && message is null ? null : new ProviderError(code, message, parsed?.RequestId);
    }

    private static bool IsNumber(string? text) => text is { Length: > 0 } && text.All(char.IsAsciiDigit);
}
