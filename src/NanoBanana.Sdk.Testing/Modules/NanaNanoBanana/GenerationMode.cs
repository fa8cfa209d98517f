namespace NanoBanana.Sdk.Testing.Modules.NanaNanoBanana;

/// <summary>The <c>mode</c> field of <c>POST /generate</c>.</summary>
internal enum GenerationMode
{
    Sync,
    Stream,
    Async,
}
