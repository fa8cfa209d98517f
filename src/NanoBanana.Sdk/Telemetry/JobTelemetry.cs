using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NanoBanana.Sdk.Telemetry;

/// <summary>
/// Records a job's end exactly once: generation time, polls, images, tokens and credits. Several paths can see the same
/// end (the operation that polled the job, then the call that waited for it), so the first to report a result or a
/// failure records it and later reports of the same instance are ignored.
/// </summary>
internal static class JobTelemetry
{
    private static readonly ConditionalWeakTable<object, object> Recorded = new();
    private static readonly object Marker = new();

    /// <summary>Whether an exception is a job's own end (the vendor ran it and it failed) rather than a failed call.</summary>
    public static bool IsJobOutcome(Exception exception) =>
        exception is NanoBananaGenerationFailedException or NanoBananaContentFilteredException;

    /// <summary>Records a succeeded job.</summary>
    /// <param name="provider">The provider that ran it.</param>
    /// <param name="job">What identifies the job's end, usually its result; recorded once per instance.</param>
    /// <param name="imageCount">The images it returned.</param>
    /// <param name="usage">What it cost, where the vendor says.</param>
    /// <param name="elapsed">The time since the submit, when this process knows it.</param>
    /// <param name="polls">The status reads it took, when it was polled.</param>
    public static void Succeeded(string provider, object job, int imageCount, ImageGenerationUsage? usage, TimeSpan? elapsed, long? polls)
    {
        if (!Recorded.TryAdd(job, Marker))
        {
            return;
        }

        var providerTag = Provider(provider);
        Ended(providerTag, errorType: null, elapsed, polls);
        NanoBananaTelemetry.Images.Add(imageCount, providerTag);
        if (usage is null)
        {
            return;
        }

        if (usage.InputTokens is { } input)
        {
            RecordTokens(provider, "input", input);
        }

        if (usage.OutputTokens is { } output)
        {
            RecordTokens(provider, "output", output);
        }

        if (usage.CreditsUsed is { } used)
        {
            NanoBananaTelemetry.CreditsUsed.Add((double)used, providerTag);
        }

        if (usage.RemainingCredits is { } remaining)
        {
            NanoBananaTelemetry.CreditsRemaining.Record((double)remaining, providerTag);
        }
    }

    /// <summary>Records a job that ended failed.</summary>
    /// <param name="provider">The provider that ran it.</param>
    /// <param name="failure">Why it failed; recorded once per instance.</param>
    /// <param name="elapsed">The time since the submit, when this process knows it.</param>
    /// <param name="polls">The status reads it took, when it was polled.</param>
    public static void Failed(string provider, Exception failure, TimeSpan? elapsed, long? polls)
    {
        if (Recorded.TryAdd(failure, Marker))
        {
            Ended(Provider(provider), failure.GetType().FullName, elapsed, polls);
        }
    }

    private static void Ended(KeyValuePair<string, object?> provider, string? errorType, TimeSpan? elapsed, long? polls)
    {
        var tags = new TagList { provider };
        if (errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, errorType);
        }

        if (elapsed is { } time)
        {
            NanoBananaTelemetry.GenerationDuration.Record(time.TotalSeconds, in tags);
        }

        if (polls is { } count)
        {
            NanoBananaTelemetry.PollsPerJob.Record(count, in tags);
        }
    }

    private static void RecordTokens(string provider, string type, long tokens) => NanoBananaTelemetry.TokenUsage.Record(
        tokens,
        new KeyValuePair<string, object?>(TelemetryTags.OperationName, TelemetryOperations.GenerateContent),
        Provider(provider),
        new KeyValuePair<string, object?>(TelemetryTags.TokenType, type));

    private static KeyValuePair<string, object?> Provider(string provider) => new(TelemetryTags.ProviderName, provider);
}
