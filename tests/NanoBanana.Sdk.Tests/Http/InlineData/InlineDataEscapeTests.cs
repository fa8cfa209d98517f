using System.Text;
using NanoBanana.Sdk.Http.InlineData;
using static NanoBanana.Sdk.Tests.Http.InlineData.InlineDataTestData;

namespace NanoBanana.Sdk.Tests.Http.InlineData;

public sealed class InlineDataEscapeTests
{
    /// <summary>Base64 of <paramref name="image"/> written the way escaping, line-wrapping encoders write it.</summary>
    private static string Escaped(byte[] image)
    {
        var plain = Convert.ToBase64String(image);
        var escaped = new StringBuilder();
        var plusCount = 0;
        for (var i = 0; i < plain.Length; i++)
        {
            if (i > 0 && i % 76 == 0)
            {
                escaped.Append(i % 152 == 0 ? "\\n" : "\\r\\n");
            }

            escaped.Append(plain[i] switch
            {
                '/' => "\\/",
                '+' => plusCount++ % 2 == 0 ? "\\u002B" : "\\u002b",
                '=' => "\\u003D",
                var c => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4093)]
    public async Task Escaped_base64_decodes(int chunkSize)
    {
        var image = RandomBytes(100_001); // leaves padding
        var data = Escaped(image);
        Assert.Contains("\\u002B", data, StringComparison.Ordinal);
        Assert.Contains("\\u002b", data, StringComparison.Ordinal);
        Assert.Contains("\\/", data, StringComparison.Ordinal);
        Assert.EndsWith("\\u003D", data, StringComparison.Ordinal);

        var document = await ReadChunked(Body(data), chunkSize, lengthKnown: true);

        Assert.True(document.Blobs[0].Span.SequenceEqual(image));
    }

    [Fact]
    public async Task An_escape_split_across_reads_decodes()
    {
        var image = RandomBytes(3000);
        var body = Body(Escaped(image));
        var escape = Encoding.UTF8.GetString(body).IndexOf("\\u002", 1000, StringComparison.Ordinal);

        // Every cut inside "\u002B", from just before the backslash to just after the last hex digit.
        for (var cut = escape; cut <= escape + 6; cut++)
        {
            var stream = new SizedChunkStream(body, cut, body.Length);
            var document = await InlineDataJsonReader.ReadAsync(stream, body.Length, Options, TestContext.Current.CancellationToken);

            Assert.True(document.Blobs[0].Span.SequenceEqual(image), $"cut at {cut}");
        }
    }

    [Fact]
    public void Base64url_without_padding_decodes()
    {
        var image = RandomBytes(1000);
        var url = Convert.ToBase64String(image).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        Assert.Contains("-", url, StringComparison.Ordinal);
        Assert.Contains("_", url, StringComparison.Ordinal);

        var document = InlineDataJsonReader.Read(Body(url), Options);

        Assert.True(document.Blobs[0].Span.SequenceEqual(image));
    }
}
