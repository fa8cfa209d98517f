namespace NanoBanana.Cli.Output;

/// <summary>What a job cost, in the vendor's units: credits, tokens or both.</summary>
/// <param name="CreditsUsed">Credits charged for the job.</param>
/// <param name="RemainingCredits">The balance after the job.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="TotalTokens">Total tokens.</param>
internal sealed record UsageDocument(decimal? CreditsUsed, decimal? RemainingCredits, long? InputTokens, long? OutputTokens, long? TotalTokens);
