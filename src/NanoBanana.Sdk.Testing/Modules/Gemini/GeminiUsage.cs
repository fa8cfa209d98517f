namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// The token counts of one answer, split by modality like <c>usageMetadata</c>'s <c>*TokensDetails</c>. Text costs
/// one token per four characters (rounded up); every input image 258 tokens (the protocol file's example).
/// </summary>
internal sealed record GeminiUsage(int PromptText, int PromptImages, int CandidateText, int CandidateImages, int Thoughts)
{
    public const int InputImageTokens = 258;

    public int PromptTokens => PromptText + PromptImages;

    public int CandidateTokens => CandidateText + CandidateImages;

    public int TotalTokens => PromptTokens + CandidateTokens + Thoughts;

    public static int TextTokens(int characters) => (characters + 3) / 4;
}
