using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>
/// The raw baseline of an event stream: POST, headers read first, <see cref="SseParser"/> over the body, and each event
/// deserialized from its bytes with source-generated System.Text.Json.
/// </summary>
internal sealed class RawStreamClient(HttpClient http, Uri endpoint, string requestJson)
{
    /// <summary>Reads the whole stream, handing each event to <paramref name="onEvent"/>, and returns how many there were.</summary>
    public async Task<int> ReadAsync<T>(JsonTypeInfo<T> eventType, Action<T> onEvent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(requestJson, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var count = 0;
        var parser = SseParser.Create(body, (_, data) => JsonSerializer.Deserialize(data, eventType)!);
        await foreach (var item in parser.EnumerateAsync(cancellationToken))
        {
            onEvent(item.Data);
            count++;
        }

        return count;
    }
}
