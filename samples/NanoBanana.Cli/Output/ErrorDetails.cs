namespace NanoBanana.Cli.Output;

/// <summary>One failure, with the facts a script can act on.</summary>
/// <param name="Type">The kind of failure, one per exit code: <c>usage</c>, <c>unsupported</c>, <c>authentication</c>, <c>quota_exceeded</c>,
/// <c>rate_limited</c>, <c>content_filtered</c>, <c>generation_failed</c>, <c>timeout</c>, <c>provider_error</c>, <c>cancelled</c> or <c>unexpected</c>.</param>
/// <param name="Message">What happened and what to do, on one line.</param>
/// <param name="Hint">How to carry on (for example the command that resumes the job), if anything applies.</param>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Provider">The <c>--provider</c> name.</param>
/// <param name="StatusCode">The vendor's HTTP status, when a response arrived.</param>
/// <param name="VendorCode">The vendor's own error code or type, when it sent one.</param>
/// <param name="OperationId">The job id, when the vendor had accepted the job: it may still run, and be charged.</param>
/// <param name="RequestId">The vendor's request id, for support tickets.</param>
/// <param name="RetryAfterSeconds">How long the vendor asked to wait before trying again.</param>
internal sealed record ErrorDetails(
    string Type,
    string Message,
    string? Hint,
    int ExitCode,
    string? Provider,
    int? StatusCode,
    string? VendorCode,
    string? OperationId,
    string? RequestId,
    double? RetryAfterSeconds);
