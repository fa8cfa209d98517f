using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Writes the Files API's <c>File</c> resource as protocols/gemini-official.md shows it: <c>sizeBytes</c> as a string
/// (proto3 int64), timestamps with microseconds, and <c>sha256Hash</c> as the base64 of the hex digest text — the
/// example's <c>"ZjA4..."</c> decodes to <c>"f08..."</c>.
/// </summary>
internal static class GeminiFileJson
{
    public static void Write(Utf8JsonWriter writer, GeminiFile file)
    {
        writer.WriteStartObject();
        writer.WriteString("name", file.Name);
        if (file.DisplayName is { } displayName)
        {
            writer.WriteString("displayName", displayName);
        }

        writer.WriteString("mimeType", file.MimeType);
        writer.WriteString("sizeBytes", file.SizeBytes.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("createTime", Timestamp(file.CreateTime));
        writer.WriteString("updateTime", Timestamp(file.CreateTime));
        writer.WriteString("expirationTime", Timestamp(file.ExpirationTime));
        writer.WriteString("sha256Hash", Convert.ToBase64String(Encoding.ASCII.GetBytes(file.Sha256Hex)));
        writer.WriteString("uri", file.Uri.AbsoluteUri);
        writer.WriteString("state", "ACTIVE");
        writer.WriteString("source", "UPLOADED");
        writer.WriteEndObject();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
