using System.Collections.Concurrent;

namespace NanoBanana.Sdk.Testing.Images;

/// <summary>
/// The result images the emulator hosts, by file name. Each PNG is encoded on its first download and cached,
/// so generations stay fast and unread images cost nothing.
/// </summary>
internal sealed class ImageFileStore
{
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _files = new(StringComparer.Ordinal);

    public void Add(string fileName, ImageSpec spec) =>
        _files[fileName] = new Lazy<byte[]>(() => PngEncoder.Encode(spec), LazyThreadSafetyMode.ExecutionAndPublication);

    public bool TryGet(string fileName, out byte[] png)
    {
        if (_files.TryGetValue(fileName, out var file))
        {
            png = file.Value;
            return true;
        }

        png = [];
        return false;
    }
}
