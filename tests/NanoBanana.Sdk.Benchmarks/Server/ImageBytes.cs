namespace NanoBanana.Sdk.Benchmarks.Server;

/// <summary>The image every server body carries: deterministic random bytes, so the server and the clients agree on it without sharing memory.</summary>
internal static class ImageBytes
{
    /// <summary>The sizes the server serves: a small one to warm code up, then the measured 1, 8 and 24 MiB.</summary>
    public static readonly int[] ServedSizes = [WarmUpSize, Mebibytes(1), Mebibytes(8), Mebibytes(24)];

    /// <summary>The image used to JIT every code path before a measurement.</summary>
    public const int WarmUpSize = 64 * 1024;

    public static int Mebibytes(int count) => count * 1024 * 1024;

    /// <summary>Random bytes seeded by the length: base64 of them has no runs a parser could take a shortcut on.</summary>
    public static byte[] Create(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
