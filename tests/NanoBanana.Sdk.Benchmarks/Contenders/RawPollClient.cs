using System.Net.Http.Headers;
using System.Text.Json;

namespace NanoBanana.Sdk.Benchmarks.Contenders;

/// <summary>The raw baseline of a status poll: <c>GET /generate?id=</c>, headers read first, then source-generated System.Text.Json from the stream.</summary>
internal sealed class RawPollClient(HttpClient http, Uri baseAddress)
{
    public async Task<string> GetStatusAsync(string id, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, "generate?id=" + Uri.EscapeDataString(id)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nb_x");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var envelope = await JsonSerializer.DeserializeAsync(body, RawJson.Default.RawPollEnvelope, cancellationToken);
        return envelope?.Data?.ProcessingStatus ?? throw new InvalidOperationException("The poll answer had no status.");
    }
}
