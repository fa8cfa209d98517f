using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NanoBanana.Sdk.Testing.Hosting;
using NanoBanana.Sdk.Testing.Http;
using NanoBanana.Sdk.Testing.Recording;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// <c>POST upload/v1beta/files</c>, the Files API's resumable upload (protocols/gemini-official.md): <c>start</c>
/// (authenticated, metadata in <c>X-Goog-Upload-Header-*</c> and an optional <c>{"file":{"displayName"}}</c> body)
/// answers with <c>X-Goog-Upload-URL</c>; that URL takes <c>upload</c> chunks at increasing
/// <c>X-Goog-Upload-Offset</c>s, <c>query</c>, and <c>finalize</c>, which answers <c>{"file": File}</c>. As at
/// Google, the session id in the URL is the credential for the later calls.
/// </summary>
internal sealed class FileUploadEndpoint(EmulatorState state, GeminiFileStore files)
{
    private const string ProtocolHeader = "X-Goog-Upload-Protocol";
    private const string CommandHeader = "X-Goog-Upload-Command";
    private const string LengthHeader = "X-Goog-Upload-Header-Content-Length";
    private const string TypeHeader = "X-Goog-Upload-Header-Content-Type";
    private const string OffsetHeader = "X-Goog-Upload-Offset";
    private const string StatusHeader = "X-Goog-Upload-Status";

    // Google's chunk granularity: every chunk but the last should be a multiple of it.
    private const string ChunkGranularity = "8388608";

    private static readonly FrozenSet<string> StartFields = ProtoJson.Names("file");
    private static readonly FrozenSet<string> FileFields = ProtoJson.Names("displayName", "mimeType");
    private static readonly FrozenSet<string> Commands = FrozenSet.ToFrozenSet(["upload", "finalize", "query"], StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var sessionId = context.Request.Query["upload_id"].ToString();
        try
        {
            var respond = sessionId.Length == 0 ? StartAsync(context) : ContinueAsync(context, sessionId);
            await respond.ConfigureAwait(false);
        }
        catch (GeminiInvalidArgumentException e)
        {
            await GeminiErrors.WriteInvalidArgumentAsync(context, e.Message).ConfigureAwait(false);
        }
    }

    private async Task StartAsync(HttpContext context)
    {
        if (!await GeminiAuth.AuthorizeAsync(context, state.ApiKey).ConfigureAwait(false))
        {
            return;
        }

        var headers = context.Request.Headers;
        if (!string.Equals(headers[ProtocolHeader].ToString(), "resumable", StringComparison.OrdinalIgnoreCase))
        {
            throw new GeminiInvalidArgumentException(
                $"Only resumable uploads are supported: send {ProtocolHeader}: resumable and {CommandHeader}: start.");
        }

        if (!string.Equals(headers[CommandHeader].ToString().Trim(), "start", StringComparison.OrdinalIgnoreCase))
        {
            throw new GeminiInvalidArgumentException($"A new upload needs {CommandHeader}: start.");
        }

        var (displayName, bodyMimeType) = ReadStartBody(RequestRecordingMiddleware.Current(context).Body);
        var mimeType = headers[TypeHeader].ToString() is { Length: > 0 } headerType ? headerType
            : bodyMimeType ?? throw new GeminiInvalidArgumentException($"The file's MIME type is missing: set {TypeHeader}.");
        long? declaredLength = null;
        if (headers[LengthHeader].ToString() is { Length: > 0 } lengthText)
        {
            declaredLength = long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? length
                : throw new GeminiInvalidArgumentException($"Invalid {LengthHeader}: {lengthText}");
        }

        var session = files.StartUpload(displayName, mimeType, declaredLength);
        var uploadUrl = GeminiRoutes.UploadUri(state.BaseAddress, session.Id).AbsoluteUri;
        var response = context.Response;
        response.Headers[StatusHeader] = "active";
        response.Headers["X-Goog-Upload-URL"] = uploadUrl;
        response.Headers["X-Goog-Upload-Control-URL"] = uploadUrl;
        response.Headers["X-Goog-Upload-Chunk-Granularity"] = ChunkGranularity;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = 0;
    }

    private async Task ContinueAsync(HttpContext context, string sessionId)
    {
        if (!files.TryGetSession(sessionId, out var session))
        {
            await GeminiErrors.WriteNotFoundAsync(context, "No upload session with this upload_id; it was finalized or never started.").ConfigureAwait(false);
            return;
        }

        var commands = ReadCommands(context.Request.Headers[CommandHeader].ToString());
        var body = RequestRecordingMiddleware.Current(context).Body;
        if (commands.Contains("upload"))
        {
            var offsetText = context.Request.Headers[OffsetHeader].ToString();
            if (!long.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                throw new GeminiInvalidArgumentException($"An upload chunk needs {OffsetHeader}.");
            }

            if (!session.TryAppend(offset, body.Span))
            {
                throw new GeminiInvalidArgumentException(
                    $"{OffsetHeader} {offset} does not match the {session.ReceivedLength} bytes received so far.");
            }
        }
        else if (!body.IsEmpty)
        {
            throw new GeminiInvalidArgumentException($"Bytes were sent without {CommandHeader}: upload.");
        }

        if (commands.Contains("finalize"))
        {
            await FinalizeAsync(context, session).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.Headers[StatusHeader] = "active";
        response.Headers["X-Goog-Upload-Size-Received"] = session.ReceivedLength.ToString(CultureInfo.InvariantCulture);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = 0;
    }

    private Task FinalizeAsync(HttpContext context, UploadSession session)
    {
        if (session.DeclaredLength is long declared && declared != session.ReceivedLength)
        {
            throw new GeminiInvalidArgumentException(
                $"The upload was finalized with {session.ReceivedLength} bytes, but {LengthHeader} announced {declared}.");
        }

        var file = files.Finalize(session, id => GeminiRoutes.FileUri(state.BaseAddress, id));
        context.Response.Headers[StatusHeader] = "final";
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("file");
            GeminiFileJson.Write(writer, file);
            writer.WriteEndObject();
        });
    }

    // "upload, finalize" is one request doing both; the words are case-insensitive and order does not matter.
    private static HashSet<string> ReadCommands(string header)
    {
        var commands = header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(command => command.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (commands.Count == 0 || !commands.All(Commands.Contains))
        {
            throw new GeminiInvalidArgumentException($"Invalid {CommandHeader}: \"{header}\"; use upload, finalize or query.");
        }

        return commands;
    }

    private static (string? DisplayName, string? MimeType) ReadStartBody(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new GeminiInvalidArgumentException("Invalid JSON payload received. " + e.Message);
        }

        using (document)
        {
            var root = ProtoJson.Object(document.RootElement, string.Empty);
            ProtoJson.RejectUnknownFields(root, string.Empty, StartFields);
            if (ProtoJson.Field(root, "file") is not JsonElement file)
            {
                return (null, null);
            }

            ProtoJson.Object(file, "file");
            ProtoJson.RejectUnknownFields(file, "file", FileFields);
            var displayName = ProtoJson.Field(file, "displayName") is JsonElement name ? ProtoJson.String(name, "file.display_name") : null;
            var mimeType = ProtoJson.Field(file, "mimeType") is JsonElement type ? ProtoJson.String(type, "file.mime_type") : null;
            return (displayName, mimeType is { Length: > 0 } ? mimeType : null);
        }
    }
}
