using System.Text;

namespace NanoBanana.Sdk.Testing.Images;

/// <summary>
/// FNV-1a over UTF-8: the same text gives the same value in every process, unlike
/// <see cref="string.GetHashCode()"/>, so a prompt always yields the same picture.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Of(string text)
    {
        var hash = OffsetBasis;
        foreach (var value in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ value) * Prime;
        }

        return hash;
    }
}
