namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>
/// The paths the payload server answers, shared by the server and the clients that call it. The image size is in the
/// Gemini model id and in the OpenAI endpoint, so one client (and one connection) serves every size.
/// </summary>
internal static class Routes
{
    public const string GeminiBase = "gemini/";

    public const string NanaNanoBananaBase = "nananobanana/api/v1/";

    public const string NanaNanoBananaGenerate = "/" + NanaNanoBananaBase + "generate";

    /// <summary>The model id that asks for an answer carrying an image of <paramref name="imageBytes"/>.</summary>
    public static string GeminiModel(int imageBytes) => $"bench-image-{imageBytes}";

    public static string GeminiGenerate(int imageBytes) => $"/{GeminiBase}v1beta/models/{GeminiModel(imageBytes)}:generateContent";

    public static string GeminiStream(int imageBytes) => $"/{GeminiBase}v1beta/models/{GeminiModel(imageBytes)}:streamGenerateContent";

    /// <summary>The OpenAI endpoint (what <c>OpenAIClientOptions.Endpoint</c> takes) for answers carrying an image of <paramref name="imageBytes"/>.</summary>
    public static string OpenAiBase(int imageBytes) => $"openai/{imageBytes}/v1";

    public static string OpenAiGenerate(int imageBytes) => $"/{OpenAiBase(imageBytes)}/images/generations";

    /// <summary>The key a route is stored under: the method and the path, without the query.</summary>
    public static string Key(string method, string path) => method + " " + path;
}
