using NanoBanana.Sdk.Testing.Images;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>The picture a request asks for: its aspect ratio and the long side of its size tier.</summary>
internal readonly record struct ImageTarget(int RatioWidth, int RatioHeight, int LongSide)
{
    /// <summary>The image's size and pattern; the same prompt paints the same picture at every size.</summary>
    public ImageSpec Spec(string prompt, int longSide) => ImageSpec.ForAspectRatio(RatioWidth, RatioHeight, longSide, prompt);
}
