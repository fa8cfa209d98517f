using System.Buffers.Binary;
using System.Buffers.Text;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Makes Google-looking ids from a counter scrambled by SplitMix64: they look random, never repeat within one
/// emulator, and are the same from run to run.
/// </summary>
internal sealed class GeminiIdGenerator
{
    private const string FileIdDigits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const int FileIdLength = 12;

    private long _counter;

    /// <summary>A 22-character URL-safe id like a <c>responseId</c> or an upload session id.</summary>
    public string NextOpaqueId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextValue());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextValue());
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A 12-character lowercase id like the <c>&lt;id&gt;</c> of <c>files/&lt;id&gt;</c>.</summary>
    public string NextFileId() => string.Create(FileIdLength, NextValue(), static (chars, value) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = FileIdDigits[(int)(value % (ulong)FileIdDigits.Length)];
            value /= (ulong)FileIdDigits.Length;
        }
    });

    private ulong NextValue()
    {
        var z = (ulong)Interlocked.Increment(ref _counter) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
