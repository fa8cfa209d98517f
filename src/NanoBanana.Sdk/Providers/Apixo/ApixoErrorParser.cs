using System.Buffers;
using System.Text.Json;
using NanoBanana.Sdk.Http;

namespace NanoBanana.Sdk.Providers.Apixo;

/// <summary>
/// Reads <c>{"code", "message", "data": {"error"}}</c>. The vendor's newer error page says failure identifiers such as
/// <c>SensitiveContent</c> may come back on immediate errors too, so a <c>data.error</c> that is one identifier becomes the error
/// code, and a content-policy code makes the error a content-filter refusal whatever its status.
/// </summary>
internal sealed class ApixoErrorParser : IProviderErrorParser
{
    private static readonly SearchValues<char> IdentifierCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static ApixoErrorParser Instance { get; } = new();

    public string AuthenticationHint => "Check NanoBanana:Apixo:ApiKey or the APIXO_API_KEY environment variable.";

    public ProviderError? Parse(int statusCode, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        var error = JsonSerializer.Deserialize(body, ApixoJsonContext.Default.ApixoErrorBody);
        var detail = error?.Data?.Error;
        if (error is null || (error.Message is null && detail is null))
        {
            return null;
        }

        // The newer error page gives 403 the meaning "content violates policy"; a content code says which meaning applies.
        var code = AsIdentifier(detail);
        return new ProviderError(code, Describe(error.Message, detail), Kind: ApixoFailCodes.IsContentPolicy(code) ? ProviderErrorKind.ContentFiltered : null);
    }

    /// <summary>Joins the envelope's message and its <c>data.error</c> detail, for example "Invalid request: Missing required field: input.prompt".</summary>
    public static string? Describe(string? message, string? detail) =>
        string.IsNullOrWhiteSpace(detail) ? message
        : string.IsNullOrWhiteSpace(message) ? detail
        : $"{message}: {detail}";

    /// <summary>The text when it is a single identifier (a failure code), else <see langword="null"/>.</summary>
    public static string? AsIdentifier(string? text) =>
        text is { Length: > 0 and <= 64 } && !text.AsSpan().ContainsAnyExcept(IdentifierCharacters) && char.IsAsciiLetter(text[0]) ? text : null;
}
