using System.Diagnostics.CodeAnalysis;

namespace NanoBanana.Sdk.Testing.Modules.BananaPro;

/// <summary>
/// The documented models: <c>nano-banana</c> at the documented 4 credits, and <c>nano-banana-pro</c>, the only one that
/// takes <c>resolution</c>, at an assumed 6 credits (the webhook example's <c>credits_charged</c>).
/// </summary>
internal static class BananaProModelCatalog
{
    private static readonly Dictionary<string, BananaProModel> Models = new(StringComparer.Ordinal)
    {
        ["nano-banana"] = new("nano-banana", CreditsCost: 4, TakesResolution: false),
        ["nano-banana-pro"] = new("nano-banana-pro", CreditsCost: 6, TakesResolution: true),
    };

    public static bool TryFind(string id, [NotNullWhen(true)] out BananaProModel? model) => Models.TryGetValue(id, out model);
}

