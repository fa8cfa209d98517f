namespace NanoBanana.Sdk.Providers.BananaPro;

/// <summary>The model ids BananaPro documents for <c>POST /api/v1/images/generate</c>; any other id is sent as given.</summary>
public static class BananaProModels
{
    /// <summary>Nano Banana (Gemini 2.5 Flash Image): 4 credits per image; takes no <c>resolution</c>.</summary>
    public const string NanoBanana = "nano-banana";

    /// <summary>Nano Banana Pro (Gemini 3 Pro Image): the only model that takes <c>resolution</c> (1K, 2K, 4K).</summary>
    public const string NanoBananaPro = "nano-banana-pro";
}
