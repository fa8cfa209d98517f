using System.Text.RegularExpressions;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Checks <c>fileData.fileUri</c> values. A Files API URI (any http(s) URL whose path ends in
/// <c>/v1beta/files/&lt;id&gt;</c>, this emulator's or Google's) must name a file uploaded to this emulator; any other
/// http(s) URL is accepted as a public image URL (gateways and Vertex take those) and left in the request log.
/// Other schemes (<c>gs://</c>, relative names) are refused: the Gemini API takes neither.
/// </summary>
internal static partial class FileReferences
{
    public static void Check(IReadOnlyList<ReferenceImage> references, GeminiFileStore files)
    {
        foreach (var reference in references)
        {
            if (reference.FileUri is not { } fileUri)
            {
                continue;
            }

            if (!Uri.TryCreate(fileUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new GeminiInvalidArgumentException(
                    $"Unsupported file URI at '{reference.Path}.file_data.file_uri': {fileUri}. Use the uri of a file uploaded with the Files API, or an http(s) URL.");
            }

            var match = FilesApiPath().Match(uri.AbsolutePath);
            if (match.Success && !files.TryGet(match.Groups["id"].Value, out _))
            {
                throw new GeminiInvalidArgumentException(
                    $"File files/{match.Groups["id"].Value} at '{reference.Path}.file_data.file_uri' does not exist or has been deleted; upload it with the Files API first.");
            }
        }
    }

    [GeneratedRegex("/v1beta/files/(?<id>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FilesApiPath();
}
