namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>One Nano Banana model as the emulator serves it: what it accepts and how it answers.</summary>
/// <param name="Id">The bare model id used in the path, e.g. <c>gemini-2.5-flash-image</c>.</param>
/// <param name="DisplayName">The marketing name shown by <c>GET v1beta/models</c>.</param>
/// <param name="Description">A one-line description for the model list.</param>
internal sealed record GeminiModel(string Id, string DisplayName, string Description)
{
    /// <summary>The long side in pixels of an image without <c>imageSize</c> (the "1K" tier).</summary>
    public const int DefaultLongSide = 1024;

    /// <summary>The accepted <c>aspectRatio</c> values, in the order error messages list them.</summary>
    public required IReadOnlyDictionary<string, (int Width, int Height)> AspectRatios { get; init; }

    /// <summary>The accepted <c>imageSize</c> spellings (smallest first) and their long side in pixels; null when the model takes no <c>imageSize</c>.</summary>
    public IReadOnlyDictionary<string, int>? ImageSizes { get; init; }

    /// <summary>Gemini 3 models think: their non-thought parts carry a <c>thoughtSignature</c> and they honour <c>includeThoughts</c>.</summary>
    public bool Thinks { get; init; }

    /// <summary>Pro shows an interim draft image among its thoughts when thoughts are included.</summary>
    public bool ShowsThoughtDrafts { get; init; }

    /// <summary>3.1 Flash answers a 2K/4K request with a 1K image part first, then the requested one (js-genai#1461).</summary>
    public bool SendsDraftBeforeLargeImages { get; init; }

    /// <summary>The most reference images one request may carry; null for no limit.</summary>
    public int? MaxReferenceImages { get; init; }

    /// <summary>The output tokens billed for a result image of the given long side.</summary>
    public required Func<int, int> ImageTokens { get; init; }

    /// <summary>The resource name, <c>models/&lt;id&gt;</c>.</summary>
    public string Name => "models/" + Id;
}
