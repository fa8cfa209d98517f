namespace NanoBanana.Sdk.Providers.NanaNanoBanana;

/// <summary>The values of the <c>mode</c> field of <c>POST /generate</c>.</summary>
public static class NanaNanoBananaModes
{
    /// <summary>Blocks until the image is ready (the vendor's default).</summary>
    public const string Sync = "sync";

    /// <summary>Streams progress as Server-Sent Events.</summary>
    public const string Stream = "stream";

    /// <summary>Returns a generation id at once, to poll with <c>GET /generate?id=</c>.</summary>
    public const string Async = "async";
}
