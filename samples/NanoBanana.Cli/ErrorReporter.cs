using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using NanoBanana.Sdk;

namespace NanoBanana.Cli;

/// <summary>The one place that turns a failure into an exit code and a single stderr line (never a stack trace, never the key).</summary>
internal static partial class ErrorReporter
{
    public static int ReportParseErrors(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var help = command is RootCommand ? "nanobanana --help" : $"nanobanana {command.Name} --help";
        Console.Error.WriteLine($"error: {string.Join(" ", parseResult.Errors.Select(error => OneLine(error.Message)))} (see '{help}')");
        return ExitCodes.Usage;
    }

    public static int Report(Exception exception, ErrorContext context)
    {
        var (exitCode, reason) = Classify(exception, context);
        Console.Error.WriteLine($"error: {reason}");
        return exitCode;
    }

    private static (int ExitCode, string Reason) Classify(Exception exception, ErrorContext context) => exception switch
    {
        // After Ctrl+C whatever surfaces is a consequence of it, whatever its type.
        _ when context.Cancelled => (ExitCodes.Cancelled, Cancelled(context.OperationId)),
        // InvalidOperationException: a request the configuration cannot serve (a callback without a secret, an id this provider cannot read back).
        ArgumentException or NotSupportedException or OptionsValidationException or InvalidOperationException => (ExitCodes.Usage, Message(exception)),
        NanoBananaAuthenticationException e => (ExitCodes.Authentication, WithJob(e)),
        NanoBananaQuotaExceededException e => (ExitCodes.Quota, WithJob(e)),
        NanoBananaRateLimitException e => (ExitCodes.RateLimited, WithJob(e) + RetryAfter(e)),
        NanoBananaContentFilteredException e => (ExitCodes.ContentFiltered, WithJob(e)),
        NanoBananaGenerationFailedException e => (ExitCodes.GenerationFailed, WithJob(e)),
        NanoBananaTimeoutException e => (ExitCodes.Timeout, WithJob(e) + ResumeHint(e.OperationId)),
        NanoBananaException e => (ExitCodes.ProviderError, WithStatus(e) + UnknownJobHint(e, context)),
        _ => (ExitCodes.Unexpected, $"{exception.GetType().Name}: {Message(exception)}"),
    };

    private static string Cancelled(string? operationId) => operationId is null
        ? "cancelled."
        : $"cancelled; job {operationId} keeps running at the vendor.{ResumeHint(operationId)}";

    private static string WithJob(NanoBananaException exception) =>
        Message(exception) + (exception.OperationId is { } id ? $" [operation id: {id}]" : string.Empty);

    private static string WithStatus(NanoBananaException exception)
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

        return Message(exception) + (facts.Count == 0 ? string.Empty : $" [{string.Join(", ", facts)}]");
    }

    private static string RetryAfter(NanoBananaException exception) =>
        exception.RetryAfter is { } wait ? $" [retry after: {wait.TotalSeconds:0.#} s]" : string.Empty;

    private static string ResumeHint(string? operationId) =>
        operationId is null ? string.Empty : $" Resume with: nanobanana poll --id {operationId} --wait";

    // The emulator lives only as long as one command, so a job id from an earlier run is unknown to it.
    private static string UnknownJobHint(NanoBananaException exception, ErrorContext context) =>
        (exception.StatusCode == 404 || exception.ErrorCode == "task_not_found") && exception.OperationId is not null && context.UsesEmulator
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
}
