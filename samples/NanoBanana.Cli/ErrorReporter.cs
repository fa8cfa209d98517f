using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NanoBanana.Cli.Output;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>
/// The one place that turns a failure into an exit code, a single stderr line (never a stack trace, never the key) and,
/// with <c>--json</c>, an error document on stdout.
/// </summary>
internal static partial class ErrorReporter
{
    public static int ReportParseErrors(ParseResult parseResult, bool json, CliConsole console)
    {
        var command = parseResult.CommandResult.Command;
        var help = command is RootCommand ? "nanobanana --help" : $"nanobanana {command.Name} --help";
        var failure = new Failure(
            ExitCodes.Usage, "usage", string.Join(" ", parseResult.Errors.Select(error => OneLine(error.Message))), string.Empty, $" See '{help}'.");
        return Write(failure, null, null, console, json);
    }

    public static int Report(Exception exception, ErrorContext context, CliConsole console, bool json) =>
        Write(Classify(exception, context), exception as NanoBananaException, context, console, json);

    private static int Write(Failure failure, NanoBananaException? vendor, ErrorContext? context, CliConsole console, bool json)
    {
        console.Error.WriteLine($"error: {failure.Message}{failure.Facts}{failure.Hint}");
        if (json)
        {
            var details = new ErrorDetails(
                failure.Type,
                failure.Message,
                failure.Hint.Trim() is { Length: > 0 } hint ? hint : null,
                failure.ExitCode,
                context?.Provider,
                vendor?.StatusCode,
                vendor?.ErrorCode,
                vendor?.OperationId ?? context?.OperationId,
                vendor?.RequestId,
                vendor?.RetryAfter?.TotalSeconds);
            console.Out.WriteLine(JsonSerializer.Serialize(new ErrorDocument(details), CliJson.Context.ErrorDocument));
        }

        return failure.ExitCode;
    }

    private static Failure Classify(Exception exception, ErrorContext context) => exception switch
    {
        // After Ctrl+C whatever surfaces is a consequence of it, whatever its type.
        _ when context.Cancelled => Cancelled(context.OperationId),
        NotSupportedException => new(ExitCodes.Unsupported, "unsupported", Message(exception), string.Empty, string.Empty),
        // InvalidOperationException: a request the configuration cannot serve (a callback without a secret, an id this provider cannot read back).
        ArgumentException or OptionsValidationException or InvalidOperationException => new(ExitCodes.Usage, "usage", Message(exception), string.Empty, string.Empty),
        NanoBananaAuthenticationException e => Vendor(ExitCodes.Authentication, "authentication", e),
        NanoBananaQuotaExceededException e => Vendor(ExitCodes.Quota, "quota_exceeded", e),
        NanoBananaRateLimitException e => Vendor(ExitCodes.RateLimited, "rate_limited", e) with { Facts = JobFact(e) + RetryAfter(e) },
        NanoBananaContentFilteredException e => Vendor(ExitCodes.ContentFiltered, "content_filtered", e),
        NanoBananaGenerationFailedException e => Vendor(ExitCodes.GenerationFailed, "generation_failed", e),
        NanoBananaTimeoutException e => Vendor(ExitCodes.Timeout, "timeout", e) with { Hint = ResumeHint(e.OperationId) },
        NanoBananaException e => Vendor(ExitCodes.ProviderError, "provider_error", e) with { Facts = StatusFacts(e), Hint = UnknownJobHint(e, context) },
        _ => new(ExitCodes.Unexpected, "unexpected", $"{exception.GetType().Name}: {Message(exception)}", string.Empty, string.Empty),
    };

    private static Failure Cancelled(string? operationId) => operationId is null
        ? new(ExitCodes.Cancelled, "cancelled", "cancelled.", string.Empty, string.Empty)
        : new(ExitCodes.Cancelled, "cancelled", $"cancelled; job {operationId} keeps running at the vendor.", string.Empty, ResumeHint(operationId));

    private static Failure Vendor(int exitCode, string type, NanoBananaException exception) =>
        new(exitCode, type, Message(exception), JobFact(exception), string.Empty);

    private static string JobFact(NanoBananaException exception) =>
        exception.OperationId is { } id ? $" [operation id: {id}]" : string.Empty;

    // The specific kinds already say what the status means; a generic vendor error needs the status to be understood.
    private static string StatusFacts(NanoBananaException exception)
    {
        var facts = new List<string>();
        if (exception.StatusCode is { } status)
        {
            facts.Add($"status {status}");
        }

        if (exception.OperationId is { } id)
        {
            facts.Add($"operation id: {id}");
        }

        return facts.Count == 0 ? string.Empty : $" [{string.Join(", ", facts)}]";
    }

    private static string RetryAfter(NanoBananaException exception) =>
        exception.RetryAfter is { } wait ? $" [retry after: {wait.TotalSeconds:0.#} s]" : string.Empty;

    private static string ResumeHint(string? operationId) =>
        operationId is null ? string.Empty : $" Resume with: nanobanana poll --id {operationId} --wait";

    // The emulator lives only as long as one command, so a job id from an earlier run is unknown to it.
    private static string UnknownJobHint(NanoBananaException exception, ErrorContext context) =>
        (exception.StatusCode == 404 || exception.ErrorCode == "task_not_found") && (exception.OperationId ?? context.OperationId) is not null && context.UsesEmulator
            ? " The built-in emulator only knows jobs started in the same run; set an API key to reach the real vendor."
            : string.Empty;

    private static string Message(Exception exception)
    {
        var message = exception is ArgumentException { ParamName: { } name }
            ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal)
            : exception.Message;
        return OneLine(message);
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A classified failure; the stderr line is <see cref="Message"/>, then <see cref="Facts"/>, then <see cref="Hint"/>.</summary>
    /// <param name="ExitCode">The process exit code.</param>
    /// <param name="Type">The kind, for the JSON document.</param>
    /// <param name="Message">What happened, on one line.</param>
    /// <param name="Facts">Bracketed facts for the text line (status, job id, retry delay); JSON has them as fields.</param>
    /// <param name="Hint">How to carry on, with a leading space; empty when nothing applies.</param>
    private sealed record Failure(int ExitCode, string Type, string Message, string Facts, string Hint);
}
