using System.Text;

namespace NanoBanana.Sdk.Testing;

/// <summary>One attempt of the emulator to call an app back, as sent.</summary>
/// <param name="Target">The callback URL.</param>
/// <param name="Body">The body sent.</param>
/// <param name="Headers">The headers sent beside the content type (signatures, timestamps).</param>
/// <param name="Attempt">1 for the first attempt, then 2, 3, ... for the vendor's documented retries.</param>
/// <param name="StatusCode">The app's answer, or <see langword="null"/> when the connection failed or the target was not on loopback (never dialled).</param>
/// <param name="SentAt">When the attempt was made.</param>
public sealed record DeliveredCallback(
    Uri Target, ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Headers, int Attempt, int? StatusCode, DateTimeOffset SentAt)
{
    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>Whether the app accepted the callback (a 2xx answer).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
