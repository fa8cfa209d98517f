using System.Collections.Frozen;
using System.Text.Json;

namespace NanoBanana.Sdk.Testing.Modules.Gemini;

/// <summary>
/// Reads <c>contents[]</c>: each turn's <c>role</c> and <c>parts[]</c>, where a part holds exactly one data field.
/// Inline image bytes must be valid base64 of a supported image type; <c>fileData</c> needs both of its fields.
/// </summary>
internal static class ContentsReader
{
    private const string UserRole = "user";
    private const string ModelRole = "model";

    private static readonly FrozenSet<string> ContentFields = ProtoJson.Names("role", "parts");

    private static readonly FrozenSet<string> PartFields = ProtoJson.Names(
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult",
        "thought", "thoughtSignature", "videoMetadata");

    // The members of Part's "data" oneof; a part must set exactly one.
    private static readonly string[] DataFields =
        ["text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode", "codeExecutionResult"];

    private static readonly FrozenSet<string> BlobFields = ProtoJson.Names("mimeType", "data");
    private static readonly FrozenSet<string> FileDataFields = ProtoJson.Names("mimeType", "fileUri");

    // Input image types from the protocol file; anything else is refused like Google's "Unsupported MIME type".
    private static readonly FrozenSet<string> ImageTypes =
        FrozenSet.ToFrozenSet(["image/png", "image/jpeg", "image/webp", "image/heic", "image/heif"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The parts of <c>contents[]</c> the emulator acts on.</summary>
    public sealed record Summary(string Prompt, int TextCharacters, IReadOnlyList<ReferenceImage> ReferenceImages, int HistoryImages);

    public static Summary Read(JsonElement? contentsField)
    {
        if (contentsField is not JsonElement contents || (contents.ValueKind == JsonValueKind.Array && contents.GetArrayLength() == 0))
        {
            throw new GeminiInvalidArgumentException("* GenerateContentRequest.contents: contents is not specified\n");
        }

        ProtoJson.Array(contents, "contents");
        var prompt = string.Empty;
        var textCharacters = 0;
        var references = new List<ReferenceImage>();
        var historyImages = 0;
        var index = 0;
        foreach (var content in contents.EnumerateArray())
        {
            var path = ProtoJson.Path("contents", index++);
            ProtoJson.Object(content, path);
            ProtoJson.RejectUnknownFields(content, path, ContentFields);
            var role = ReadRole(content, path);
            var turnText = new List<string>();
            foreach (var part in ReadParts(content, path))
            {
                if (part.Text is { } text)
                {
                    turnText.Add(text);
                    textCharacters += text.Length;
                }
                else if (part.Image is not null && role == ModelRole)
                {
                    historyImages++;
                }
                else if (part.Image is { } reference)
                {
                    references.Add(reference);
                }
            }

            if (role == UserRole)
            {
                prompt = string.Join('\n', turnText);
            }
        }

        return new Summary(prompt, textCharacters, references, historyImages);
    }

    private static string ReadRole(JsonElement content, string path)
    {
        if (ProtoJson.Field(content, "role") is not JsonElement field)
        {
            return UserRole;
        }

        var role = ProtoJson.String(field, ProtoJson.Path(path, "role"));
        return role is UserRole or ModelRole
            ? role
            : throw new GeminiInvalidArgumentException("Please use a valid role: user, model.");
    }

    private static IEnumerable<(string? Text, ReferenceImage? Image)> ReadParts(JsonElement content, string contentPath)
    {
        var partsPath = ProtoJson.Path(contentPath, "parts");
        if (ProtoJson.Field(content, "parts") is not JsonElement parts
            || ProtoJson.Array(parts, partsPath).GetArrayLength() == 0)
        {
            throw new GeminiInvalidArgumentException($"* GenerateContentRequest.{partsPath}: contents.parts must not be empty.\n");
        }

        var index = 0;
        foreach (var part in parts.EnumerateArray())
        {
            var path = ProtoJson.Path(partsPath, index++);
            ProtoJson.Object(part, path);
            ProtoJson.RejectUnknownFields(part, path, PartFields);
            yield return ReadPart(part, path);
        }
    }

    private static (string? Text, ReferenceImage? Image) ReadPart(JsonElement part, string path)
    {
        var set = DataFields.Where(name => ProtoJson.Field(part, name) is not null).ToList();
        if (set.Count == 0)
        {
            throw new GeminiInvalidArgumentException($"* GenerateContentRequest.{path}.data: required oneof field 'data' must have one initialized field\n");
        }

        if (set.Count > 1)
        {
            throw new GeminiInvalidArgumentException(
                $"Invalid JSON payload received. Oneof field 'data' is already set. Cannot set '{set[1]}' at '{path}'.");
        }

        if (ProtoJson.Field(part, "thought") is JsonElement thought)
        {
            ProtoJson.Boolean(thought, ProtoJson.Path(path, "thought"));
        }

        if (ProtoJson.Field(part, "thoughtSignature") is JsonElement signature)
        {
            ProtoJson.Base64Length(signature, ProtoJson.Path(path, "thoughtSignature"));
        }

        var value = ProtoJson.Field(part, set[0])!.Value;
        return set[0] switch
        {
            "text" => (ProtoJson.String(value, ProtoJson.Path(path, "text")), null),
            "inlineData" => (null, ReadInlineData(value, ProtoJson.Path(path, "inlineData"), path)),
            "fileData" => (null, ReadFileData(value, ProtoJson.Path(path, "fileData"), path)),
            _ => (null, null),
        };
    }

    private static ReferenceImage ReadInlineData(JsonElement blob, string path, string partPath)
    {
        ProtoJson.Object(blob, path);
        ProtoJson.RejectUnknownFields(blob, path, BlobFields);
        var mimeType = RequiredString(blob, path, "mimeType");
        if (!ImageTypes.Contains(mimeType))
        {
            throw new GeminiInvalidArgumentException("Unsupported MIME type: " + mimeType);
        }

        var data = ProtoJson.Field(blob, "data")
            ?? throw new GeminiInvalidArgumentException($"* GenerateContentRequest.{path}.data: data is not specified\n");
        var length = ProtoJson.Base64Length(data, ProtoJson.Path(path, "data"));
        return new ReferenceImage(mimeType, length, null, partPath);
    }

    private static ReferenceImage ReadFileData(JsonElement fileData, string path, string partPath)
    {
        ProtoJson.Object(fileData, path);
        ProtoJson.RejectUnknownFields(fileData, path, FileDataFields);
        var fileUri = RequiredString(fileData, path, "fileUri");
        var mimeType = RequiredString(fileData, path, "mimeType");
        return new ReferenceImage(mimeType, null, fileUri, partPath);
    }

    private static string RequiredString(JsonElement message, string path, string field)
    {
        var fieldPath = ProtoJson.Path(path, field);
        return ProtoJson.Field(message, field) is JsonElement value && ProtoJson.String(value, fieldPath) is { Length: > 0 } text
            ? text
            : throw new GeminiInvalidArgumentException($"* GenerateContentRequest.{fieldPath}: {ProtoJson.SnakeCase(field)} is not specified\n");
    }
}
