namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>The module's paths, relative to <see cref="GeminiModule.RelativeBasePath"/>, and the URLs it hands out.</summary>
internal static class GeminiRoutes
{
    public const string Models = "v1beta/models";
    public const string Files = "v1beta/files";
    public const string Upload = "upload/v1beta/files";

    /// <summary>A file's <c>uri</c>: its metadata URL here, as Google's is on generativelanguage.googleapis.com.</summary>
    public static Uri FileUri(Uri baseAddress, string id) =>
        new(baseAddress, GeminiModule.RelativeBasePath + Files + "/" + id);

    /// <summary>The <c>X-Goog-Upload-URL</c> of an upload session, shaped like Google's.</summary>
    public static Uri UploadUri(Uri baseAddress, string sessionId) =>
        new(baseAddress, $"{GeminiModule.RelativeBasePath}{Upload}?upload_id={sessionId}&upload_protocol=resumable");
}
