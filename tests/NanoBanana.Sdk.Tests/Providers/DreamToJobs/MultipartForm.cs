using System.Net.Http.Headers;
using System.Text;

namespace NanoBanana.Sdk.Tests.Providers.DreamToJobs;

/// <summary>Reads a recorded <c>multipart/form-data</c> body into its parts, to assert what an upload sent.</summary>
internal sealed class MultipartForm
{
    private readonly List<FormPart> _parts;

    private MultipartForm(List<FormPart> parts) => _parts = parts;

    public static MultipartForm Parse(StubRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]);
        Assert.Equal("multipart/form-data", contentType.MediaType);
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var body = request.Body;
        var parts = new List<FormPart>();
        var start = IndexOf(body, delimiter, 0) + delimiter.Length;
        while (true)
        {
            var next = IndexOf(body, delimiter, start);
            if (next < 0)
            {
                break;
            }

            // Each part: CRLF, headers, CRLF CRLF, content, CRLF, then the next delimiter.
            var headerEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
            var headers = Encoding.ASCII.GetString(body, start + 2, headerEnd - start - 2).Split("\r\n");
            var content = body[(headerEnd + 4)..(next - 2)];
            parts.Add(FormPart.From(headers, content));
            start = next + delimiter.Length;
        }

        return new MultipartForm(parts);
    }

    public FormPart Part(string name) => Assert.Single(_parts, p => p.Name == name);

    public string Text(string name)
    {
        var part = Part(name);
        Assert.Null(part.ContentType);
        return Encoding.UTF8.GetString(part.Content);
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        haystack.AsSpan(from).IndexOf(needle) is var i and >= 0 ? from + i : -1;

    internal sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content)
    {
        public static FormPart From(string[] headers, byte[] content)
        {
            var disposition = ContentDispositionHeaderValue.Parse(Header(headers, "Content-Disposition")!);
            return new FormPart(disposition.Name!.Trim('"'), disposition.FileName?.Trim('"'), Header(headers, "Content-Type"), content);
        }

        private static string? Header(string[] headers, string name) => headers
            .Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(h => h[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }
}
