using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.Apixo;

/// <summary>
/// The Nano Banana models of APIXO. <c>nano-banana</c> is documented in full; the 14-reference limit and extra ratios of
/// <c>nano-banana-2</c> come from its sibling page, and <c>nano-banana-pro</c>'s reference limit (14) is an assumption.
/// Any other model id is a 404, as the vendor's error table says for unknown models.
/// </summary>
internal static class ApixoModelCatalog
{
    private static readonly Dictionary<string, (int Width, int Height)> ClassicRatios = new(StringComparer.Ordinal)
    {
        ["1:1"] = (1, 1), ["9:16"] = (9, 16), ["16:9"] = (16, 9), ["4:3"] = (4, 3), ["3:4"] = (3, 4), ["3:2"] = (3, 2),
        ["2:3"] = (2, 3), ["5:4"] = (5, 4), ["4:5"] = (4, 5), ["21:9"] = (21, 9), ["auto"] = (1, 1),
    };

    private static readonly Dictionary<string, (int Width, int Height)> ExtraRatios = new(StringComparer.Ordinal)
    {
        ["1:4"] = (1, 4), ["4:1"] = (4, 1), ["1:8"] = (1, 8), ["8:1"] = (8, 1),
    };

    private static readonly FrozenDictionary<string, ApixoModel> Models = new ApixoModel[]
    {
        new("nano-banana", 5, ClassicRatios.ToFrozenDictionary(StringComparer.Ordinal), TakesResolution: false, MaxPromptLength: 5000),
        new("nano-banana-pro", 14, ClassicRatios.ToFrozenDictionary(StringComparer.Ordinal), TakesResolution: true, MaxPromptLength: null),
        new("nano-banana-2", 14, ClassicRatios.Concat(ExtraRatios).ToFrozenDictionary(StringComparer.Ordinal), TakesResolution: true, MaxPromptLength: null),
    }.ToFrozenDictionary(model => model.Name, StringComparer.Ordinal);

    public static bool TryFind(string? name, [NotNullWhen(true)] out ApixoModel? model)
    {
        model = null;
        return name is not null && Models.TryGetValue(name, out model);
    }
}
