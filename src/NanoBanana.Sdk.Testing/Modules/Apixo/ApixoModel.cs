using System.Collections.Frozen;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>One model the emulator serves, with the limits its APIXO page documents.</summary>
/// <param name="Name">The id in the path.</param>
/// <param name="MaxImageUrls">The most reference images.</param>
/// <param name="AspectRatios">The accepted <c>aspect_ratio</c> values and their width and height terms.</param>
/// <param name="TakesResolution">Whether <c>resolution</c> (1K/2K/4K) is accepted.</param>
/// <param name="MaxPromptLength">The longest prompt, where documented.</param>
internal sealed record ApixoModel(
    string Name,
    int MaxImageUrls,
    FrozenDictionary<string, (int Width, int Height)> AspectRatios,
    bool TakesResolution,
    int? MaxPromptLength);
