namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>Who fetches the inline image.</summary>
internal enum InlineImageContender
{
    /// <summary>Buffer the body, then decode the base64 into one array.</summary>
    Floor,

    /// <summary>NanoBanana.Sdk's <c>GeminiImageClient.GenerateAsync</c>.</summary>
    Sdk,

    /// <summary>HttpClient with <c>ReadFromJsonAsync</c> and <c>Convert.FromBase64String</c>.</summary>
    HandWritten,

    /// <summary>OpenAI .NET's <c>ImageClient.GenerateImageAsync</c> on the OpenAI images shape.</summary>
    OpenAi,
}
