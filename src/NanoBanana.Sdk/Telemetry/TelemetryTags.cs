namespace NanoBanana.Sdk.Telemetry;

/// <summary>The attribute names the SDK writes: the OpenTelemetry conventions' where one exists, <c>nanobanana.*</c> otherwise.</summary>
internal static class TelemetryTags
{
    public const string OperationName = "gen_ai.operation.name";
    public const string ProviderName = "gen_ai.provider.name";
    public const string RequestModel = "gen_ai.request.model";
    public const string RequestChoiceCount = "gen_ai.request.choice.count";
    public const string OutputType = "gen_ai.output.type";
    public const string ResponseId = "gen_ai.response.id";
    public const string ResponseModel = "gen_ai.response.model";
    public const string InputTokens = "gen_ai.usage.input_tokens";
    public const string OutputTokens = "gen_ai.usage.output_tokens";
    public const string TokenType = "gen_ai.token.type";
    public const string InputMessages = "gen_ai.input.messages";

    public const string ErrorType = "error.type";

    public const string HttpMethod = "http.request.method";
    public const string HttpStatusCode = "http.response.status_code";
    public const string HttpResendCount = "http.request.resend_count";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlFull = "url.full";

    public const string OperationId = "nanobanana.operation.id";
    public const string Method = "nanobanana.method";
    public const string JobStatus = "nanobanana.job.status";
    public const string JobPolls = "nanobanana.job.polls";
    public const string RequestKind = "nanobanana.request.kind";
    public const string ImageCount = "nanobanana.response.image_count";
    public const string CreditsUsed = "nanobanana.usage.credits_used";
    public const string CreditsRemaining = "nanobanana.usage.credits_remaining";
}
