namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>A finished upload, as the Files API's <c>File</c> resource describes it.</summary>
/// <param name="Id">The id in <c>files/&lt;id&gt;</c>.</param>
/// <param name="DisplayName">The caller's display name, if any.</param>
/// <param name="MimeType">The declared media type.</param>
/// <param name="SizeBytes">The number of bytes received.</param>
/// <param name="Sha256Hex">The lowercase hex SHA-256 of the bytes.</param>
/// <param name="CreateTime">When the upload finished.</param>
/// <param name="Uri">The URI to use in <c>fileData.fileUri</c>: the file's metadata URL on this emulator.</param>
internal sealed record GeminiFile(
    string Id, string? DisplayName, string MimeType, long SizeBytes, string Sha256Hex, DateTimeOffset CreateTime, Uri Uri)
{
    /// <summary>Files are kept 48 hours (protocol file, "Retention 48 h").</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);

    public string Name => "files/" + Id;

    public DateTimeOffset ExpirationTime => CreateTime + Retention;
}
