using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace NanoBanana.Sdk.AspNetCore;

/// <summary>Reads the raw request body, byte for byte, up to a limit; nothing is bound or re-encoded.</summary>
internal static class WebhookBodyReader
{
    /// <summary>Returns the body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                if (buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                    return null;
                }

                if (result.IsCompleted)
                {
                    var body = buffer.ToArray();
                    reader.AdvanceTo(buffer.End);
                    return body;
                }

                // Nothing consumed yet: ask for more until the whole body is buffered.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's own MaxRequestBodySize is smaller than ours and was hit first.
            return null;
        }
    }
}
