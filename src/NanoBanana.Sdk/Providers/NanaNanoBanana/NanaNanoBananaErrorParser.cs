using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>Reads <c>{"error": "...", "type": "..."}</c>; the documented 503 adds <c>type: server_busy</c>.</summary>
internal sealed class NanaNanoBananaErrorParser : IProviderErrorParser
{
    public static NanaNanoBananaErrorParser Instance { get; } = new();

    public string AuthenticationHint =>
        "Check NanoBanana:NanaNanoBanana:ApiKey or the NANO_BANANA_API_KEY / NB_API_KEY environment variable (keys start with nb_).";

    public ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var error = JsonSerializer.Deserialize(body, NanaNanoBananaJsonContext.Default.NanaNanoBananaErrorBody);
        return error is null || (error.Error is null && error.Message is null && error.Type is null)
            ? null
            : new ProviderError(error.Type, error.Error ?? error.Message);
    }
}
