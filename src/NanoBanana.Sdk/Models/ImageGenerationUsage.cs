namespace NanoBanana.Sdk;

/// <summary>What a job cost, in the vendor's units: tokens, credits or both.</summary>
public sealed record ImageGenerationUsage
{
    /// <summary>Input tokens, where the vendor counts tokens.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Output tokens, where the vendor counts tokens.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>Total tokens, where the vendor counts tokens.</summary>
    public long? TotalTokens { get; init; }

    /// <summary>Credits the job was charged, where the vendor sells credits.</summary>
    public decimal? CreditsUsed { get; init; }

    /// <summary>The account's credit balance after the job, where the vendor says.</summary>
    public decimal? RemainingCredits { get; init; }
}
