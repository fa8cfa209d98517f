using Microsoft.Extensions.AI;

namespace NanoBanana.Sdk.Extensions.AI;

/// <summary>Maps the SDK's usage onto <see cref="UsageDetails"/>: tokens as tokens, credits charged as an additional count.</summary>
internal static class UsageMapper
{
    /// <summary>The <see cref="UsageDetails.AdditionalCounts"/> key of the credits a job was charged.</summary>
    public const string CreditsUsedKey = "CreditsUsed";

    public static UsageDetails? ToUsageDetails(ImageGenerationUsage? usage)
    {
        if (usage is null)
        {
            return null;
        }

        // Additional counts are whole and summable: a fractional charge cannot be one, and a balance is not summable,
        // so both stay on the raw ImageGenerationResult.Usage only.
        var credits = usage.CreditsUsed is { } used && decimal.Truncate(used) == used && used is >= long.MinValue and <= long.MaxValue
            ? (long?)used
            : null;
        if (usage.InputTokens is null && usage.OutputTokens is null && usage.TotalTokens is null && credits is null)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokens,
            OutputTokenCount = usage.OutputTokens,
            TotalTokenCount = usage.TotalTokens,
        };
        if (credits is { } whole)
        {
            details.AdditionalCounts = new AdditionalPropertiesDictionary<long> { [CreditsUsedKey] = whole };
        }

        return details;
    }
}
