using System.Text.Json;

namespace NanoBanana.Cli.Tests.Support;

/// <summary>Checks on the CLI's JSON documents that several test classes share.</summary>
public static class JsonAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The document is a succeeded generation with one PNG saved on disk, described truthfully.</summary>
    /// <param name="document">The generation document.</param>
    /// <param name="provider">The expected <c>--provider</c> name.</param>
    public static void SavedOnePng(JsonElement document, string provider)
    {
        Assert.Equal(provider, document.GetProperty("provider").GetString());
        Assert.Equal("succeeded", document.GetProperty("status").GetString());
        HasFields(document, "operationId", "percent", "text", "usage");
        var image = Assert.Single(document.GetProperty("images").EnumerateArray());
        var path = image.GetProperty("path").GetString()!;
        Assert.True(File.Exists(path), $"{path} was not saved.");
        Assert.Equal(new FileInfo(path).Length, image.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("image/png", image.GetProperty("mediaType").GetString());
        Assert.Equal(PngSignature, File.ReadAllBytes(path)[..PngSignature.Length]);
        HasFields(image, "uri");
    }

    /// <summary>The object has each of the fields, null or not: every document of a kind has the same shape.</summary>
    /// <param name="element">The object.</param>
    /// <param name="names">The field names.</param>
    public static void HasFields(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(element.TryGetProperty(name, out _), $"The field '{name}' is missing from {element}.");
        }
    }

    /// <summary>The text has no control characters but line ends: no carriage return, no escape sequence.</summary>
    /// <param name="text">The output.</param>
    public static void NoControlCharacters(string text)
    {
        var offending = text.ReplaceLineEndings("\n").Where(c => char.IsControl(c) && c != '\n').Select(c => $"U+{(int)c:X4}").Distinct().ToList();
        Assert.True(offending.Count == 0, $"Control characters in plain output: {string.Join(", ", offending)}");
    }
}
