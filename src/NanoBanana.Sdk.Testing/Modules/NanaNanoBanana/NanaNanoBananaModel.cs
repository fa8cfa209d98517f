namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>One entry of the model catalog, as <c>GET /models</c> describes it.</summary>
internal sealed record NanaNanoBananaModel(string Name, string DisplayName, int CreditsCost, bool RequiresPro)
{
    public bool SupportsImageInput { get; init; } = true;

    public bool SupportsAspectRatio { get; init; } = true;

    /// <summary>The long side of the output in pixels: the vendor selects resolution through the model id suffix.</summary>
    public int LongSide =>
        Name.EndsWith("-4k", StringComparison.Ordinal) ? 4096
        : Name.EndsWith("-2k", StringComparison.Ordinal) ? 2048
        : 1024;
}
